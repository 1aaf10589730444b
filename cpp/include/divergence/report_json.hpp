// A minimal streaming JSON writer (compact output, no iostreams), used by the reports.
//
// Numbers: integers as decimal; doubles as the shortest "%.{15,16,17}g" text that reads back to the
// same double (format.hpp); +inf / -inf as the strings "inf" / "-inf"; NaN as null. Strings: UTF-8
// passed through, with JSON escapes for '"', '\\' and control characters. The caller keeps the
// nesting well formed (begin/end pairs; key before every value inside an object).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/format.hpp"

namespace divergence {

class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    separate();
    string_literal(k);
    out_ += ':';
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    string_literal(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void value(unsigned long long n) {
    separate();
    out_ += std::to_string(n);
  }
  void value(unsigned long n) { value(static_cast<unsigned long long>(n)); }
  void value(unsigned n) { value(static_cast<unsigned long long>(n)); }
  void value(long long n) {
    separate();
    out_ += std::to_string(n);
  }
  void value(int n) { value(static_cast<long long>(n)); }
  void value(double x) {
    if (std::isinf(x)) return value(x > 0 ? "inf" : "-inf");
    separate();
    out_ += std::isnan(x) ? "null" : format_number(x);
  }
  void null() {
    separate();
    out_ += "null";
  }
  template <class T>
  void array(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items) value(item);
    end_array();
  }
  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void string_literal(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (char ch : s) {
      const unsigned char c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace divergence
