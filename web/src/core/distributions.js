// Parametric distributions and their closed forms (documented in ../index.d.ts). A distribution
// is a frozen plain object { family, params }: nothing to free.
import { checkArray, withHeapArrays } from './arrays.js';
import { wasm } from './module.js';

function checkNumber(value, name) {
  if (typeof value !== 'number') throw new TypeError(`${name}: expected a number, got ${typeof value}`);
}

/** Validates through the core (errors name the parameter: "Normal.scale: ...") and freezes. */
function create(family, params) {
  const module = wasm(family);
  const stored = withHeapArrays(
    module,
    [params],
    (pp, out) => {
      module.distValidate(family, pp, params.length, out);
    },
    [params.length],
  );
  return Object.freeze({ family, params: Object.freeze(Array.from(stored)) });
}

function scalarFamily(family, names) {
  return (...args) => {
    if (args.length !== names.length) {
      throw new TypeError(`${family}: expected ${names.length} arguments (${names.join(', ')}), got ${args.length}`);
    }
    args.forEach((v, i) => checkNumber(v, `${family}.${names[i]}`));
    return create(family, args);
  };
}

export const Normal = scalarFamily('Normal', ['loc', 'scale']);
export const Bernoulli = scalarFamily('Bernoulli', ['probs']);
export const Binomial = scalarFamily('Binomial', ['total_count', 'probs']);
export const Geometric = scalarFamily('Geometric', ['probs']);
export const Poisson = scalarFamily('Poisson', ['rate']);
export const Exponential = scalarFamily('Exponential', ['rate']);
export const Gamma = scalarFamily('Gamma', ['concentration', 'rate']);
export const Beta = scalarFamily('Beta', ['concentration1', 'concentration0']);
export const Laplace = scalarFamily('Laplace', ['loc', 'scale']);
export const Uniform = scalarFamily('Uniform', ['low', 'high']);
export const Gumbel = scalarFamily('Gumbel', ['loc', 'scale']);
export const Cauchy = scalarFamily('Cauchy', ['loc', 'scale']);
export const LogNormal = scalarFamily('LogNormal', ['loc', 'scale']);
export const HalfNormal = scalarFamily('HalfNormal', ['scale']);
export const Pareto = scalarFamily('Pareto', ['scale', 'alpha']);

export function Categorical(probs) {
  checkArray(probs, 'Categorical.probs');
  return create('Categorical', Array.from(probs));
}

export function Dirichlet(concentration) {
  checkArray(concentration, 'Dirichlet.concentration');
  return create('Dirichlet', Array.from(concentration));
}

export function MultivariateNormal(loc, covarianceMatrix) {
  checkArray(loc, 'MultivariateNormal.loc');
  const d = loc.length;
  if (!Array.isArray(covarianceMatrix) || covarianceMatrix.length !== d) {
    throw new TypeError(`MultivariateNormal.covariance_matrix: expected ${d} rows (number[][]), got ${Array.isArray(covarianceMatrix) ? covarianceMatrix.length : typeof covarianceMatrix}`);
  }
  const params = [d, ...loc];
  covarianceMatrix.forEach((row, r) => {
    checkArray(row, `MultivariateNormal.covariance_matrix[${r}]`);
    if (row.length !== d) throw new RangeError(`MultivariateNormal.covariance_matrix: row ${r} has ${row.length} entries, expected ${d}`);
    params.push(...row);
  });
  return create('MultivariateNormal', params);
}

function checkDistribution(value, name) {
  if (!value || typeof value.family !== 'string' || !Array.isArray(value.params)) {
    throw new TypeError(`${name}: expected a distribution made by distributions.Normal(...) etc., got ${value === null ? 'null' : typeof value}`);
  }
}

export function klDivergence(p, q) {
  const module = wasm('distributions.klDivergence');
  checkDistribution(p, 'p');
  checkDistribution(q, 'q');
  return withHeapArrays(module, [p.params, q.params], (pp, qp) =>
    module.distKl(p.family, pp, p.params.length, q.family, qp, q.params.length),
  );
}

export function entropy(p) {
  const module = wasm('distributions.entropy');
  checkDistribution(p, 'p');
  return withHeapArrays(module, [p.params], (pp) => module.distEntropy(p.family, pp, p.params.length));
}

const MULTIVARIATE = new Set(['MultivariateNormal', 'Dirichlet']);

export function logProb(p, x) {
  const module = wasm('distributions.logProb');
  checkDistribution(p, 'p');
  let flat;
  let d = 1;
  if (MULTIVARIATE.has(p.family)) {
    d = p.family === 'Dirichlet' ? p.params.length : p.params[0];
    const rows = Array.isArray(x) && Array.isArray(x[0]) ? x : [x];
    flat = new Float64Array(rows.length * d);
    rows.forEach((row, r) => {
      checkArray(row, `x[${r}]`);
      if (row.length !== d) throw new RangeError(`x: point ${r} has ${row.length} coordinates, ${p.family} has ${d}`);
      flat.set(row, r * d);
    });
  } else {
    flat = typeof x === 'number' ? [x] : x;
    checkArray(flat, 'x');
  }
  const count = flat.length / d;
  const out = withHeapArrays(
    module,
    [p.params, flat],
    (pp, xp, o) => {
      module.distLogProb(p.family, pp, p.params.length, xp, count, d, o);
    },
    [count],
  );
  return typeof x === 'number' || (MULTIVARIATE.has(p.family) && !Array.isArray(x[0])) ? out[0] : out;
}
