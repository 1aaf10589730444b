// Internal to the core: a small JSON reader (RFC 8259) for histogram summaries (summary_json.cpp).
// Strict: no comments, no trailing commas, no NaN/Infinity, no duplicate keys, strings valid UTF-8,
// at most 64 levels of nesting. Numbers keep whether their text was a plain non-negative integer
// (then exact as uint64 up to 2^64 - 1). Errors are FormatError "<side>: not valid JSON (byte N: ...)".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace divergence::detail {

struct JsonValue {
  enum class Kind { Null, Boolean, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0.0;
  bool is_count = false;       // the text was digits only (no sign, fraction or exponent) and fits uint64
  std::uint64_t count = 0;     // its value when is_count
  std::string text;            // String: the decoded text; Number: the literal as written
  std::vector<JsonValue> items;                           // Array
  std::vector<std::pair<std::string, JsonValue>> members;  // Object, in document order

  // The member named key, or nullptr (objects only).
  const JsonValue* find(std::string_view key) const;
  // "null", "a boolean", "a number", "a string", "an array", "an object".
  const char* kind_name() const;
};

// Parses a whole document (surrounding whitespace allowed). Throws FormatError naming side.
JsonValue parse_json(std::string_view text, const std::string& side);

}  // namespace divergence::detail
