// Memory figures of the WebAssembly core, for leak tests and monitoring (documented in ../index.d.ts).
import { wasm } from './module.js';

/**
 * { heapInUse, heapArena, memoryBytes }: bytes the allocator has handed out and not taken back,
 * bytes it has taken from linear memory, and the linear memory's size (which never shrinks).
 */
export function memoryStats() {
  const module = wasm('memoryStats');
  return { heapInUse: module.heapInUse(), heapArena: module.heapArena(), memoryBytes: module.HEAPU8.buffer.byteLength };
}
