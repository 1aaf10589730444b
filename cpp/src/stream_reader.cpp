// Streaming CSV/TSV and JSON Lines reader: encoding checks, sniffing window, CSV state machine,
// JSON Lines line splitting (the JSON object parser is in stream_reader_jsonl.cpp).
#include "divergence/stream_reader.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "divergence/errors.hpp"
#include "divergence/stream_reader_detail.hpp"

namespace divergence {
namespace {

[[noreturn]] void fail(const std::string& prefix, const std::string& message) {
  throw FormatError(prefix.empty() ? message : prefix + ": " + message);
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool starts_with_bom(std::string_view s) {
  return s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
         static_cast<unsigned char>(s[2]) == 0xBF;
}

// True while s could still be the start of a BOM (fewer than 3 bytes, all matching).
bool bom_prefix(std::string_view s) {
  static const unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
  for (std::size_t i = 0; i < s.size() && i < 3; ++i) {
    if (static_cast<unsigned char>(s[i]) != kBom[i]) return false;
  }
  return s.size() < 3;
}

}  // namespace

const char* input_format_name(InputFormat format) {
  switch (format) {
    case InputFormat::Csv: return "csv";
    case InputFormat::JsonLines: return "jsonl";
    case InputFormat::Auto: break;
  }
  return "auto";
}

// ---------------------------------------------------------------------------------------------
// Utf8Validator

bool detail::Utf8Validator::check(const char* data, std::size_t n, std::ptrdiff_t& bad, bool& nul) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data);
  std::size_t i = 0;
  while (i < n) {
    if (need_ == 0) {
      // Fast path: 8 ASCII bytes without NUL.
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        if ((((w - kOnes) & ~w & kHighs) | (w & kHighs)) != 0) break;
        i += 8;
      }
      if (i >= n) break;
      const unsigned char c = p[i];
      if (c == 0) {
        bad = static_cast<std::ptrdiff_t>(i);
        nul = true;
        return false;
      }
      if (c < 0x80) {
        ++i;
        continue;
      }
      lo_ = 0x80;
      hi_ = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need_ = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need_ = 2;
        if (c == 0xE0) lo_ = 0xA0;  // no overlong forms
        if (c == 0xED) hi_ = 0x9F;  // no surrogates
      } else if (c >= 0xF0 && c <= 0xF4) {
        need_ = 3;
        if (c == 0xF0) lo_ = 0x90;  // no overlong forms
        if (c == 0xF4) hi_ = 0x8F;  // nothing above U+10FFFF
      } else {
        bad = static_cast<std::ptrdiff_t>(i);
        nul = false;
        return false;
      }
      have_ = 1;
      ++i;
      continue;
    }
    const unsigned char c = p[i];
    if (c < lo_ || c > hi_) {
      bad = static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(have_);
      nul = false;
      return false;
    }
    lo_ = 0x80;
    hi_ = 0xBF;
    --need_;
    ++have_;
    ++i;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Impl

