// A diagnostic for leak tests: how many bytes of the WASM heap the allocator has handed out and
// not taken back. WebAssembly memory never shrinks, so its byteLength alone cannot show a leak;
// the allocator's own count (dlmalloc's mallinfo(), Emscripten's default malloc) can.
#include <emscripten/bind.h>
#include <malloc.h>

namespace {

// uordblks: bytes in chunks in use (including chunk headers); hblkhd: bytes in separately mapped
// regions (always 0 in Emscripten's dlmalloc, counted for completeness).
double heap_in_use() {
  const struct mallinfo info = mallinfo();
  return static_cast<double>(info.uordblks) + static_cast<double>(info.hblkhd);
}

// arena: bytes the allocator has taken from linear memory (used and free chunks).
double heap_arena() { return static_cast<double>(mallinfo().arena); }

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_diagnostics) {
  emscripten::function("heapInUse", &heap_in_use);
  emscripten::function("heapArena", &heap_arena);
}
