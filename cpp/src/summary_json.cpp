// Reading histogram summaries (schema "divergence-lab/histogram-summary@1", summary.hpp) with the
// core's small JSON reader (json_value.hpp), checking every field and naming it in errors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "divergence/columns.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summary.hpp"
#include "json_value.hpp"

namespace divergence {
namespace {

using detail::JsonValue;
using Kind = JsonValue::Kind;
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

// A value as errors show it: numbers as written, short strings quoted, anything else by its kind.
std::string shown(const JsonValue& v) {
  if (v.kind == Kind::Number) return v.text.size() > 40 ? v.text.substr(0, 37) + "..." : v.text;
  if (v.kind == Kind::String) return "\"" + (v.text.size() > 40 ? v.text.substr(0, 37) + "..." : v.text) + "\"";
  return v.kind_name();
}

std::uint64_t count_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (v.kind == Kind::Number) {
    if (v.is_count) return v.count;
    // 12.0 or 1e3 written by some exporters: accepted when integral and in range.
    const double x = v.number;
    if (x >= 0.0 && x < 18446744073709551616.0 && std::floor(x) == x) return static_cast<std::uint64_t>(x);
  }
  at.fail(field, "must be an integer >= 0 (got " + shown(v) + ")");
}

double number_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (v.kind != Kind::Number) at.fail(field, std::string("must be a number (got ") + v.kind_name() + ")");
  if (!std::isfinite(v.number)) at.fail(field, "must be finite (got " + shown(v) + ")");
  return v.number;
}

const JsonValue& array_of(const JsonValue& v, const Where& at, const std::string& field) {
  if (v.kind != Kind::Array) at.fail(field, std::string("must be an array (got ") + v.kind_name() + ")");
  return v;
}

std::uint64_t checked_add(std::uint64_t a, std::uint64_t b, const Where& at, const std::string& field) {
  if (a > std::numeric_limits<std::uint64_t>::max() - b) at.fail(field, "total exceeds 2^64 - 1");
  return a + b;
}

void read_numeric(const JsonValue& col, SummaryColumn& out, const Where& at) {
  static const std::set<std::string> known{"name", "type", "edges", "counts", "below", "above", "missing",
                                           "n", "min", "max", "mean", "std", "quantiles"};
  for (const auto& m : col.members) {
    if (!known.count(m.first)) {
      at.fail("unknown field '" + m.first + "'",
              "not part of a numeric column (known: name, type, edges, counts, below, above, missing, n, min, max, "
              "mean, std, quantiles)");
    }
  }
  const JsonValue* edges_v = col.find("edges");
  const JsonValue* counts_v = col.find("counts");
  if (edges_v == nullptr) at.fail("edges", "missing (a numeric column needs edges and counts)");
  if (counts_v == nullptr) at.fail("counts", "missing (a numeric column needs edges and counts)");
  const JsonValue& edges = array_of(*edges_v, at, "edges");
  const std::size_t ne = edges.items.size();
  if (ne < 2) at.fail("edges", "needs at least 2 entries (got " + std::to_string(ne) + ")");
  if (ne > kMaxEdges) at.fail("edges", "at most 1000001 entries (got " + std::to_string(ne) + ")");
  for (std::size_t i = 0; i < ne; ++i) {
    const double e = number_of(edges.items[i], at, "edges: entry " + std::to_string(i));
    if (i > 0 && !(e > out.edges.back())) {
      at.fail("edges", "entry " + std::to_string(i) + " (" + format_number(e) + ") is not greater than entry " +
                           std::to_string(i - 1) + " (" + format_number(out.edges.back()) + ")");
    }
    out.edges.push_back(e);
  }
  const JsonValue& counts = array_of(*counts_v, at, "counts");
  if (counts.items.size() != ne - 1) {
    at.fail("counts", "length " + std::to_string(counts.items.size()) + ", but " + std::to_string(ne) +
                          " edges need " + std::to_string(ne - 1) + " counts");
  }
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < counts.items.size(); ++i) {
    out.counts.push_back(count_of(counts.items[i], at, "counts: entry " + std::to_string(i)));
    total = checked_add(total, out.counts.back(), at, "counts");
  }
  if (const JsonValue* v = col.find("below")) out.below = count_of(*v, at, "below");
  if (const JsonValue* v = col.find("above")) out.above = count_of(*v, at, "above");
  total = checked_add(total, out.below, at, "below");
  total = checked_add(total, out.above, at, "above");
  if (const JsonValue* v = col.find("n")) {
    const std::uint64_t n = count_of(*v, at, "n");
    if (n != total) at.fail("n", std::to_string(n) + " differs from the counts' total " + std::to_string(total) +
                                     " (counts + below + above)");
  }
  if (const JsonValue* v = col.find("min")) out.min = number_of(*v, at, "min");
  if (const JsonValue* v = col.find("max")) out.max = number_of(*v, at, "max");
  if (const JsonValue* v = col.find("mean")) out.mean = number_of(*v, at, "mean");
  if (const JsonValue* v = col.find("std")) {
    out.std_dev = number_of(*v, at, "std");
    if (out.std_dev < 0.0) at.fail("std", "must be >= 0 (got " + format_number(out.std_dev) + ")");
  }
  if (out.min > out.max) at.fail("min", format_number(out.min) + " is greater than max " + format_number(out.max));
  if (const JsonValue* q = col.find("quantiles")) {
    if (q->kind != Kind::Object) {
      at.fail("quantiles", std::string("must be an object {\"0.25\": x, ...} (got ") + q->kind_name() + ")");
    }
    for (const auto& m : q->members) {
      double p = 0.0;
      if (!parse_finite_double(m.first, p) || p < 0.0 || p > 1.0) {
        at.fail("quantiles", "key '" + m.first + "' is not a probability in [0, 1]");
      }
      out.quantiles[p] = number_of(m.second, at, "quantiles: '" + m.first + "'");
    }
  }
}

