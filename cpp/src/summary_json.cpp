// Reading histogram summaries (schema "divergence-lab/histogram-summary@1", summary.hpp) with
// nlohmann/json, checking every field and naming it in errors.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "divergence/columns.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summary.hpp"

namespace divergence {
namespace {

using json = nlohmann::json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxDepth = 64;
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

std::string shown(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

const char* kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
  }
}

// The nesting depth of the text, ignoring strings; rejects what a recursive reader might not survive.
void check_depth(std::string_view text, const std::string& side) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') ++i;
      else if (ch == '"') in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '{' || ch == '[') {
      if (++depth > kMaxDepth) throw FormatError(side + ": nesting deeper than 64 levels at byte " + std::to_string(i));
    } else if ((ch == '}' || ch == ']') && depth > 0) {
      --depth;
    }
  }
}

std::uint64_t count_of(const json& v, const Where& at, const std::string& field) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_float()) {
    const double x = v.get<double>();
    if (x >= 0.0 && x < 18446744073709551616.0 && std::floor(x) == x) return static_cast<std::uint64_t>(x);
  }
  at.fail(field, "must be an integer >= 0 (got " + shown(v) + ")");
}

double number_of(const json& v, const Where& at, const std::string& field) {
  if (!v.is_number()) at.fail(field, std::string("must be a number (got ") + kind_of(v) + ")");
  const double x = v.get<double>();
  if (!std::isfinite(x)) at.fail(field, "must be finite (got " + shown(v) + ")");
  return x;
}

const json& array_of(const json& v, const Where& at, const std::string& field) {
  if (!v.is_array()) at.fail(field, std::string("must be an array (got ") + kind_of(v) + ")");
  return v;
}

std::uint64_t checked_add(std::uint64_t a, std::uint64_t b, const Where& at, const std::string& field) {
  if (a > std::numeric_limits<std::uint64_t>::max() - b) at.fail(field, "total exceeds 2^64 - 1");
  return a + b;
}

void read_numeric(const json& col, SummaryColumn& out, const Where& at) {
  static const std::set<std::string> known{"name", "type", "edges", "counts", "below", "above", "missing",
                                           "n", "min", "max", "mean", "std", "quantiles"};
  for (const auto& item : col.items()) {
    if (!known.count(item.key())) {
      at.fail("unknown field '" + item.key() + "'",
              "not part of a numeric column (known: name, type, edges, counts, below, above, missing, n, min, max, "
              "mean, std, quantiles)");
    }
  }
  if (!col.contains("edges")) at.fail("edges", "missing (a numeric column needs edges and counts)");
  if (!col.contains("counts")) at.fail("counts", "missing (a numeric column needs edges and counts)");
  const json& edges = array_of(col["edges"], at, "edges");
  if (edges.size() < 2) at.fail("edges", "needs at least 2 entries (got " + std::to_string(edges.size()) + ")");
  if (edges.size() > kMaxEdges) at.fail("edges", "at most 1000001 entries (got " + std::to_string(edges.size()) + ")");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const double e = number_of(edges[i], at, "edges: entry " + std::to_string(i));
    if (i > 0 && !(e > out.edges.back())) {
      at.fail("edges", "entry " + std::to_string(i) + " (" + format_number(e) + ") is not greater than entry " +
                           std::to_string(i - 1) + " (" + format_number(out.edges.back()) + ")");
    }
    out.edges.push_back(e);
  }
  const json& counts = array_of(col["counts"], at, "counts");
  if (counts.size() != edges.size() - 1) {
    at.fail("counts", "length " + std::to_string(counts.size()) + ", but " + std::to_string(edges.size()) +
                          " edges need " + std::to_string(edges.size() - 1) + " counts");
  }
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out.counts.push_back(count_of(counts[i], at, "counts: entry " + std::to_string(i)));
    total = checked_add(total, out.counts.back(), at, "counts");
  }
  if (col.contains("below")) out.below = count_of(col["below"], at, "below");
  if (col.contains("above")) out.above = count_of(col["above"], at, "above");
  total = checked_add(total, out.below, at, "below");
  total = checked_add(total, out.above, at, "above");
  if (col.contains("n")) {
    const std::uint64_t n = count_of(col["n"], at, "n");
    if (n != total) at.fail("n", std::to_string(n) + " differs from the counts' total " + std::to_string(total) +
                                     " (counts + below + above)");
  }
  if (col.contains("min")) out.min = number_of(col["min"], at, "min");
  if (col.contains("max")) out.max = number_of(col["max"], at, "max");
  if (col.contains("mean")) out.mean = number_of(col["mean"], at, "mean");
  if (col.contains("std")) {
    out.std_dev = number_of(col["std"], at, "std");
    if (out.std_dev < 0.0) at.fail("std", "must be >= 0 (got " + format_number(out.std_dev) + ")");
  }
  if (out.min > out.max) at.fail("min", format_number(out.min) + " is greater than max " + format_number(out.max));
  if (col.contains("quantiles")) {
    const json& q = col["quantiles"];
    if (!q.is_object()) at.fail("quantiles", std::string("must be an object {\"0.25\": x, ...} (got ") + kind_of(q) + ")");
    for (const auto& item : q.items()) {
      double p = 0.0;
      if (!parse_finite_double(item.key(), p) || p < 0.0 || p > 1.0) {
        at.fail("quantiles", "key '" + item.key() + "' is not a probability in [0, 1]");
      }
      out.quantiles[p] = number_of(item.value(), at, "quantiles: '" + item.key() + "'");
    }
  }
}

