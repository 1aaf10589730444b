// Streaming reader of delimited text (CSV/TSV) and JSON Lines: bytes in, chunk by chunk, records
// out through a RecordSink.
//
// feed() accepts chunks cut anywhere (inside a quoted field, between the CR and LF of a CRLF, inside
// a UTF-8 sequence); the records, the dialect, the errors and their line numbers do not depend on
// where the cuts are. finish() ends the input. Memory: the current record (or JSON line) and, until
// the dialect is known, the sniffing window (below); nothing else is kept.
//
// CSV/TSV: exactly the rules of csv.hpp (RFC 4180 quoting, LF/CRLF/lone-CR line ends, blank lines
// skipped, BOM skipped, "Unnamed: i" for empty header names, skip-initial-space), with the same
// error messages. The dialect (delimiter among , ; TAB |, and skip-initial-space) is sniffed by
// csv.hpp's sniff_dialect on the SNIFFING WINDOW: the first 64 KiB of the input (after a BOM), or
// up to the end of the header line if that is longer, or the whole input if it is shorter; a line
// cut by the end of the window is left out. So it is the same as read_csv's guess whenever the
// header and the 20 lines after it fit in 64 KiB, and never depends on chunk sizes.
//
// JSON Lines (https://jsonlines.org): one JSON object per line ('\n' ends a line; '\r' and spaces
// around are whitespace; blank lines are skipped). Keys are column names, in order of first
// appearance over the whole input (a key first seen on line 900 adds a column; the rows before
// have it missing). Values: a number gives its text as written ("1.50" stays "1.50"); a string gives
// its unescaped text (so "12" is read like the CSV field 12, and "NA" like the CSV field NA);
// true/false give the texts "true"/"false"; null and absent keys are NULL fields (always missing).
// Errors (line = 1-based line of the input):
//   "line N: expected a JSON object"                 the line is valid JSON text but not {...}
//   "line N: nested value for key 'k' (objects and arrays are not supported)"
//   "line N: duplicate key 'k'"
//   "line N: invalid JSON: <what> at column C"       C = 1-based byte column in the line
//   "line N: invalid JSON: lone surrogate \\uD800 at column C"
//
// Format choice: InputFormat::Auto looks at the first byte that is not whitespace (after a BOM):
// '{' means JSON Lines, anything else CSV.
//
// Errors common to both formats (divergence::FormatError, message prefixed by ReaderOptions::prefix
// and ": "): "file is empty" (no record at all), "file has a header but no data rows" (CSV),
// "looks like a binary file (PNG image), not CSV/TSV/JSON Lines" and "... (NUL byte at offset N) ..."
// (a known signature at the start, or a NUL in the first 8 KiB; csv.hpp),
// "binary data (NUL byte) at line N", "invalid UTF-8 at line N" (as validate_text; a sequence cut
// by the end of the input is reported at its line), "line N: too many columns: 10000 (the limit is
// 4096)". An error is raised at the first byte where it can be detected, in input order (a ragged
// row is detected at its line end, a NUL byte at the byte), so the first error of a file is the
// same whatever the chunking. After an error the reader is unusable.
//
// Continuation: a reader made with ReaderOptions::layout_given = true starts directly with data
// rows (no BOM, header, sniffing or format guess): it reads a byte range of a file whose header
// another reader has read (see DatasetAccumulator::layout(), accumulator.hpp). Its line numbers
// start at ReaderOptions::first_line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/csv.hpp"

namespace divergence {

enum class InputFormat { Auto, Csv, JsonLines };

// "auto", "csv", "jsonl".
const char* input_format_name(InputFormat format);

// Receives what a StreamReader reads.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // New columns, appended after the existing ones: CSV: the header, once, before any record;
  // JSON Lines: each time keys appear that were not seen before. names holds only the new names.
  virtual void on_columns(const std::vector<std::string>& names) = 0;
  // One data record: fields[i] is column i's raw text; fields.size() == number of columns so far.
  // nulls is nullptr (CSV) or points to fields.size() flags, non-zero for JSON null / absent keys.
  // The views are valid only during the call. line: 1-based line where the record starts.
  virtual void on_record(const std::vector<std::string_view>& fields, const unsigned char* nulls,
                         std::size_t line) = 0;
};

struct ReaderOptions {
  InputFormat format = InputFormat::Auto;
  std::string prefix;              // put before error messages: "reference" -> "reference: line 3: ..."
  std::size_t max_columns = 4096;  // more columns is an error ("too many columns")
  // Continuation of a file whose header was read elsewhere (see the top of this header):
  bool layout_given = false;
  CsvDialect dialect;                // CSV: the dialect to use when layout_given
  std::vector<std::string> columns;  // the columns (CSV header; JSON Lines: keys seen so far)
  std::size_t first_line = 1;        // line number of the first byte given to feed()
};

class StreamReader {
 public:
  // sink must outlive the reader. Errors: ArgumentError "format: a continuation needs csv or jsonl"
  // for layout_given with InputFormat::Auto; "columns: ..." for an empty or duplicate CSV header.
  StreamReader(ReaderOptions options, RecordSink& sink);
  ~StreamReader();
  StreamReader(const StreamReader&) = delete;
  StreamReader& operator=(const StreamReader&) = delete;

  // Reads the next bytes of the input. Throws FormatError (see the top of this header).
  void feed(std::string_view chunk);
  // Ends the input: flushes the last record, raises the end-of-input errors. Idempotent.
  void finish();

  // The chosen format (Auto until it is known), the CSV dialect (valid once known), the column names
  // so far, the data records so far, and the bytes fed so far.
  InputFormat format() const;
  const CsvDialect& dialect() const;
  bool dialect_known() const;
  const std::vector<std::string>& columns() const;
  std::uint64_t records() const;
  std::uint64_t bytes() const;
  bool finished() const;

  static constexpr std::size_t kSniffWindow = 64 * 1024;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace divergence