void read_categorical(const JsonValue& col, SummaryColumn& out, const Where& at) {
  for (const auto& m : col.members) {
    const std::string& k = m.first;
    if (k != "name" && k != "type" && k != "categories" && k != "counts" && k != "missing") {
      at.fail("unknown field '" + k + "'", "not part of a " + std::string(column_kind_name(out.type)) +
                                               " column (known: name, type, categories, counts, missing)");
    }
  }
  const JsonValue* cats_v = col.find("categories");
  const JsonValue* counts_v = col.find("counts");
  if (cats_v == nullptr) at.fail("categories", "missing (a categorical column needs categories and counts)");
  if (counts_v == nullptr) at.fail("counts", "missing (a categorical column needs categories and counts)");
  const JsonValue& cats = array_of(*cats_v, at, "categories");
  const JsonValue& counts = array_of(*counts_v, at, "counts");
  if (counts.items.size() != cats.items.size()) {
    at.fail("counts", "length " + std::to_string(counts.items.size()) + " differs from categories (length " +
                          std::to_string(cats.items.size()) + ")");
  }
  std::set<std::string> seen;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < cats.items.size(); ++i) {
    const JsonValue& c = cats.items[i];
    if (c.kind != Kind::String) {
      at.fail("categories: entry " + std::to_string(i), std::string("must be a string (got ") + c.kind_name() + ")");
    }
    if (out.type == ColumnKind::Boolean && c.text != "true" && c.text != "false") {
      at.fail("categories: entry " + std::to_string(i), "a boolean column has only 'true' and 'false' (got '" + c.text + "')");
    }
    if (!seen.insert(c.text).second) at.fail("categories", "'" + c.text + "' occurs twice");
    out.categories.push_back(c.text);
    out.counts.push_back(count_of(counts.items[i], at, "counts: entry " + std::to_string(i)));
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
  const JsonValue doc = detail::parse_json(text, side);
  const Where top{side, ""};
  if (doc.kind != Kind::Object) top.fail("summary", std::string("expected a JSON object (got ") + doc.kind_name() + ")");
  for (const auto& m : doc.members) {
    const std::string& k = m.first;
    if (k != "schema" && k != "rows" && k != "source" && k != "columns") {
      top.fail("unknown field '" + k + "'", "not part of a summary (known: schema, rows, source, columns)");
    }
  }
  const JsonValue* schema = doc.find("schema");
  if (schema == nullptr) top.fail("schema", std::string("missing (expected '") + kSummarySchema + "')");
  if (schema->kind != Kind::String || schema->text != kSummarySchema) {
    top.fail("schema", std::string("expected '") + kSummarySchema + "' (got " + shown(*schema) + ")");
  }
  const JsonValue* columns_v = doc.find("columns");
  if (columns_v == nullptr) top.fail("columns", "missing");
  const JsonValue& columns = array_of(*columns_v, top, "columns");
  HistogramSummary out;
  out.bytes = text.size();
  std::set<std::string> names;
  std::uint64_t rows = 0;
  for (std::size_t i = 0; i < columns.items.size(); ++i) {
    const JsonValue& col = columns.items[i];
    const std::string field = "columns: entry " + std::to_string(i);
    if (col.kind != Kind::Object) top.fail(field, std::string("must be an object (got ") + col.kind_name() + ")");
    const JsonValue* name = col.find("name");
    if (name == nullptr || name->kind != Kind::String) top.fail(field, "needs a string \"name\"");
    SummaryColumn c;
    c.name = name->text;
    const Where at{side, c.name};
    if (!names.insert(c.name).second) top.fail("columns", "the name '" + c.name + "' occurs twice");
    const JsonValue* type = col.find("type");
    if (type == nullptr || type->kind != Kind::String) at.fail("type", "must be \"numeric\", \"categorical\" or \"boolean\"");
    if (type->text == "numeric") c.type = ColumnKind::Numeric;
    else if (type->text == "categorical") c.type = ColumnKind::Categorical;
    else if (type->text == "boolean") c.type = ColumnKind::Boolean;
    else at.fail("type", "unknown type '" + type->text + "' (known: numeric, categorical, boolean)");
    if (c.type == ColumnKind::Numeric) read_numeric(col, c, at);
    else read_categorical(col, c, at);
    if (const JsonValue* v = col.find("missing")) c.missing = count_of(*v, at, "missing");
    const std::uint64_t n = c.n();
    if (c.missing > std::numeric_limits<std::uint64_t>::max() - n) at.fail("missing", "values + missing exceed 2^64 - 1");
    rows = std::max(rows, n + c.missing);
    out.columns.push_back(std::move(c));
  }
  out.rows = rows;
  if (const JsonValue* v = doc.find("rows")) {
    out.rows = count_of(*v, top, "rows");
    if (out.rows < rows) top.fail("rows", std::to_string(out.rows) + " is less than a column's values + missing (" +
                                              std::to_string(rows) + ")");
  }
  return out;
}

}  // namespace divergence
