// Reading histogram summaries (schema "divergence-lab/histogram-summary@1", summary.hpp) with
// nlohmann/json (strict_json.hpp), checking every field and naming it in errors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "divergence/columns.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summary.hpp"
#include "strict_json.hpp"

namespace divergence {
namespace {

using JsonValue = nlohmann::ordered_json;
using Kind = JsonValue::value_t;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxEdges = 1000001;  // the engine's 1000000 bins + 1

// Errors name the side, the column and the field.
struct Where {
  const std::string& side;
  std::string column;  // empty at the top level

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    std::string m = side + ": ";
    if (!column.empty()) m += "column '" + column + "': ";
    throw FormatError(m + field + ": " + problem);
  }
};

// "null", "a boolean", "a number", "a string", "an array", "an object".
const char* kind_name(const JsonValue& v) {
  switch (v.type()) {
    case Kind::null: return "null";
    case Kind::boolean: return "a boolean";
    case Kind::string: return "a string";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
    default: return "a number";
  }
}

// A value as errors show it: numbers and short strings as JSON, anything else by its kind.
std::string shown(const JsonValue& v) {
  if (!v.is_number() && !v.is_string()) return kind_name(v);
  std::string s = v.dump();
  return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

// The member named key of an object, or nullptr.
const JsonValue* find(const JsonValue& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The text of a string value.
const std::string& str_of(const JsonValue& v) { return v.get_ref<const std::string&>(); }

std::uint64_t count_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_float()) {
    // 12.0 or 1e3 written by some exporters: accepted when integral and in range.
    const double x = v.get<double>();
    if (x >= 0.0 && x < 18446744073709551616.0 && std::floor(x) == x) return static_cast<std::uint64_t>(x);
  }
  at.fail(field, "must be an integer >= 0 (got " + shown(v) + ")");
}

double number_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (!v.is_number()) at.fail(field, std::string("must be a number (got ") + kind_name(v) + ")");
  const double x = v.get<double>();
  if (!std::isfinite(x)) at.fail(field, "must be finite (got " + shown(v) + ")");
  return x;
}

const JsonValue& array_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (!v.is_array()) at.fail(field, std::string("must be an array (got ") + kind_name(v) + ")");
  return v;
}

std::uint64_t checked_add(std::uint64_t a, std::uint64_t b, const Where& at, const std::string& field) {
  if (a > std::numeric_limits<std::uint64_t>::max() - b) at.fail(field, "total exceeds 2^64 - 1");
  return a + b;
}

