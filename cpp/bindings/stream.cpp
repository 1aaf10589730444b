// Embind bindings of the streaming engine (conventions: bridge.hpp; text arrives as val): accumulators held in the WASM instance under integer
// handles (no bound class escapes, nothing needs .delete(); the JS package closes every handle in a
// finally block, web/src/compare/engine.js). One accumulator per side or per byte range of a file:
//   streamOpen(side, options)                       -> handle (reads a whole file from its start)
//   streamOpenRange(side, options, headPtr, headLen, firstByte) -> handle for a later byte range
//        starting at firstByte: the layout (format, dialect, header) is learnt from the file's first
//        bytes (at least the header line; 64 KiB or the whole file for the dialect); its error
//        messages say "side (from byte N): line L" with L counted from the range's start.
//   streamFeed(h, ptr, len), streamFinish(h), streamRows(h)
//   streamSerialize(h) -> Uint8Array (accumulator_state.hpp), streamRestore(options, ptr, len) -> handle
//   streamSerializeColumns(h, names) -> Uint8Array: the state with only the named columns' content
//   streamColumns(h) -> [[name, weight], ...] in file order; weight: the column's stored values + 1
//        (what its part of the report costs, roughly; for sharing the report's columns out)
//   streamMerge(into, from) (from is closed), streamCompare(ref, cur, options) -> report JSON (@2)
//   streamCompareColumns(ref, cur, options, names) -> the report's part for the named columns
//   streamClose(h) (unknown handles are ignored), streamOpenCount() (for leak tests)
// Errors: as bridge.hpp (FormatError for malformed files and bad state bytes, RangeError for options
// and unknown handles: "handle: 7 is not an open accumulator").
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bridge.hpp"
#include "divergence/accumulator.hpp"
#include "divergence/accumulator_state.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"
#include "spec_text.hpp"

namespace {

using namespace bridge;
using divergence::DatasetAccumulator;

std::map<int, std::unique_ptr<DatasetAccumulator>>& open_accumulators() {
  static std::map<int, std::unique_ptr<DatasetAccumulator>> all;
  return all;
}

int next_handle = 1;

int hold(DatasetAccumulator&& acc) {
  const int h = next_handle++;
  open_accumulators()[h] = std::make_unique<DatasetAccumulator>(std::move(acc));
  return h;
}

DatasetAccumulator& get(int h) {
  auto& all = open_accumulators();
  auto it = all.find(h);
  if (it == all.end()) throw divergence::range_error("handle", std::to_string(h) + " is not an open accumulator");
  return *it->second;
}

std::string_view bytes(std::uintptr_t ptr, std::size_t n) { return std::string_view(reinterpret_cast<const char*>(ptr), n); }

int stream_open(val side_text, val options_text) {
  const std::string side = text(side_text), options = text(options_text);
  return guarded([&] { return hold(DatasetAccumulator(spec_from_text(options), side)); });
}

int stream_open_range(val side_text, val options_text, std::uintptr_t head, std::size_t nhead, double first_byte) {
  const std::string side = text(side_text), options = text(options_text);
  return guarded([&] {
    const divergence::CompareSpec spec = spec_from_text(options);
    DatasetAccumulator probe(spec, side);
    probe.feed(bytes(head, nhead));
    divergence::InputLayout layout;
    try {
      layout = probe.layout();
    } catch (const divergence::ArgumentError&) {
      throw divergence::FormatError(side + ": the header is longer than the " + std::to_string(nhead) +
                                    " bytes read to find it");
    }
    char from[64];
    std::snprintf(from, sizeof from, " (from byte %.0f)", first_byte);
    return hold(DatasetAccumulator(spec, side + from, layout));
  });
}

void stream_feed(int h, std::uintptr_t ptr, std::size_t n) {
  guarded([&] { get(h).feed(bytes(ptr, n)); });
}

void stream_finish(int h) {
  guarded([&] { get(h).finish(); });
}

double stream_rows(int h) {
  return guarded([&] { return static_cast<double>(get(h).rows()); });
}

// A state's bytes as a new Uint8Array (new Uint8Array(view) copies: the result does not alias the heap).
emscripten::val state_to_js(const std::string& state) {
  return val::global("Uint8Array").new_(val(emscripten::typed_memory_view(state.size(), reinterpret_cast<const unsigned char*>(state.data()))));
}

emscripten::val stream_serialize(int h) {
  const std::string state = guarded([&] { return divergence::serialize_accumulator(get(h)); });
  return state_to_js(state);
}

std::vector<std::string> names_of(const val& names) {
  if (!names.isArray()) throw divergence::range_error("names", "expected an array of column names");
  std::vector<std::string> out;
  const unsigned n = names["length"].as<unsigned>();
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    if (!names[i].isString()) throw divergence::range_error("names", "entry " + std::to_string(i) + " is not a string");
    out.push_back(text(names[i]));
  }
  return out;
}

emscripten::val stream_serialize_columns(int h, val names) {
  const std::string state = guarded([&] { return divergence::serialize_accumulator(get(h), names_of(names)); });
  return state_to_js(state);
}

emscripten::val stream_columns(int h) {
  return guarded([&] {
    const DatasetAccumulator& a = get(h);
    val out = val::array();
    for (std::size_t i = 0; i < a.columns().size(); ++i) {
      val entry = val::array();
      entry.call<void>("push", val(a.columns()[i]), val(static_cast<double>(a.column(i).values().size()) + 1.0));
      out.call<void>("push", entry);
    }
    return out;
  });
}

int stream_restore(val options_text, std::uintptr_t ptr, std::size_t n) {
  const std::string options = text(options_text);
  return guarded([&] { return hold(divergence::deserialize_accumulator(bytes(ptr, n), spec_from_text(options))); });
}

void stream_merge(int into, int from) {
  guarded([&] {
    DatasetAccumulator& a = get(into);
    DatasetAccumulator& b = get(from);
    if (&a == &b) throw divergence::range_error("merge", "an accumulator cannot be merged into itself");
    a.merge(std::move(b));
    open_accumulators().erase(from);
  });
}

std::string stream_compare(int ref, int cur, val options_text) {
  const std::string options = text(options_text);
  return guarded([&] { return divergence::compare_json(get(ref), get(cur), spec_from_text(options)); });
}

std::string stream_compare_columns(int ref, int cur, val options_text, val names) {
  const std::string options = text(options_text);
  return guarded([&] { return divergence::compare_json(get(ref), get(cur), spec_from_text(options), names_of(names)); });
}

void stream_close(int h) { open_accumulators().erase(h); }

int stream_open_count() { return static_cast<int>(open_accumulators().size()); }

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_stream) {
  emscripten::function("streamOpen", &stream_open);
  emscripten::function("streamOpenRange", &stream_open_range);
  emscripten::function("streamFeed", &stream_feed);
  emscripten::function("streamFinish", &stream_finish);
  emscripten::function("streamRows", &stream_rows);
  emscripten::function("streamSerialize", &stream_serialize);
  emscripten::function("streamRestore", &stream_restore);
  emscripten::function("streamMerge", &stream_merge);
  emscripten::function("streamCompare", &stream_compare);
  emscripten::function("streamSerializeColumns", &stream_serialize_columns);
  emscripten::function("streamColumns", &stream_columns);
  emscripten::function("streamCompareColumns", &stream_compare_columns);
  emscripten::function("streamClose", &stream_close);
  emscripten::function("streamOpenCount", &stream_open_count);
}
