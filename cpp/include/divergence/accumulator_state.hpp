// The state of a finished DatasetAccumulator (accumulator.hpp) as bytes, and back: how workers that
// read byte ranges of a file (or whole files) on other threads, or in other WebAssembly instances,
// hand their accumulators to the one that merges them and builds the report.
//
// Layout (version 2, all integers little-endian, doubles as their IEEE-754 bit pattern):
//   "DLACC" u8 version(2)
//   spec fingerprint: u64 category_limit, u64 sketch_k, u32 count + strings of the missing tokens
//   side (string), u8 format (1 csv, 2 jsonl), u8 delimiter, u8 skip_initial_space,
//   u64 rows, u64 bytes, u64 peak_stored, u32 columns, then per column: name (string) and state
//   (counts, type evidence, label state incl. deferred flag and decimals, label counter, boolean
//   counts, stored values, min/max/moments,
//   distinct values, quantile sketch levels).
//   string = u32 length + bytes.
// deserialize validates everything it reads before using it: a length never exceeds the bytes left,
// counts agree with one another (stored values <= values seen, labels <= 2 x category_limit, sketch
// levels < k values each, at most 64 levels), values are finite, stored values ascending. So bad,
// truncated or hostile bytes give a FormatError, never a crash or an unbounded allocation.
//
// The round trip is exact: serialize(deserialize(serialize(a))) == serialize(a), and a deserialized
// accumulator gives the same report and merges the same way as the original.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/report_spec.hpp"

namespace divergence {

// Serializes a finished accumulator. Errors (ArgumentError): "accumulator: finish() it first".
std::string serialize_accumulator(const DatasetAccumulator& accumulator);

// The same state with the content of the columns named in keep only: every other column is written
// as a column of the same name whose fields are all missing, so the restored accumulator has the
// same columns, rows and bytes, and a report restricted to keep (compare_datasets with `only`,
// report.hpp) is the same as from the whole state, for a fraction of the bytes. This is how two
// workers share the report's columns. Errors (ArgumentError): "accumulator: finish() it first",
// "keep: no column 'x' in the reference".
std::string serialize_accumulator(const DatasetAccumulator& accumulator, const std::vector<std::string>& keep);

// Restores an accumulator serialized by serialize_accumulator. spec must be the spec the original
// was made with (check_spec errors); its category_limit, sketch_k and missing tokens must match
// the state's. The result is finished (ready to merge or compare). Errors (FormatError, message
// starting "accumulator state: "): "not an accumulator state (bad magic)", "version 9 is not
// supported (this build reads version 2)", "truncated at byte N", "spec differs (category_limit
// 10000 here, 20 in the state)", "column 3: ..." for inconsistent content, "N trailing bytes".
DatasetAccumulator deserialize_accumulator(std::string_view bytes, const CompareSpec& spec);

// Friend of the accumulator classes: reads and writes their private state (accumulator_state.cpp).
class AccumulatorState;

}  // namespace divergence
