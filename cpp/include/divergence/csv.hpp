// RFC 4180 CSV reading over an in-memory byte buffer.
//
// Accepted input (a superset of RFC 4180, chosen to read what pandas.read_csv reads by default):
//   * UTF-8 text; a leading UTF-8 byte order mark (EF BB BF) is skipped.
//   * Records end with LF, CRLF or a lone CR; the last record may lack a line end.
//   * Blank lines (empty, or only spaces and tabs) are skipped anywhere, as pandas does.
//   * A field that starts with '"' is quoted: it may hold delimiters, line ends and '""' (one quote).
//     Text between the closing quote and the next delimiter is appended as it is ("ab"c -> abc).
//     A '"' inside an unquoted field is an ordinary character.
//   * The first record is the header and gives the column names; every later record must have
//     as many fields as the header.
//   * The delimiter is one of ',' ';' '\t' '|', guessed from the header line and the lines after it
//     (sniff_dialect). "Skip initial space" (drop the spaces that start a field, pandas
//     skipinitialspace=True) is switched on when every delimiter of the header line is followed by
//     a space, as in the UCI Adult files ("39, State-gov, 77516").
//
// Line numbers in messages are 1-based physical lines (the header is line 1; a quoted field that
// spans lines advances the count). Errors are divergence::FormatError, with the caller's prefix
// first ("reference: line 12: expected 7 fields, found 6"):
//   "file is empty"                                  no record at all (only a BOM or empty lines)
//   "file has a header but no data rows"
//   "line N: expected K fields, found M"             a ragged data row
//   "line N: unterminated quoted field"              N = line where the quoted field starts
//   "duplicate column name 'x' (columns 2 and 5)"    1-based column positions
//   "binary data (NUL byte) at line N"
//   "invalid UTF-8 at line N"
//
// Lifetime: the field views of a CsvTable point into the caller's buffer (or, for quoted fields
// that needed unescaping, into storage owned by the table). Keep the input buffer alive and
// unchanged for as long as the table is used.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace divergence {

// How a file is split into fields.
struct CsvDialect {
  char delimiter = ',';
  bool skip_initial_space = false;
};

// Guesses the dialect from the start of data (after a BOM). The delimiter is the candidate among
// ',' ';' '\t' '|' that occurs outside quotes in the header line and occurs the same number of
// times on the following lines (up to 20); among those, the most frequent in the header wins, ties
// going to the earlier candidate in that list. When no candidate is consistent, the most frequent
// in the header wins; when none occurs, ',' (a one-column file). Never throws.
CsvDialect sniff_dialect(std::string_view data);

// The same on a prefix of a file (the streaming reader's sniffing window, stream_reader.hpp).
// complete = false says that data may stop in the middle of a line: a last line without a line
// end is then left out of the consistency check (the header line is always used).
CsvDialect sniff_dialect(std::string_view data, bool complete);

// Byte offset just past the end of the first record of data (after a BOM and blank lines; quotes
// respected, as sniff_dialect reads it), or std::string_view::npos when data holds no complete
// first record yet. Used to make sure a sniffing window contains the whole header line.
std::size_t first_record_end(std::string_view data);

// 1-based physical line (LF, CRLF and a lone CR each end one) of byte offset pos of data.
std::size_t line_at(std::string_view data, std::size_t pos);

// Checks that data has no NUL byte and is valid UTF-8 (no overlong forms, no surrogates, nothing
// above U+10FFFF). Throws FormatError "binary data (NUL byte) at line N" or "invalid UTF-8 at
// line N" (prefixed as described above) for the first offending byte.
void validate_text(std::string_view data, const std::string& prefix = {});

// Binary files are named before any encoding check: a file that starts with a known signature
// (PNG image, ZIP archive, gzip-compressed file, Parquet file; Parquet is read elsewhere, never by
// this reader) or has a NUL byte in its first kBinaryNulWindow bytes gives
//   "looks like a binary file (PNG image), not CSV/TSV/JSON Lines"
//   "looks like a binary file (NUL byte at offset N), not CSV/TSV/JSON Lines"   (N from 0)
// (validate_text and the streaming reader, stream_reader.hpp). A NUL byte further on keeps
// "binary data (NUL byte) at line N".
inline constexpr std::size_t kBinaryNulWindow = 8192;
// The format whose signature data starts with ("PNG image", ...), or nullptr.
const char* binary_signature(std::string_view data);
// True when data (fewer bytes than a signature) could still be the start of one.
bool binary_signature_prefix(std::string_view data);
// "looks like a binary file (<what>), not CSV/TSV/JSON Lines".
std::string binary_file_message(const std::string& what);

// Reads records one at a time. Does not validate the encoding (call validate_text first).
class CsvRecordReader {
 public:
  // data: the whole file; a leading BOM is skipped. prefix: put before error messages.
  CsvRecordReader(std::string_view data, CsvDialect dialect, std::string prefix = {});

  // Reads the next non-empty record into fields (cleared first) and returns true, or returns
  // false at the end of the data. A view points either into data or into a scratch buffer of
  // this reader that the next call overwrites. Throws FormatError for an unterminated quote.
  bool next(std::vector<std::string_view>& fields);

  // Physical line (1-based) on which the record last returned by next() starts.
  std::size_t record_line() const { return record_line_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  CsvDialect dialect_;
  std::string prefix_;
  std::deque<std::string> scratch_;  // unescaped fields of the current record (stable addresses)
  std::size_t scratch_used_ = 0;
};

// A parsed file, stored by column.
class CsvTable {
 public:
  CsvDialect dialect;
  std::vector<std::string> names;                      // header, one per column
  std::vector<std::vector<std::string_view>> columns;  // columns[c][r]: raw field of data row r

  std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }

  // Copies text into storage owned by this table and returns a view of the copy (stable while
  // the table lives, also across moves).
  std::string_view keep(std::string_view text);

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_size_ = 0;
};

// Parses a whole file: validate_text, sniff_dialect, header, then every data row.
// prefix is put before every error message ("reference" -> "reference: line 3: ...").
// Errors: all those listed at the top of this header. Header names are taken as they are
// (after skip-initial-space); an empty name becomes "Unnamed: i" (i = 0-based position, as pandas).
CsvTable read_csv(std::string_view data, const std::string& prefix = {});

// The same with a dialect chosen by the caller instead of the guessed one.
CsvTable read_csv(std::string_view data, CsvDialect dialect, const std::string& prefix = {});

// read_csv without validate_text, for data already checked (e.g. by a streaming caller).
// Invalid UTF-8 then passes through into the fields unnoticed.
CsvTable parse_table(std::string_view data, CsvDialect dialect, const std::string& prefix = {});

}  // namespace divergence
