// Arrays that live in WebAssembly memory (documented in ../index.d.ts as ResidentArray): the
// discrete measures read them in place, without the copy every plain array costs.
import { wasm } from './module.js';

const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');

/** A Float64Array-backed block of the WASM heap; create with allocate(). */
export class ResidentArray {
  #module;
  #pointer;
  #length;
  #view = null;

  constructor(module, pointer, length) {
    this.#module = module;
    this.#pointer = pointer;
    this.#length = length;
  }

  /** Number of entries. */
  get length() {
    return this.#length;
  }

  /** True until free() or dispose. */
  get live() {
    return this.#pointer !== 0;
  }

  /**
   * A Float64Array over the entries in WASM memory. Read it again after any library call: growing
   * the memory (any call may) detaches earlier views; this getter then makes a new one.
   */
  get array() {
    this.#check('array');
    const heap = this.#module.HEAPF64;
    if (this.#view === null || this.#view.buffer !== heap.buffer) {
      this.#view = new Float64Array(heap.buffer, this.#pointer, this.#length);
    }
    return this.#view;
  }

  /** The heap address (bytes), for the library's own calls. */
  pointerFor(module, name) {
    this.#check(name);
    if (module !== this.#module) throw new Error(`${name}: the resident array belongs to another instance of the WebAssembly core`);
    return this.#pointer;
  }

  /** Returns the memory to the heap; later use throws. Calling it again does nothing. */
  free() {
    if (this.#pointer !== 0) {
      this.#module._free(this.#pointer);
      this.#pointer = 0;
      this.#view = null;
    }
  }

  [dispose]() {
    this.free();
  }

  #check(name) {
    if (this.#pointer === 0) {
      throw new Error(`${name}: the resident array was freed (free() or dispose); allocate a new one`);
    }
  }
}

/**
 * Allocates `lengthOrValues` doubles in WASM memory (a length: zero-filled; an array: a copy of it).
 * @returns {ResidentArray}
 */
export function allocate(lengthOrValues) {
  const module = wasm('allocate');
  const values = typeof lengthOrValues === 'number' ? null : lengthOrValues;
  let length;
  if (values === null) {
    length = lengthOrValues;
    if (!Number.isInteger(length) || length < 0) {
      throw new RangeError(`length: must be an integer >= 0 (got ${length})`);
    }
  } else if (Array.isArray(values) || values instanceof Float64Array || values instanceof Float32Array) {
    length = values.length;
  } else {
    const got = values === null ? 'null' : ArrayBuffer.isView(values) ? values.constructor.name : typeof values;
    throw new TypeError(`lengthOrValues: expected a length or an array of numbers (number[], Float64Array or Float32Array), got ${got}`);
  }
  if (length > 2 ** 29) throw new RangeError(`length: ${length} entries do not fit in the 4 GB WebAssembly memory`);
  const pointer = module._malloc(Math.max(1, length) * 8);
  if (pointer === 0) throw new RangeError('out of memory: the input is too large for the WebAssembly heap');
  const resident = new ResidentArray(module, pointer, length);
  if (values === null) resident.array.fill(0);
  else resident.array.set(values);
  return resident;
}
