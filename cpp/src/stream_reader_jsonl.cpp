// One JSON Lines object -> one record of column texts (stream_reader.hpp describes the mapping).
#include <string>

#include "divergence/stream_reader_detail.hpp"

namespace divergence {
namespace detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A cursor over the line with error reporting.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  std::string* error;

  bool at_end() const { return i >= s.size(); }
  char peek() const { return s[i]; }
  void skip_space() {
    while (i < s.size() && is_space(s[i])) ++i;
  }
  bool fail(const std::string& what) {
    *error = "invalid JSON: " + what + " at column " + std::to_string(i + 1);
    return false;
  }
  bool fail_char(const char* expected) {
    if (at_end()) return fail(std::string("expected ") + expected + ", found the end of the line");
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x80) return fail(std::string("expected ") + expected);
    return fail(std::string("expected ") + expected + ", found '" + static_cast<char>(c) + "'");
  }

  // After the opening quote: appends the unescaped string to out, moves past the closing quote.
  bool string(std::string& out) {
    for (;;) {
      const std::size_t start = i;
      while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
      out.append(s.data() + start, i - start);
      if (at_end()) return fail("unterminated string");
      const char c = s[i];
      if (c == '"') {
        ++i;
        return true;
      }
      if (c != '\\') return fail("control character in a string");
      ++i;
      if (at_end()) return fail("unterminated string");
      const char e = s[i++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          const std::size_t at = i - 2;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
              i += 2;
              if (!hex4(low)) return false;
            }
            if (!(low >= 0xDC00 && low <= 0xDFFF)) {
              i = at;
              return fail("lone surrogate \\u" + std::string(s.substr(at + 2, 4)));
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            i = at;
            return fail("lone surrogate \\u" + std::string(s.substr(at + 2, 4)));
          }
          append_utf8(out, cp);
          break;
        }
        default:
          i -= 1;
          return fail("invalid escape '\\" + std::string(1, e) + "'");
      }
    }
  }

  bool hex4(std::uint32_t& out) {
    if (i + 4 > s.size()) return fail("truncated \\u escape");
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(s[i + k]);
      if (h < 0) return fail("invalid \\u escape");
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    i += 4;
    out = v;
    return true;
  }

  // A JSON number (RFC 8259 grammar); returns its text.
  bool number(std::string_view& text) {
    const std::size_t start = i;
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
      ++i;
    } else if (i < s.size() && is_digit(s[i])) {
      while (i < s.size() && is_digit(s[i])) ++i;
    } else {
      return fail("invalid number");
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (!(i < s.size() && is_digit(s[i]))) return fail("invalid number");
      while (i < s.size() && is_digit(s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (!(i < s.size() && is_digit(s[i]))) return fail("invalid number");
      while (i < s.size() && is_digit(s[i])) ++i;
    }
    text = s.substr(start, i - start);
    return true;
  }

  bool literal(std::string_view word) {
    if (s.substr(i, word.size()) != word) return fail_char("a value");
    i += word.size();
    return true;
  }
};

}  // namespace

JsonObjectParser::Result JsonObjectParser::parse(std::string_view text, std::vector<std::string>& columns,
                                                 std::unordered_map<std::string, std::size_t>& index,
                                                 std::size_t max_columns, std::string& error) {
  Cursor in{text, 0, &error};
  scratch_.clear();
  spans_.clear();
  ++stamp_;
  in.skip_space();
  if (in.at_end() || in.peek() != '{') {
    error = "expected a JSON object";
    return Result::Error;
  }
  ++in.i;
  in.skip_space();
  if (!in.at_end() && in.peek() == '}') {
    ++in.i;
  } else {
    for (;;) {
      in.skip_space();
      if (in.at_end() || in.peek() != '"') return in.fail_char("a key in double quotes"), Result::Error;
      ++in.i;
      key_.clear();
      if (!in.string(key_)) return Result::Error;
      in.skip_space();
      if (in.at_end() || in.peek() != ':') return in.fail_char("':'"), Result::Error;
      ++in.i;
      in.skip_space();
      // Column of this key.
      std::size_t column;
      const auto found = index.find(key_);
      if (found != index.end()) {
        column = found->second;
      } else {
        if (columns.size() >= max_columns) {
          error = "too many columns: " + std::to_string(columns.size() + 1) + " (the limit is " +
                  std::to_string(max_columns) + ")";
          return Result::Error;
        }
        column = columns.size();
        columns.push_back(key_);
        index.emplace(key_, column);
      }
      if (seen_.size() < columns.size()) seen_.resize(columns.size(), 0);
      if (seen_[column] == stamp_) {
        error = "duplicate key '" + key_ + "'";
        return Result::Error;
      }
      seen_[column] = stamp_;
      // Value.
      if (in.at_end()) return in.fail_char("a value"), Result::Error;
      const char c = in.peek();
      if (c == '{' || c == '[') {
        error = "nested value for key '" + key_ + "' (objects and arrays are not supported)";
        return Result::Error;
      }
      if (c == '"') {
        ++in.i;
        const std::size_t offset = scratch_.size();
        if (!in.string(scratch_)) return Result::Error;
        spans_.push_back({column, offset, scratch_.size() - offset});
      } else if (c == '-' || is_digit(c)) {
        std::string_view number;
        if (!in.number(number)) return Result::Error;
        const std::size_t offset = scratch_.size();
        scratch_.append(number.data(), number.size());
        spans_.push_back({column, offset, number.size()});
      } else if (c == 't') {
        if (!in.literal("true")) return Result::Error;
        const std::size_t offset = scratch_.size();
        scratch_ += "true";
        spans_.push_back({column, offset, 4});
      } else if (c == 'f') {
        if (!in.literal("false")) return Result::Error;
        const std::size_t offset = scratch_.size();
        scratch_ += "false";
        spans_.push_back({column, offset, 5});
      } else if (c == 'n') {
        if (!in.literal("null")) return Result::Error;  // stays null
      } else {
        return in.fail_char("a value"), Result::Error;
      }
      in.skip_space();
      if (in.at_end()) return in.fail_char("',' or '}'"), Result::Error;
      if (in.peek() == ',') {
        ++in.i;
        continue;
      }
      if (in.peek() == '}') {
        ++in.i;
        break;
      }
      return in.fail_char("',' or '}'"), Result::Error;
    }
  }
  in.skip_space();
  if (!in.at_end()) return in.fail("unexpected text after the object"), Result::Error;

  fields_.assign(columns.size(), std::string_view());
  nulls_.assign(columns.size(), 1);
  for (const Span& s : spans_) {
    fields_[s.column] = std::string_view(scratch_.data() + s.offset, s.length);
    nulls_[s.column] = 0;
  }
  return Result::Ok;
}

}  // namespace detail
}  // namespace divergence