void read_numeric(const JsonValue& col, SummaryColumn& out, const Where& at) {
  static const std::set<std::string> known{"name", "type", "edges", "counts", "below", "above", "missing",
                                           "n", "min", "max", "mean", "std", "quantiles"};
  for (const auto& m : col.items()) {
    if (!known.count(m.key())) {
      at.fail("unknown field '" + m.key() + "'",
              "not part of a numeric column (known: name, type, edges, counts, below, above, missing, n, min, max, "
              "mean, std, quantiles)");
    }
  }
  const JsonValue* edges_v = find(col, "edges");
  const JsonValue* counts_v = find(col, "counts");
  if (edges_v == nullptr) at.fail("edges", "missing (a numeric column needs edges and counts)");
  if (counts_v == nullptr) at.fail("counts", "missing (a numeric column needs edges and counts)");
  const JsonValue& edges = array_of(*edges_v, at, "edges");
  const std::size_t ne = edges.size();
  if (ne < 2) at.fail("edges", "needs at least 2 entries (got " + std::to_string(ne) + ")");
  if (ne > kMaxEdges) at.fail("edges", "at most 1000001 entries (got " + std::to_string(ne) + ")");
  for (std::size_t i = 0; i < ne; ++i) {
    const double e = number_of(edges[i], at, "edges: entry " + std::to_string(i));
    if (i > 0 && !(e > out.edges.back())) {
      at.fail("edges", "entry " + std::to_string(i) + " (" + format_number(e) + ") is not greater than entry " +
                           std::to_string(i - 1) + " (" + format_number(out.edges.back()) + ")");
    }
    out.edges.push_back(e);
  }
  const JsonValue& counts = array_of(*counts_v, at, "counts");
  if (counts.size() != ne - 1) {
    at.fail("counts", "length " + std::to_string(counts.size()) + ", but " + std::to_string(ne) +
                          " edges need " + std::to_string(ne - 1) + " counts");
  }
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out.counts.push_back(count_of(counts[i], at, "counts: entry " + std::to_string(i)));
    total = checked_add(total, out.counts.back(), at, "counts");
  }
  if (const JsonValue* v = find(col, "below")) out.below = count_of(*v, at, "below");
  if (const JsonValue* v = find(col, "above")) out.above = count_of(*v, at, "above");
  total = checked_add(total, out.below, at, "below");
  total = checked_add(total, out.above, at, "above");
  if (const JsonValue* v = find(col, "n")) {
    const std::uint64_t n = count_of(*v, at, "n");
    if (n != total) at.fail("n", std::to_string(n) + " differs from the counts' total " + std::to_string(total) +
                                     " (counts + below + above)");
  }
  if (const JsonValue* v = find(col, "min")) out.min = number_of(*v, at, "min");
  if (const JsonValue* v = find(col, "max")) out.max = number_of(*v, at, "max");
  if (const JsonValue* v = find(col, "mean")) out.mean = number_of(*v, at, "mean");
  if (const JsonValue* v = find(col, "std")) {
    out.std_dev = number_of(*v, at, "std");
    if (out.std_dev < 0.0) at.fail("std", "must be >= 0 (got " + format_number(out.std_dev) + ")");
  }
  if (out.min > out.max) at.fail("min", format_number(out.min) + " is greater than max " + format_number(out.max));
  if (const JsonValue* q = find(col, "quantiles")) {
    if (!q->is_object()) {
      at.fail("quantiles", std::string("must be an object {\"0.25\": x, ...} (got ") + kind_name(*q) + ")");
    }
    for (const auto& m : q->items()) {
      double p = 0.0;
      if (!parse_finite_double(m.key(), p) || p < 0.0 || p > 1.0) {
        at.fail("quantiles", "key '" + m.key() + "' is not a probability in [0, 1]");
      }
      out.quantiles[p] = number_of(m.value(), at, "quantiles: '" + m.key() + "'");
    }
  }
}

void read_categorical(const JsonValue& col, SummaryColumn& out, const Where& at) {
  for (const auto& m : col.items()) {
    const std::string& k = m.key();
    if (k != "name" && k != "type" && k != "categories" && k != "counts" && k != "missing") {
      at.fail("unknown field '" + k + "'", "not part of a " + std::string(column_kind_name(out.type)) +
                                               " column (known: name, type, categories, counts, missing)");
    }
  }
  const JsonValue* cats_v = find(col, "categories");
  const JsonValue* counts_v = find(col, "counts");
  if (cats_v == nullptr) at.fail("categories", "missing (a categorical column needs categories and counts)");
  if (counts_v == nullptr) at.fail("counts", "missing (a categorical column needs categories and counts)");
  const JsonValue& cats = array_of(*cats_v, at, "categories");
  const JsonValue& counts = array_of(*counts_v, at, "counts");
  if (counts.size() != cats.size()) {
    at.fail("counts", "length " + std::to_string(counts.size()) + " differs from categories (length " +
                          std::to_string(cats.size()) + ")");
  }
  std::set<std::string> seen;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    const JsonValue& c = cats[i];
    if (!c.is_string()) {
      at.fail("categories: entry " + std::to_string(i), std::string("must be a string (got ") + kind_name(c) + ")");
    }
    const std::string& label = str_of(c);
    if (out.type == ColumnKind::Boolean && label != "true" && label != "false") {
      at.fail("categories: entry " + std::to_string(i), "a boolean column has only 'true' and 'false' (got '" + label + "')");
    }
    if (!seen.insert(label).second) at.fail("categories", "'" + label + "' occurs twice");
    out.categories.push_back(label);
    out.counts.push_back(count_of(counts[i], at, "counts: entry " + std::to_string(i)));
    total = checked_add(total, out.counts.back(), at, "counts");
  }
}

}  // namespace