class StreamReader::Impl {
 public:
  Impl(ReaderOptions options, RecordSink& sink) : opt_(std::move(options)), sink_(sink) {
    line_ = opt_.first_line;
    if (opt_.layout_given) {
      if (opt_.format == InputFormat::Auto) {
        throw range_error("format", "a continuation needs csv or jsonl");
      }
      format_ = opt_.format;
      dialect_ = opt_.dialect;
      dialect_known_ = true;
      blank_tab_ = dialect_.delimiter != '\t';
      set_special();
      started_ = true;
      columns_ = opt_.columns;
      if (format_ == InputFormat::Csv) {
        if (columns_.empty()) throw range_error("columns", "a CSV continuation needs the header's column names");
        have_header_ = true;
      }
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (!key_index_.emplace(columns_[i], i).second) {
          throw range_error("columns", "duplicate column name '" + columns_[i] + "'");
        }
      }
    } else {
      format_ = opt_.format;
    }
  }

  void feed(std::string_view chunk) {
    if (finished_) fail(opt_.prefix, "input already finished");
    bytes_ += chunk.size();
    if (!started_) {
      head_feed(chunk);
    } else {
      data_feed(chunk);
    }
  }

  void finish() {
    if (finished_) return;
    if (!started_) check_head();  // a head shorter than a signature was not checked yet
    // Inside the first kSniffWindow bytes encoding errors come first (see head_feed).
    if (!started_ && validator_.pending() && head_.size() <= kHeadChecked) {
      head_encoding_error(head_.size() - validator_.pending_length(), false);
    }
    if (!started_) start(true);
    // A UTF-8 sequence cut by the end of the input.
    if (validator_.pending()) encoding_error(false);
    if (format_ == InputFormat::JsonLines) {
      jsonl_finish();
    } else {
      csv_finish();
    }
    finished_ = true;
    if (!opt_.layout_given) {
      if (format_ == InputFormat::JsonLines) {
        if (records_ == 0) fail(opt_.prefix, "file is empty");
      } else {
        if (!have_header_) fail(opt_.prefix, "file is empty");
        if (records_ == 0) fail(opt_.prefix, "file has a header but no data rows");
      }
    }
  }

  InputFormat format_ = InputFormat::Auto;
  CsvDialect dialect_;
  bool dialect_known_ = false;
  std::vector<std::string> columns_;
  std::uint64_t records_ = 0;
  std::uint64_t bytes_ = 0;
  bool finished_ = false;

 private:
  // ----- head phase: BOM, format and dialect sniffing -----

  void head_feed(std::string_view chunk) {
    const std::size_t base = head_.size();
    head_.append(chunk.data(), chunk.size());
    // The header can only end at a line end: look for it again only when one arrived, or when the
    // window has just filled (so that a long header fed in tiny chunks is not rescanned per byte).
    if (std::memchr(chunk.data(), '\n', chunk.size()) != nullptr || std::memchr(chunk.data(), '\r', chunk.size()) != nullptr ||
        (base < StreamReader::kSniffWindow + 3 && head_.size() >= StreamReader::kSniffWindow)) {
      header_check_ = true;
    }
    // A binary file's signature comes first (csv.hpp): wait for its bytes.
    if (!signature_checked_ && binary_signature_prefix(head_)) return;
    check_head();
    start(false);
  }

  // The signature, then encoding errors inside the first kSniffWindow bytes, raised right away
  // (these bytes always pass through this phase, whatever the chunking); later bytes are checked
  // when parsed.
  void check_head() {
    if (!signature_checked_) {
      signature_checked_ = true;
      if (const char* what = binary_signature(head_)) fail(opt_.prefix, binary_file_message(what));
    }
    const std::size_t base = validated_;
    if (base < kHeadChecked && head_.size() > base) {
      const std::size_t upto = std::min(head_.size(), kHeadChecked);
      std::ptrdiff_t bad = 0;
      bool nul = false;
      if (!validator_.check(head_.data() + base, upto - base, bad, nul)) {
        head_encoding_error(static_cast<std::size_t>(static_cast<std::ptrdiff_t>(base) + bad), nul);
      }
      validated_ = upto;
    }
  }

  // Decides BOM, format and dialect when enough of the input is there (or at the end), then
  // parses the buffered head. Returns without doing anything while more input is needed.
  void start(bool at_end) {
    std::string_view head(head_);
    if (!at_end && bom_prefix(head)) return;
    const std::size_t bom = starts_with_bom(head) ? 3 : 0;
    std::string_view view = head.substr(bom);
    if (format_ == InputFormat::Auto) {
      std::size_t k = 0;
      while (k < view.size() && is_json_space(view[k])) ++k;
      if (k >= view.size() && !at_end) return;
      format_ = (k < view.size() && view[k] == '{') ? InputFormat::JsonLines : InputFormat::Csv;
    }
    if (format_ == InputFormat::Csv) {
      std::size_t window = view.size();
      bool complete = true;
      if (!at_end) {
        if (view.size() < StreamReader::kSniffWindow || !header_check_) return;
        header_check_ = false;
        const std::size_t header_end = first_record_end(view);
        if (header_end == std::string_view::npos) return;
        window = std::max<std::size_t>(StreamReader::kSniffWindow, header_end);
        complete = false;
      }
      dialect_ = sniff_dialect(view.substr(0, window), complete);
      dialect_known_ = true;
      blank_tab_ = dialect_.delimiter != '\t';
      set_special();
    }
    started_ = true;
    // Replay the head: the validated part is parsed directly, the rest checked as it is parsed.
    std::string buffered;
    buffered.swap(head_);
    const std::size_t checked = std::max(validated_, bom);
    parse(std::string_view(buffered).substr(bom, checked - bom));
    data_feed(std::string_view(buffered).substr(checked));
  }

  // ----- data phase -----

  void data_feed(std::string_view chunk) {
    std::ptrdiff_t bad = 0;
    bool nul = false;
    if (validator_.check(chunk.data(), chunk.size(), bad, nul)) {
      parse(chunk);
      return;
    }
    if (bad > 0) parse(chunk.substr(0, static_cast<std::size_t>(bad)));
    encoding_error(nul);
  }

  void parse(std::string_view data) {
    if (data.empty()) return;
    if (format_ == InputFormat::JsonLines) {
      jsonl_consume(data.data(), data.data() + data.size());
    } else {
      csv_consume(data.data(), data.data() + data.size());
    }
  }

  [[noreturn]] void encoding_error(bool nul) {
    fail(opt_.prefix, std::string(nul ? "binary data (NUL byte)" : "invalid UTF-8") + " at line " + std::to_string(line_));
  }

  // An encoding error at byte pos of head_, before parsing started: its line from the bytes.
  [[noreturn]] void head_encoding_error(std::size_t pos, bool nul) {
    if (nul && pos < kBinaryNulWindow) fail(opt_.prefix, binary_file_message("NUL byte at offset " + std::to_string(pos)));
    std::string_view head(head_);
    InputFormat format = format_;
    if (format == InputFormat::Auto) {
      const std::size_t bom = starts_with_bom(head) ? 3 : 0;
      std::size_t k = bom;
      while (k < pos && is_json_space(head[k])) ++k;
      format = (k < pos && head[k] == '{') ? InputFormat::JsonLines : InputFormat::Csv;
    }
    std::size_t line;
    if (format == InputFormat::JsonLines) {
      line = opt_.first_line + static_cast<std::size_t>(std::count(head.begin(), head.begin() + pos, '\n'));
    } else {
      line = opt_.first_line - 1 + line_at(head, pos);
    }
    fail(opt_.prefix, std::string(nul ? "binary data (NUL byte)" : "invalid UTF-8") + " at line " + std::to_string(line));
  }

  // ----- CSV -----

  enum class Csv : unsigned char { RecordStart, LeadingBlanks, FieldStart, Unquoted, Quoted, QuoteInQuoted };

  bool is_blank(char c) const { return c == ' ' || (c == '\t' && blank_tab_); }

  // The bytes that end an unquoted field: the delimiter, LF and CR.
  void set_special() {
    std::memset(special_, 0, sizeof special_);
    special_[static_cast<unsigned char>(dialect_.delimiter)] = 1;
    special_['\n'] = 1;
    special_['\r'] = 1;
  }

  void csv_consume(const char* p, const char* end) {
    const char delim = dialect_.delimiter;
    while (p < end) {
      switch (csv_) {
        case Csv::RecordStart: {
          const char c = *p;
          if (c == '\n') {
            if (!cr_) ++line_;
            cr_ = false;
            ++p;
            continue;
          }
          if (c == '\r') {
            ++line_;
            cr_ = true;
            ++p;
            continue;
          }
          cr_ = false;
          record_line_ = line_;
          if (is_blank(c)) {
            pending_.assign(1, c);
            csv_ = Csv::LeadingBlanks;
            ++p;
            continue;
          }
          // Most records: unquoted fields, wholly inside this chunk. Read them in place.
          if (const char* next = csv_fast_record(p, end)) {
            p = next;
            continue;
          }
          csv_ = Csv::FieldStart;
          continue;
        }
        case Csv::LeadingBlanks: {
          const char c = *p;
          if (is_blank(c)) {
            pending_ += c;
            ++p;
            continue;
          }
          if (c == '\n' || c == '\r') {  // a line of blanks: skipped
            pending_.clear();
            csv_ = Csv::RecordStart;
            continue;
          }
          // Content follows: the blanks start the first field.
          csv_ = Csv::FieldStart;
          std::string blanks;
          blanks.swap(pending_);
          csv_consume(blanks.data(), blanks.data() + blanks.size());
          continue;
        }
        case Csv::FieldStart: {
          const char c = *p;
          if (c == ' ' && dialect_.skip_initial_space) {
            ++p;
            continue;
          }
          if (c == '"') {
            csv_ = Csv::Quoted;
            quote_line_ = line_;
            ++p;
            continue;
          }
          csv_ = Csv::Unquoted;
          continue;
        }
        case Csv::Unquoted: {
          const char* q = p;
          while (q < end && *q != delim && *q != '\n' && *q != '\r') ++q;
          rec_.append(p, static_cast<std::size_t>(q - p));
          p = q;
          if (p == end) return;
          const char c = *p++;
          ends_.push_back(rec_.size());
          if (c == delim) {
            csv_ = Csv::FieldStart;
            continue;
          }
          ++line_;
          cr_ = c == '\r';
          csv_ = Csv::RecordStart;
          csv_record();
          continue;
        }
        case Csv::Quoted: {
          const char* q = p;
          while (q < end && *q != '"') {
            if (*q == '\n') {
              if (!cr_) ++line_;
              cr_ = false;
            } else if (*q == '\r') {
              ++line_;
              cr_ = true;
            } else {
              cr_ = false;
            }
            ++q;
          }
          rec_.append(p, static_cast<std::size_t>(q - p));
          p = q;
          if (p == end) return;
          ++p;
          cr_ = false;
          csv_ = Csv::QuoteInQuoted;
          continue;
        }
        case Csv::QuoteInQuoted: {
          if (*p == '"') {  // "" stands for one quote
            rec_ += '"';
            ++p;
            csv_ = Csv::Quoted;
            continue;
          }
          csv_ = Csv::Unquoted;  // text after the closing quote is kept as it is
          continue;
        }
      }
    }
  }

  void csv_finish() {
    switch (csv_) {
      case Csv::RecordStart:
      case Csv::LeadingBlanks:
        return;
      case Csv::Quoted:
        fail(opt_.prefix, "line " + std::to_string(quote_line_) + ": unterminated quoted field");
      case Csv::FieldStart:
      case Csv::Unquoted:
      case Csv::QuoteInQuoted:
        ends_.push_back(rec_.size());
        csv_ = Csv::RecordStart;
        csv_record();
        return;
    }
  }

  // The fast path of RecordStart, at the first byte of a record (not a line end, not a blank): if
  // the record is unquoted fields (no field starts with '"', nor with a space the dialect skips)
  // and its line end is in [p, end), emits it with fields_ pointing into the chunk and returns the
  // position after its line end, with the state as the state machine would leave it. Otherwise
  // returns nullptr and changes nothing that matters (the state machine then reads the record).
  const char* csv_fast_record(const char* p, const char* end) {
    const unsigned char* special = special_;
    fields_.clear();
    for (;;) {
      if (p == end) return nullptr;
      const char c = *p;
      if (c == '"' || (c == ' ' && dialect_.skip_initial_space)) return nullptr;
      const char* q = p;
      while (q < end && special[static_cast<unsigned char>(*q)] == 0) ++q;
      if (q == end) return nullptr;
      fields_.emplace_back(p, static_cast<std::size_t>(q - p));
      const char e = *q;
      p = q + 1;
      if (e == dialect_.delimiter) continue;
      ++line_;
      cr_ = e == '\r';
      emit_record();
      return p;
    }
  }

  void csv_record() {
    fields_.resize(ends_.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < ends_.size(); ++i) {
      fields_[i] = std::string_view(rec_.data() + start, ends_[i] - start);
      start = ends_[i];
    }
    emit_record();
    rec_.clear();
    ends_.clear();
  }

  // The record in fields_: the header, or a data record (its field count checked).
  void emit_record() {
    if (!have_header_) {
      csv_header();
    } else if (fields_.size() != columns_.size()) {
      fail(opt_.prefix, "line " + std::to_string(record_line_) + ": expected " + std::to_string(columns_.size()) +
                            " fields, found " + std::to_string(fields_.size()));
    } else {
      ++records_;
      sink_.on_record(fields_, nullptr, record_line_);
    }
  }

  void csv_header() {
    if (fields_.size() > opt_.max_columns) {
      fail(opt_.prefix, "line " + std::to_string(record_line_) + ": too many columns: " + std::to_string(fields_.size()) +
                            " (the limit is " + std::to_string(opt_.max_columns) + ")");
    }
    std::vector<std::string> names;
    names.reserve(fields_.size());
    for (std::size_t c = 0; c < fields_.size(); ++c) {
      std::string name = fields_[c].empty() ? "Unnamed: " + std::to_string(c) : std::string(fields_[c]);
      const auto inserted = key_index_.emplace(name, c);
      if (!inserted.second) {
        fail(opt_.prefix, "duplicate column name '" + name + "' (columns " + std::to_string(inserted.first->second + 1) +
                              " and " + std::to_string(c + 1) + ")");
      }
      names.push_back(std::move(name));
    }
    columns_ = names;
    have_header_ = true;
    sink_.on_columns(names);
  }

  // ----- JSON Lines -----

  void jsonl_consume(const char* p, const char* end) {
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (nl == nullptr) {
        line_buf_.append(p, static_cast<std::size_t>(end - p));
        return;
      }
      if (line_buf_.empty()) {
        jsonl_line(std::string_view(p, static_cast<std::size_t>(nl - p)));
      } else {
        line_buf_.append(p, static_cast<std::size_t>(nl - p));
        jsonl_line(line_buf_);
        line_buf_.clear();
      }
      ++line_;
      p = nl + 1;
    }
  }

  void jsonl_finish() {
    if (!line_buf_.empty()) {
      jsonl_line(line_buf_);
      line_buf_.clear();
    }
  }

  void jsonl_line(std::string_view text) {
    std::size_t k = 0;
    while (k < text.size() && is_json_space(text[k])) ++k;
    if (k == text.size()) return;  // blank line
    new_columns_.clear();
    std::string error;
    const std::size_t before = columns_.size();
    detail::JsonObjectParser::Result result =
        json_.parse(text, columns_, key_index_, opt_.max_columns, error);
    if (result != detail::JsonObjectParser::Result::Ok) fail(opt_.prefix, "line " + std::to_string(line_) + ": " + error);
    if (columns_.size() > before) {
      new_columns_.assign(columns_.begin() + static_cast<std::ptrdiff_t>(before), columns_.end());
      sink_.on_columns(new_columns_);
    }
    ++records_;
    sink_.on_record(json_.fields(), json_.nulls(), line_);
  }

  static constexpr std::size_t kHeadChecked = StreamReader::kSniffWindow;

  ReaderOptions opt_;
  RecordSink& sink_;
  bool started_ = false;
  std::string head_;           // bytes buffered before the start
  std::size_t validated_ = 0;  // head_ bytes already checked for encoding
  bool signature_checked_ = false;  // the binary signatures (csv.hpp) were looked for
  bool header_check_ = false;  // new bytes may have completed the header line
  detail::Utf8Validator validator_;
  std::size_t line_ = 1;

  // CSV state
  Csv csv_ = Csv::RecordStart;
  bool cr_ = false;         // the previous byte was a CR (a following LF ends no further line)
  bool blank_tab_ = true;   // a tab counts as blank (when it is not the delimiter)
  bool have_header_ = false;
  std::size_t record_line_ = 0;
  std::size_t quote_line_ = 0;
  std::string pending_;             // blanks at the start of a line, not yet known to be content
  std::string rec_;                 // the current record's field bytes, unescaped
  std::vector<std::size_t> ends_;   // end offset of each field in rec_
  std::vector<std::string_view> fields_;
  unsigned char special_[256] = {};  // set_special()

  // JSON Lines state
  std::string line_buf_;
  detail::JsonObjectParser json_;
  std::vector<std::string> new_columns_;

  std::unordered_map<std::string, std::size_t> key_index_;  // column name -> index
};

StreamReader::StreamReader(ReaderOptions options, RecordSink& sink)
    : impl_(std::make_unique<Impl>(std::move(options), sink)) {}
StreamReader::~StreamReader() = default;
void StreamReader::feed(std::string_view chunk) { impl_->feed(chunk); }
void StreamReader::finish() { impl_->finish(); }
InputFormat StreamReader::format() const { return impl_->format_; }
const CsvDialect& StreamReader::dialect() const { return impl_->dialect_; }
bool StreamReader::dialect_known() const { return impl_->dialect_known_; }
const std::vector<std::string>& StreamReader::columns() const { return impl_->columns_; }
std::uint64_t StreamReader::records() const { return impl_->records_; }
std::uint64_t StreamReader::bytes() const { return impl_->bytes_; }
bool StreamReader::finished() const { return impl_->finished_; }

}  // namespace divergence
