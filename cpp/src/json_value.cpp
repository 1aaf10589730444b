// The small JSON reader of json_value.hpp.
#include "json_value.hpp"

#include <cmath>
#include <unordered_set>

#include <fast_float/fast_float.h>

#include "divergence/errors.hpp"

namespace divergence::detail {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  Parser(std::string_view s, const std::string& side) : s_(s), side_(side) {}

  JsonValue document() {
    skip_space();
    JsonValue v = value(0);
    skip_space();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw FormatError(side_ + ": not valid JSON (byte " + std::to_string(pos_) + ": " + what + ")");
  }

  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[pos_]; }

  void skip_space() {
    while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  void expect(char c, const char* what) {
    if (peek() != c) fail(std::string("expected ") + what);
    ++pos_;
  }

  void literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) fail("invalid literal");
    pos_ += word.size();
  }

  JsonValue value(int depth) {
    JsonValue v;
    if (at_end()) fail("unexpected end of input");
    switch (s_[pos_]) {
      case '{': object(v, depth + 1); break;
      case '[': array(v, depth + 1); break;
      case '"':
        v.kind = JsonValue::Kind::String;
        v.text = string();
        break;
      case 't': literal("true"); v.kind = JsonValue::Kind::Boolean; v.boolean = true; break;
      case 'f': literal("false"); v.kind = JsonValue::Kind::Boolean; break;
      case 'n': literal("null"); break;
      default: number(v); break;
    }
    return v;
  }

  void object(JsonValue& v, int depth) {
    if (depth > kMaxDepth) fail("nesting deeper than 64 levels");
    v.kind = JsonValue::Kind::Object;
    ++pos_;
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return;
    }
    std::unordered_set<std::string> keys;
    while (true) {
      skip_space();
      if (peek() != '"') fail("expected a string key");
      std::string key = string();
      if (!keys.insert(key).second) fail("duplicate key '" + key + "'");
      skip_space();
      expect(':', "':'");
      skip_space();
      v.members.emplace_back(std::move(key), value(depth));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect('}', "',' or '}'");
      return;
    }
  }

  void array(JsonValue& v, int depth) {
    if (depth > kMaxDepth) fail("nesting deeper than 64 levels");
    v.kind = JsonValue::Kind::Array;
    ++pos_;
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return;
    }
    while (true) {
      skip_space();
      v.items.push_back(value(depth));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']', "',' or ']'");
      return;
    }
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  void number(JsonValue& v) {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (digit(peek())) {
      while (digit(peek())) ++pos_;
    } else {
      fail("expected a value");
    }
    bool plain = s_[start] != '-';
    if (peek() == '.') {
      plain = false;
      ++pos_;
      if (!digit(peek())) fail("expected a digit after '.'");
      while (digit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      plain = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digit(peek())) fail("expected a digit in the exponent");
      while (digit(peek())) ++pos_;
    }
    v.kind = JsonValue::Kind::Number;
    v.text = std::string(s_.substr(start, pos_ - start));
    const auto r = fast_float::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
    if (r.ec != std::errc()) v.number = v.text[0] == '-' ? -HUGE_VAL : HUGE_VAL;  // out of range: infinite
    if (plain) {
      std::uint64_t n = 0;
      bool fits = true;
      for (char c : v.text) {
        const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
        if (n > (UINT64_MAX - d) / 10) {
          fits = false;
          break;
        }
        n = n * 10 + d;
      }
      v.is_count = fits;
      v.count = n;
    }
  }

  unsigned hex4() {
    unsigned cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      unsigned d;
      if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
      else fail("expected 4 hex digits after \\u");
      cp = cp * 16 + d;
      ++pos_;
    }
    return cp;
  }

  static void append_utf8(std::string& out, unsigned cp) {
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

  // One UTF-8 sequence starting at pos_ (validated: shortest form, no surrogates, <= U+10FFFF).
  void utf8(std::string& out) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(i < s_.size() ? s_[i] : 0); };
    const unsigned char b0 = byte(pos_);
    std::size_t len;
    unsigned cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07;
    } else {
      fail("invalid UTF-8");
    }
    for (std::size_t i = 1; i < len; ++i) {
      const unsigned char b = byte(pos_ + i);
      if ((b & 0xC0) != 0x80) fail("invalid UTF-8");
      cp = (cp << 6) | (b & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      fail("invalid UTF-8");
    }
    out.append(s_.data() + pos_, len);
    pos_ += len;
  }

  std::string string() {
    ++pos_;  // the opening quote
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (static_cast<unsigned char>(c) >= 0x80) {
        utf8(out);
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = peek();
      ++pos_;
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
          unsigned cp = hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail("lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (peek() != '\\' || pos_ + 1 >= s_.size() || s_[pos_ + 1] != 'u') fail("lone high surrogate");
            pos_ += 2;
            const unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("lone high surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          --pos_;
          fail("invalid escape");
      }
    }
  }

  std::string_view s_;
  const std::string& side_;
  std::size_t pos_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& m : members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

const char* JsonValue::kind_name() const {
  switch (kind) {
    case Kind::Null: return "null";
    case Kind::Boolean: return "a boolean";
    case Kind::Number: return "a number";
    case Kind::String: return "a string";
    case Kind::Array: return "an array";
    case Kind::Object: return "an object";
  }
  return "a value";
}

JsonValue parse_json(std::string_view text, const std::string& side) { return Parser(text, side).document(); }

}  // namespace divergence::detail
