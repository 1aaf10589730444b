// Column typing: missing values, numbers, categories.
//
// A field equal (byte for byte, no trimming) to one of the missing tokens is dropped and counted.
// A column is numeric when it has at least one non-missing value and every non-missing value on
// BOTH sides parses in full as a finite double (parse_finite_double); otherwise it is categorical
// and its values are the raw field texts. This follows what pandas.read_csv infers for the data
// sets in ../shared/data, with two deliberate differences: "inf", "1e400" and the like make a
// column categorical here (pandas reads them as +-inf), and a column whose two sides would get
// different pandas dtypes is typed once for both sides.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace divergence {

// The default missing tokens: "" NA N/A NaN nan null NULL None ? #N/A n/a -NaN -nan <NA>
// (pandas' defaults that occur in practice, plus '?' as in the UCI files).
std::vector<std::string> default_missing_tokens();

// A set of missing tokens with a fast membership test.
class MissingTokens {
 public:
  explicit MissingTokens(std::vector<std::string> tokens = default_missing_tokens());
  // True when field equals one of the tokens exactly. Most fields are rejected by their length
  // and first byte alone, without comparing bytes (this runs on every field of a comparison).
  bool contains(std::string_view field) const {
    if (field.empty()) return has_empty_;
    const unsigned char b = static_cast<unsigned char>(field[0]);
    if ((first_bytes_[b >> 6] & (1ULL << (b & 63))) == 0) return false;
    return compare_tokens(field);
  }

 private:
  bool compare_tokens(std::string_view field) const;  // contains() past the first-byte test

  std::vector<std::string> tokens_;
  unsigned long long length_mask_ = 0;  // bit k set: some token has length k (k < 64)
  bool has_long_ = false;               // some token is 64 bytes or longer
  bool has_empty_ = false;              // "" is a token
  unsigned long long first_bytes_[4] = {0, 0, 0, 0};  // bit b set: some non-empty token starts with byte b
};

// Parses the whole field as a finite double with fast_float (C-locale decimal syntax: "1.5",
// ".5", "1.", "-2e-3"). Spaces and tabs around the number are ignored, and one leading '+' is
// accepted. Returns false (out untouched) for anything else, including "", "1e", "0x10",
// "inf", "nan" and values that overflow to infinity.
bool parse_finite_double(std::string_view field, double& out);

// A PLAIN DECIMAL is the text printf("%.*f", d, x) gives for some d and some double x whose d-digit
// rounding is the text itself: an optional '-', then "0" or digits not starting with 0, then for
// d > 0 a '.' and exactly d digits; no '+', no exponent, no blanks; at most 15 digits besides a
// leading "0" (so the digits form an integer M < 10^15) and so d <= 15. For such a text
// x = M / 10^d is correctly rounded (M and 10^d are exact doubles: Clinger's fast path, which
// fast_float takes too, so x is the double parse_finite_double gives), and printing x with d
// decimals gives the text back exactly (|x 10^d - M| <= M 2^-53 < 0.12 < 1/2).
// parse_plain_decimal returns true and sets out (the same double as parse_finite_double) and
// decimals (d) for a plain decimal; false, with out and decimals untouched, for any other text
// (which may still be a number: "1e3", "+1", " 1", "007", "1.", ".5").
inline bool parse_plain_decimal(std::string_view field, double& out, int& decimals);
// The text of a plain decimal from its value and d: exactly the text parse_plain_decimal read.
// Writes at most 40 bytes to buf and returns the length.
std::size_t format_plain_decimal(double x, int decimals, char* buf);
// The signed integer +-M of a plain decimal's value x = +-M / 10^d (d = decimals, 0..15): x 10^d
// rounded to the nearest integer is M exactly, since |fl(x 10^d) - M| <= (2u + u^2) M < 0.23 for
// M < 10^15 (u = 2^-53). Only for such values (|x| 10^d < 2^51 at least);
// -0 gives 0.
inline std::int64_t plain_decimal_units(double x, int decimals);

enum class ColumnType { Numeric, Categorical };

// Name used in reports: "numeric" or "categorical".
const char* type_name(ColumnType type);

// The non-missing values of one column on one side.
struct ColumnSide {
  std::size_t missing = 0;               // fields that matched a missing token
  std::vector<double> numbers;           // numeric columns: parsed values, in row order
  std::vector<std::string_view> labels;  // categorical columns: raw field texts, in row order

  // Number of non-missing values.
  std::size_t size() const { return numbers.size() + labels.size(); }
};

struct TypedColumn {
  ColumnType type = ColumnType::Categorical;
  ColumnSide reference;
  ColumnSide current;
};

// Types one column from the raw fields of both sides (see the rule at the top). Label views point
// where the given fields point. Never throws except std::bad_alloc.
TypedColumn type_column(const std::vector<std::string_view>& reference,
                        const std::vector<std::string_view>& current, const MissingTokens& missing);

// ---- inline definitions (parse_plain_decimal runs on every numeric field) ----

namespace detail {
// Powers of ten exact in double (10^22 is the largest), for plain decimals' d = 0..15.
inline constexpr double kPlainPow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
}  // namespace detail

inline std::int64_t plain_decimal_units(double x, int decimals) {
  // Rounded to the nearest integer by adding and taking away 1.5 * 2^52 (exact for |y| < 2^51, in
  // the default rounding mode; no call to a library nearbyint).
  const double y = x * detail::kPlainPow10[decimals];
  return static_cast<std::int64_t>((y + 6755399441055744.0) - 6755399441055744.0);
}

inline bool parse_plain_decimal(std::string_view field, double& out, int& decimals) {
  const double* const kPow10 = detail::kPlainPow10;
  const char* p = field.data();
  const char* end = p + field.size();
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  if (p == end) return false;
  std::uint64_t m = 0;
  int digits = 0;
  if (*p == '0') {  // "0" or "0.ddd": no other leading zero (and this one adds nothing to m)
    ++p;
    if (p < end && *p != '.') return false;
  } else {
    const char* first = p;
    while (p < end && static_cast<unsigned>(*p - '0') < 10) {
      if (++digits > 15) return false;
      m = m * 10 + static_cast<unsigned>(*p - '0');
      ++p;
    }
    if (p == first) return false;
  }
  int d = 0;
  if (p < end) {
    if (*p != '.') return false;
    ++p;
    while (p < end && static_cast<unsigned>(*p - '0') < 10) {
      if (++digits > 15) return false;
      m = m * 10 + static_cast<unsigned>(*p - '0');
      ++d;
      ++p;
    }
    if (d == 0 || p != end) return false;
  }
  const double x = static_cast<double>(m) / kPow10[d];
  out = negative ? -x : x;
  decimals = d;
  return true;
}

}  // namespace divergence
