// divergence-lab/compare in Node: compareFiles streaming files from disk. Types and docs: compare.d.ts.
export { compareFiles, prepareWorkers } from './files_node.js';
export { isParquet, parquetCsvChunks, parquetToCsv, toEngineInput } from './parquet.js';
