// Internals of the streaming reader (stream_reader.hpp), exposed for its tests only: the
// incremental UTF-8 validator and the parser of one JSON Lines object. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace divergence {
namespace detail {

// Checks bytes for NUL and for valid UTF-8 (no overlong forms, no surrogates, nothing above
// U+10FFFF), across calls: a sequence may be split between two calls.
class Utf8Validator {
 public:
  // Checks data[0, n). On the first problem returns false with bad = offset of the offending
  // byte, or of the start of the broken sequence, relative to data (negative when that sequence
  // started in an earlier call) and nul = true for a NUL byte. The validator is then unusable.
  bool check(const char* data, std::size_t n, std::ptrdiff_t& bad, bool& nul);
  // True while a multi-byte sequence waits for continuation bytes (an error at the end of input).
  bool pending() const { return need_ > 0; }
  // Bytes of that waiting sequence seen so far (lead byte included).
  std::size_t pending_length() const { return need_ > 0 ? have_ : 0; }

 private:
  unsigned char need_ = 0;  // continuation bytes still needed
  unsigned char have_ = 0;  // bytes of the current sequence seen so far (lead included)
  unsigned char lo_ = 0x80, hi_ = 0xBF;  // allowed range of the next continuation byte
};

// Parses one line holding one JSON object of scalar values (RFC 8259 syntax).
class JsonObjectParser {
 public:
  enum class Result { Ok, Error };

  // text: the line without its '\n'. columns / index: the column names so far and name -> position;
  // new keys are appended to both (at most max_columns in total). On success fields() has
  // columns.size() entries, nulls() as many flags. On failure error holds the message without the
  // line ("invalid JSON: expected ':' at column 7", "nested value for key 'a' (objects and arrays are
  // not supported)", "duplicate key 'a'", "expected a JSON object", "too many columns: ...").
  Result parse(std::string_view text, std::vector<std::string>& columns,
               std::unordered_map<std::string, std::size_t>& index, std::size_t max_columns, std::string& error);

  const std::vector<std::string_view>& fields() const { return fields_; }
  const unsigned char* nulls() const { return nulls_.data(); }

 private:
  struct Span {
    std::size_t column;
    std::size_t offset;  // in scratch_
    std::size_t length;
  };
  std::string scratch_;  // unescaped values of the current line
  std::string key_;
  std::vector<Span> spans_;
  std::vector<std::string_view> fields_;
  std::vector<unsigned char> nulls_;
  std::vector<std::uint64_t> seen_;  // per column: the line stamp where it was last set
  std::uint64_t stamp_ = 0;
};

}  // namespace detail
}  // namespace divergence