void read_categorical(const json& col, SummaryColumn& out, const Where& at) {
  for (const auto& item : col.items()) {
    const std::string& k = item.key();
    if (k != "name" && k != "type" && k != "categories" && k != "counts" && k != "missing") {
      at.fail("unknown field '" + k + "'", "not part of a " + std::string(column_kind_name(out.type)) +
                                               " column (known: name, type, categories, counts, missing)");
    }
  }
  if (!col.contains("categories")) at.fail("categories", "missing (a categorical column needs categories and counts)");
  if (!col.contains("counts")) at.fail("counts", "missing (a categorical column needs categories and counts)");
  const json& cats = array_of(col["categories"], at, "categories");
  const json& counts = array_of(col["counts"], at, "counts");
  if (counts.size() != cats.size()) {
    at.fail("counts", "length " + std::to_string(counts.size()) + " differs from categories (length " +
                          std::to_string(cats.size()) + ")");
  }
  std::set<std::string> seen;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    if (!cats[i].is_string()) {
      at.fail("categories: entry " + std::to_string(i), std::string("must be a string (got ") + kind_of(cats[i]) + ")");
    }
    std::string label = cats[i].get<std::string>();
    if (out.type == ColumnKind::Boolean && label != "true" && label != "false") {
      at.fail("categories: entry " + std::to_string(i), "a boolean column has only 'true' and 'false' (got '" + label + "')");
    }
    if (!seen.insert(label).second) at.fail("categories", "'" + label + "' occurs twice");
    out.categories.push_back(std::move(label));
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
  check_depth(text, side);
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    // Parse again with exceptions for the position and reason.
    try {
      doc = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
      std::string what = e.what();
      const std::size_t bracket = what.find("] ");
      throw FormatError(side + ": not valid JSON (" + (bracket == std::string::npos ? what : what.substr(bracket + 2)) + ")");
    }
  }
  const Where top{side, ""};
  if (!doc.is_object()) top.fail("summary", std::string("expected a JSON object (got ") + kind_of(doc) + ")");
  for (const auto& item : doc.items()) {
    const std::string& k = item.key();
    if (k != "schema" && k != "rows" && k != "source" && k != "columns") {
      top.fail("unknown field '" + k + "'", "not part of a summary (known: schema, rows, source, columns)");
    }
  }
  if (!doc.contains("schema")) top.fail("schema", std::string("missing (expected '") + kSummarySchema + "')");
  if (!doc["schema"].is_string() || doc["schema"].get<std::string>() != kSummarySchema) {
    top.fail("schema", std::string("expected '") + kSummarySchema + "' (got " + shown(doc["schema"]) + ")");
  }
  if (!doc.contains("columns")) top.fail("columns", "missing");
  const json& columns = array_of(doc["columns"], top, "columns");
  HistogramSummary out;
  out.bytes = text.size();
  std::set<std::string> names;
  std::uint64_t rows = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const json& col = columns[i];
    const std::string field = "columns: entry " + std::to_string(i);
    if (!col.is_object()) top.fail(field, std::string("must be an object (got ") + kind_of(col) + ")");
    if (!col.contains("name") || !col["name"].is_string()) top.fail(field, "needs a string \"name\"");
    SummaryColumn c;
    c.name = col["name"].get<std::string>();
    const Where at{side, c.name};
    if (!names.insert(c.name).second) top.fail("columns", "the name '" + c.name + "' occurs twice");
    if (!col.contains("type") || !col["type"].is_string()) at.fail("type", "must be \"numeric\", \"categorical\" or \"boolean\"");
    const std::string type = col["type"].get<std::string>();
    if (type == "numeric") c.type = ColumnKind::Numeric;
    else if (type == "categorical") c.type = ColumnKind::Categorical;
    else if (type == "boolean") c.type = ColumnKind::Boolean;
    else at.fail("type", "unknown type '" + type + "' (known: numeric, categorical, boolean)");
    if (c.type == ColumnKind::Numeric) read_numeric(col, c, at);
    else read_categorical(col, c, at);
    if (col.contains("missing")) c.missing = count_of(col["missing"], at, "missing");
    const std::uint64_t n = c.n();
    if (c.missing > std::numeric_limits<std::uint64_t>::max() - n) at.fail("missing", "values + missing exceed 2^64 - 1");
    rows = std::max(rows, n + c.missing);
    out.columns.push_back(std::move(c));
  }
  out.rows = rows;
  if (doc.contains("rows")) {
    out.rows = count_of(doc["rows"], top, "rows");
    if (out.rows < rows) top.fail("rows", std::to_string(out.rows) + " is less than a column's values + missing (" +
                                              std::to_string(rows) + ")");
  }
  return out;
}

}  // namespace divergence
