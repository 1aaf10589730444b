// Internal to the core: strict JSON parsing with nlohmann/json for histogram summaries
// (summary_json.cpp). On top of RFC 8259 as nlohmann/json reads it (no comments, no trailing commas,
// no NaN/Infinity, strings valid UTF-8), an object must not repeat a key and nesting is limited to
// 64 levels. Objects keep their document order (ordered_json). nlohmann/json stays private to the
// core: this header is not installed and no public header includes it.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace divergence::detail {

// Parses a whole document (surrounding whitespace allowed). Throws FormatError
// "<side>: not valid JSON (...)": with "byte N: <reason>" (N counted from 0) for syntax errors and
// invalid UTF-8, with the path of the object for a duplicate key, and for nesting deeper than 64.
nlohmann::ordered_json parse_strict_json(std::string_view text, const std::string& side);

}  // namespace divergence::detail