SummaryColumn::SummaryColumn() : min(kNaN), max(kNaN), mean(kNaN), std_dev(kNaN) {}

std::uint64_t SummaryColumn::n() const {
  std::uint64_t s = below + above;
  for (std::uint64_t c : counts) s += c;
  return s;
}

bool looks_like_summary(std::string_view text) {
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != '{') return false;
  return text.substr(0, 4096).find("divergence-lab/histogram-summary@") != std::string_view::npos;
}

HistogramSummary parse_summary(std::string_view text, const std::string& side) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const JsonValue doc = detail::parse_strict_json(text, side);
  const Where top{side, ""};
  if (!doc.is_object()) top.fail("summary", std::string("expected a JSON object (got ") + kind_name(doc) + ")");
  for (const auto& m : doc.items()) {
    const std::string& k = m.key();
    if (k != "schema" && k != "rows" && k != "source" && k != "columns") {
      top.fail("unknown field '" + k + "'", "not part of a summary (known: schema, rows, source, columns)");
    }
  }
  const JsonValue* schema = find(doc, "schema");
  if (schema == nullptr) top.fail("schema", std::string("missing (expected '") + kSummarySchema + "')");
  if (!schema->is_string() || str_of(*schema) != kSummarySchema) {
    top.fail("schema", std::string("expected '") + kSummarySchema + "' (got " + shown(*schema) + ")");
  }
  const JsonValue* columns_v = find(doc, "columns");
  if (columns_v == nullptr) top.fail("columns", "missing");
  const JsonValue& columns = array_of(*columns_v, top, "columns");
  HistogramSummary out;
  out.bytes = text.size();
  std::set<std::string> names;
  std::uint64_t rows = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const JsonValue& col = columns[i];
    const std::string field = "columns: entry " + std::to_string(i);
    if (!col.is_object()) top.fail(field, std::string("must be an object (got ") + kind_name(col) + ")");
    const JsonValue* name = find(col, "name");
    if (name == nullptr || !name->is_string()) top.fail(field, "needs a string \"name\"");
    SummaryColumn c;
    c.name = str_of(*name);
    const Where at{side, c.name};
    if (!names.insert(c.name).second) top.fail("columns", "the name '" + c.name + "' occurs twice");
    const JsonValue* type = find(col, "type");
    if (type == nullptr || !type->is_string()) at.fail("type", "must be \"numeric\", \"categorical\" or \"boolean\"");
    const std::string& type_name = str_of(*type);
    if (type_name == "numeric") c.type = ColumnKind::Numeric;
    else if (type_name == "categorical") c.type = ColumnKind::Categorical;
    else if (type_name == "boolean") c.type = ColumnKind::Boolean;
    else at.fail("type", "unknown type '" + type_name + "' (known: numeric, categorical, boolean)");
    if (c.type == ColumnKind::Numeric) read_numeric(col, c, at);
    else read_categorical(col, c, at);
    if (const JsonValue* v = find(col, "missing")) c.missing = count_of(*v, at, "missing");
    const std::uint64_t n = c.n();
    if (c.missing > std::numeric_limits<std::uint64_t>::max() - n) at.fail("missing", "values + missing exceed 2^64 - 1");
    rows = std::max(rows, n + c.missing);
    out.columns.push_back(std::move(c));
  }
  out.rows = rows;
  if (const JsonValue* v = find(doc, "rows")) {
    out.rows = count_of(*v, top, "rows");
    if (out.rows < rows) top.fail("rows", std::to_string(out.rows) + " is less than a column's values + missing (" +
                                              std::to_string(rows) + ")");
  }
  return out;
}

}  // namespace divergence
