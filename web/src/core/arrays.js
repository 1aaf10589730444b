// Checking JS array arguments and copying them into the WASM heap (pointer + length); resident
// arrays (resident.js) are passed by their address, without a copy.
import { ResidentArray } from './resident.js';

/**
 * Throws a TypeError unless `value` is a number[], Float64Array or Float32Array whose entries are
 * all numbers, or a live ResidentArray (an Error when it was freed). Range checks (NaN, negative, empty, ...) happen in the core, which names the entry.
 */
export function checkArray(value, name) {
  if (value instanceof Float64Array || value instanceof Float32Array) return;
  if (value instanceof ResidentArray) {
    if (!value.live) throw new Error(`${name}: the resident array was freed (free() or dispose); allocate a new one`);
    return;
  }
  if (!Array.isArray(value)) {
    const got = value === null ? 'null' : ArrayBuffer.isView(value) ? value.constructor.name : typeof value;
    throw new TypeError(`${name}: expected an array of numbers (number[], Float64Array or Float32Array), got ${got}`);
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'number') {
      throw new TypeError(`${name}: entry ${i} is not a number (${value[i] === null ? 'null' : typeof value[i]})`);
    }
  }
}

/** WebAssembly (32-bit) memory holds at most 2 GiB here (Emscripten's default maximum). */
export const HEAP_LIMIT = 2 ** 31;

/** The RangeError for inputs that do not fit in the heap. */
export function tooLarge(bytes) {
  return new RangeError(`out of memory: the input is too large for the WebAssembly heap (${(bytes / 2 ** 20).toFixed(0)} MiB needed, at most 2048 MiB)`);
}

/**
 * Copies each array into one heap block of doubles, calls `fn(...pointers)` and frees the block,
 * also when `fn` throws. `outputs` extra output buffers of the given lengths are appended to the
 * pointer list; their contents are returned as Float64Array copies when `fn` returns undefined.
 */
export function withHeapArrays(module, arrays, fn, outputLengths = []) {
  // Resident arrays are read in place; the others share one block with the outputs.
  const copied = [];
  let total = 0;
  for (const a of arrays) {
    if (!(a instanceof ResidentArray)) {
      copied.push(a);
      total += a.length;
    }
  }
  for (const n of outputLengths) total += n;
  if (copied.length === 0 && outputLengths.length === 0) {
    return fn(...arrays.map((a, i) => a.pointerFor(module, `argument ${i + 1}`)));
  }
  // _malloc takes a 32-bit size: 2 GiB or more would wrap around (to a tiny block), so refuse first.
  if (total * 8 >= HEAP_LIMIT) throw tooLarge(total * 8);
  const base = module._malloc(Math.max(1, total) * 8);
  if (base === 0) throw tooLarge(total * 8);
  try {
    // Read HEAPF64 after _malloc: growing memory detaches earlier views.
    const heap = module.HEAPF64;
    const pointers = [];
    let offset = base;
    for (const a of arrays) {
      if (a instanceof ResidentArray) {
        pointers.push(a.pointerFor(module, 'array'));
      } else {
        heap.set(a, offset >> 3);
        pointers.push(offset);
        offset += a.length * 8;
      }
    }
    for (const n of outputLengths) {
      pointers.push(offset);
      offset += n * 8;
    }
    const result = fn(...pointers);
    if (outputLengths.length === 0) return result;
    const outs = pointers.slice(arrays.length).map((p, k) => module.HEAPF64.slice(p >> 3, (p >> 3) + outputLengths[k]));
    return result === undefined ? (outs.length === 1 ? outs[0] : outs) : result;
  } finally {
    module._free(base);
  }
}

/**
 * The hot path of the plain C exports (cpp/bindings/direct_measures.cpp): puts p and q (q may be
 * undefined) in the heap, copied unless resident, and returns
 * `f(pointerP, p.length, pointerQ, q.length, base, normalize, smoothing, amount)`, or
 * `f(pointerP, p.length, base, normalize, smoothing, amount)` without q. No closure or array is
 * made per call: at N = 10 their allocation and collection were a tenth of the call (issue 7).
 */
export function callDirect(module, f, p, q, base, normalize, smoothing, amount) {
  const residentP = p instanceof ResidentArray;
  const residentQ = q === undefined || q instanceof ResidentArray;
  const total = (residentP ? 0 : p.length) + (residentQ ? 0 : q.length);
  let block = 0; // a block of our own, freed below; 0 when the inputs are resident or fit the scratch
  let offset = 0; // where the copies go
  if (total > SCRATCH_DOUBLES) {
    if (total * 8 >= HEAP_LIMIT) throw tooLarge(total * 8);
    block = module._malloc(total * 8);
    if (block === 0) throw tooLarge(total * 8);
    offset = block;
  } else if (!(residentP && residentQ)) {
    offset = scratchOf(module);
  }
  try {
    const heap = residentP && residentQ ? null : heapOf(module); // after _malloc, which may grow the memory
    const pp = placed(module, heap, p, residentP, offset, 'p');
    if (q === undefined) return f(pp, p.length, base, normalize, smoothing, amount);
    const qp = placed(module, heap, q, residentQ, residentP ? offset : offset + p.length * 8, 'q');
    return f(pp, p.length, qp, q.length, base, normalize, smoothing, amount);
  } finally {
    if (block !== 0) module._free(block);
  }
}

// Small inputs (the per-call overhead of issue 7) are copied into one block per module,
// allocated on first use and kept: no _malloc/_free per call. The kernels do not call back
// into JS, so no second call can reuse the block while one runs.
const SCRATCH_DOUBLES = 512;
const scratch = new WeakMap();
let lastModule = null; // the common case: one module, found without the WeakMap
let lastBase = 0;

/** The address of `a` in the heap: its own when resident, else `offset`, where it is copied. */
function placed(module, heap, a, resident, offset, name) {
  if (resident) return a.pointerFor(module, name);
  heap.set(a, offset >> 3);
  return offset;
}

// module.HEAPF64, kept between calls: a property of the Emscripten module object costs several ns
// to look up. Growing the memory detaches the old view (its length becomes 0) and Emscripten
// makes a new one, which is then fetched again.
let heapModule = null;
let heapView = null;

function heapOf(module) {
  if (module !== heapModule || heapView.length === 0) {
    heapModule = module;
    heapView = module.HEAPF64;
  }
  return heapView;
}

function scratchOf(module) {
  if (module === lastModule) return lastBase;
  let base = scratch.get(module);
  if (base === undefined) {
    base = module._malloc(SCRATCH_DOUBLES * 8);
    if (base === 0) throw tooLarge(SCRATCH_DOUBLES * 8);
    scratch.set(module, base);
  }
  lastModule = module;
  lastBase = base;
  return base;
}
