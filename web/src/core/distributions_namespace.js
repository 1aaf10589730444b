// The `distributions` namespace of the public API.
export * as distributions from './distributions.js';
