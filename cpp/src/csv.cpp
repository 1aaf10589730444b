// CSV reading: encoding checks, dialect sniffing, record splitting, column-wise table.
#include "divergence/csv.hpp"

#include <cstdint>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>

#include "divergence/errors.hpp"

namespace divergence {
namespace {

constexpr char kCandidates[] = {',', ';', '\t', '|'};
constexpr std::size_t kNumCandidates = sizeof(kCandidates);
constexpr std::size_t kSniffLines = 20;
constexpr std::size_t kChunkSize = 64 * 1024;

[[noreturn]] void fail(const std::string& prefix, const std::string& message) {
  throw FormatError(prefix.empty() ? message : prefix + ": " + message);
}

std::string_view skip_bom(std::string_view data) {
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xEF &&
      static_cast<unsigned char>(data[1]) == 0xBB && static_cast<unsigned char>(data[2]) == 0xBF) {
    data.remove_prefix(3);
  }
  return data;
}

// True when none of the 8 bytes of w is zero or has its high bit set (plain ASCII, no NUL).
bool ascii_no_nul(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const std::uint64_t has_zero = (w - kOnes) & ~w & kHighs;
  return ((w & kHighs) | has_zero) == 0;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0 if invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  const std::size_t left = s.size() - i;
  if (c >= 0xC2 && c <= 0xDF) return (left >= 2 && is_continuation(at(i + 1))) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char c1 = at(i + 1);
    const unsigned char lo = (c == 0xE0) ? 0xA0 : 0x80;  // no overlong forms
    const unsigned char hi = (c == 0xED) ? 0x9F : 0xBF;  // no surrogates
    return (c1 >= lo && c1 <= hi && is_continuation(at(i + 2))) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char c1 = at(i + 1);
    const unsigned char lo = (c == 0xF0) ? 0x90 : 0x80;  // no overlong forms
    const unsigned char hi = (c == 0xF4) ? 0x8F : 0xBF;  // nothing above U+10FFFF
    return (c1 >= lo && c1 <= hi && is_continuation(at(i + 2)) && is_continuation(at(i + 3))) ? 4 : 0;
  }
  return 0;
}

// Per-candidate delimiter counts of one record (quotes respected), and the end of that record.
struct LineScan {
  std::size_t count[kNumCandidates] = {};
  std::size_t followed_by_space[kNumCandidates] = {};
  std::size_t end = 0;
};

LineScan scan_line(std::string_view data, std::size_t pos) {
  LineScan scan;
  bool in_quotes = false;
  std::size_t i = pos;
  for (; i < data.size(); ++i) {
    const char c = data[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // a doubled quote toggles twice
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      break;
    } else if (!in_quotes) {
      for (std::size_t k = 0; k < kNumCandidates; ++k) {
        if (c == kCandidates[k]) {
          ++scan.count[k];
          if (i + 1 < data.size() && data[i + 1] == ' ') ++scan.followed_by_space[k];
        }
      }
    }
  }
  scan.end = i;
  return scan;
}

// Moves pos past line ends and lines made only of spaces.
std::size_t skip_blank_lines(std::string_view data, std::size_t pos) {
  for (;;) {
    std::size_t k = pos;
    while (k < data.size() && data[k] == ' ') ++k;
    if (k < data.size() && data[k] != '\n' && data[k] != '\r') return pos;  // content starts here
    while (k < data.size() && (data[k] == '\n' || data[k] == '\r')) ++k;
    if (k >= data.size()) return data.size();
    pos = k;
  }
}

}  // namespace

std::size_t line_at(std::string_view data, std::size_t pos) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos && i < data.size(); ++i) {
    if (data[i] == '\n') {
      ++line;
    } else if (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n')) {
      ++line;
    }
  }
  return line;
}

std::size_t first_record_end(std::string_view data) {
  const std::size_t bom = data.size() - skip_bom(data).size();
  data.remove_prefix(bom);
  const std::size_t pos = skip_blank_lines(data, 0);
  if (pos >= data.size()) return std::string_view::npos;
  const LineScan header = scan_line(data, pos);
  if (header.end >= data.size()) return std::string_view::npos;
  return bom + header.end + 1;
}

CsvDialect sniff_dialect(std::string_view data) { return sniff_dialect(data, true); }

CsvDialect sniff_dialect(std::string_view data, bool complete) {
  data = skip_bom(data);
  std::size_t pos = skip_blank_lines(data, 0);
  CsvDialect dialect;
  if (pos >= data.size()) return dialect;
  const LineScan header = scan_line(data, pos);
  bool consistent[kNumCandidates];
  for (std::size_t k = 0; k < kNumCandidates; ++k) consistent[k] = header.count[k] > 0;
  pos = skip_blank_lines(data, header.end);
  for (std::size_t n = 0; n < kSniffLines && pos < data.size(); ++n) {
    const LineScan line = scan_line(data, pos);
    if (!complete && line.end >= data.size()) break;  // cut by the window: not a whole line
    for (std::size_t k = 0; k < kNumCandidates; ++k) consistent[k] = consistent[k] && line.count[k] == header.count[k];
    pos = skip_blank_lines(data, line.end);
  }
  // Best consistent candidate; failing that, the most frequent one in the header.
  std::size_t best = kNumCandidates;
  for (std::size_t k = 0; k < kNumCandidates; ++k) {
    if (consistent[k] && (best == kNumCandidates || header.count[k] > header.count[best])) best = k;
  }
  if (best == kNumCandidates) {
    for (std::size_t k = 0; k < kNumCandidates; ++k) {
      if (header.count[k] > 0 && (best == kNumCandidates || header.count[k] > header.count[best])) best = k;
    }
  }
  if (best == kNumCandidates) return dialect;
  dialect.delimiter = kCandidates[best];
  dialect.skip_initial_space = header.followed_by_space[best] == header.count[best];
  return dialect;
}

namespace {

struct Signature {
  const char* bytes;
  std::size_t length;
  const char* what;
};
constexpr Signature kSignatures[] = {
    {"\x89PNG", 4, "PNG image"},
    {"PK\x03\x04", 4, "ZIP archive"},
    {"\x1F\x8B", 2, "gzip-compressed file"},
    {"PAR1", 4, "Parquet file"},
};

}  // namespace

const char* binary_signature(std::string_view data) {
  for (const Signature& s : kSignatures) {
    if (data.size() >= s.length && std::memcmp(data.data(), s.bytes, s.length) == 0) return s.what;
  }
  return nullptr;
}

bool binary_signature_prefix(std::string_view data) {
  for (const Signature& s : kSignatures) {
    if (data.size() < s.length && std::memcmp(data.data(), s.bytes, data.size()) == 0) return true;
  }
  return false;
}

std::string binary_file_message(const std::string& what) {
  return "looks like a binary file (" + what + "), not CSV/TSV/JSON Lines";
}

void validate_text(std::string_view data, const std::string& prefix) {
  if (const char* what = binary_signature(data)) fail(prefix, binary_file_message(what));
  std::size_t i = 0;
  const std::size_t n = data.size();
  while (i < n) {
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, data.data() + i, 8);
      if (!ascii_no_nul(w)) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == 0) {
      if (i < kBinaryNulWindow) fail(prefix, binary_file_message("NUL byte at offset " + std::to_string(i)));
      fail(prefix, "binary data (NUL byte) at line " + std::to_string(line_at(data, i)));
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(data, i);
    if (len == 0) fail(prefix, "invalid UTF-8 at line " + std::to_string(line_at(data, i)));
    i += len;
  }
}

CsvRecordReader::CsvRecordReader(std::string_view data, CsvDialect dialect, std::string prefix)
    : data_(skip_bom(data)), dialect_(dialect), prefix_(std::move(prefix)) {}

bool CsvRecordReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  scratch_used_ = 0;
  const std::size_t n = data_.size();
  const char* d = data_.data();
  const char delim = dialect_.delimiter;
  // Skip empty lines, and lines of only spaces/tabs (as pandas' skip_blank_lines).
  const auto blank = [delim](char c) { return c == ' ' || (c == '\t' && delim != '\t'); };
  for (;;) {
    if (pos_ >= n) return false;
    if (d[pos_] == '\n' || d[pos_] == '\r') {
      if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      continue;
    }
    if (blank(d[pos_])) {
      std::size_t k = pos_;
      while (k < n && blank(d[k])) ++k;
      if (k >= n || d[k] == '\n' || d[k] == '\r') {
        pos_ = k;
        continue;
      }
    }
    break;
  }
  record_line_ = line_;
  for (;;) {
    if (dialect_.skip_initial_space) {
      while (pos_ < n && d[pos_] == ' ') ++pos_;
    }
    if (pos_ < n && d[pos_] == '"') {
      // Quoted field. Stays a view into the data unless it holds "" or text after the quote.
      const std::size_t quote_line = line_;
      std::size_t start = ++pos_;
      std::string* out = nullptr;
      const auto to_scratch = [&]() {
        if (out != nullptr) return;
        if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
        out = &scratch_[scratch_used_++];
        out->clear();
      };
      for (;;) {
        while (pos_ < n && d[pos_] != '"') {
          if (d[pos_] == '\n' || (d[pos_] == '\r' && (pos_ + 1 >= n || d[pos_ + 1] != '\n'))) ++line_;
          ++pos_;
        }
        if (pos_ >= n) fail(prefix_, "line " + std::to_string(quote_line) + ": unterminated quoted field");
        if (pos_ + 1 < n && d[pos_ + 1] == '"') {  // "" stands for one quote
          to_scratch();
          out->append(d + start, pos_ + 1 - start);
          pos_ += 2;
          start = pos_;
          continue;
        }
        break;
      }
      const std::size_t close = pos_++;
      const std::size_t tail = pos_;
      while (pos_ < n && d[pos_] != delim && d[pos_] != '\n' && d[pos_] != '\r') ++pos_;
      if (out == nullptr && pos_ == tail) {
        fields.emplace_back(d + start, close - start);
      } else {
        to_scratch();
        out->append(d + start, close - start);
        out->append(d + tail, pos_ - tail);
        fields.emplace_back(*out);
      }
    } else {
      const std::size_t start = pos_;
      while (pos_ < n && d[pos_] != delim && d[pos_] != '\n' && d[pos_] != '\r') ++pos_;
      fields.emplace_back(d + start, pos_ - start);
    }
    if (pos_ >= n) return true;
    if (d[pos_] == delim) {
      ++pos_;
      continue;
    }
    // Line end closes the record.
    if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    return true;
  }
}

std::string_view CsvTable::keep(std::string_view text) {
  if (text.empty()) return {};
  if (chunks_.empty() || chunk_size_ - chunk_used_ < text.size()) {
    chunk_size_ = text.size() > kChunkSize / 4 ? text.size() : kChunkSize;
    chunks_.emplace_back(new char[chunk_size_]);
    chunk_used_ = 0;
  }
  char* dst = chunks_.back().get() + chunk_used_;
  std::memcpy(dst, text.data(), text.size());
  chunk_used_ += text.size();
  return {dst, text.size()};
}

CsvTable read_csv(std::string_view data, const std::string& prefix) {
  validate_text(data, prefix);
  return parse_table(data, sniff_dialect(data), prefix);
}

CsvTable read_csv(std::string_view data, CsvDialect dialect, const std::string& prefix) {
  validate_text(data, prefix);
  return parse_table(data, dialect, prefix);
}

CsvTable parse_table(std::string_view data, CsvDialect dialect, const std::string& prefix) {
  CsvTable table;
  table.dialect = dialect;
  CsvRecordReader reader(data, dialect, prefix);
  std::vector<std::string_view> fields;
  if (!reader.next(fields)) fail(prefix, "file is empty");

  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    std::string name = fields[c].empty() ? "Unnamed: " + std::to_string(c) : std::string(fields[c]);
    const auto inserted = seen.emplace(name, c);
    if (!inserted.second) {
      fail(prefix, "duplicate column name '" + name + "' (columns " + std::to_string(inserted.first->second + 1) +
                       " and " + std::to_string(c + 1) + ")");
    }
    table.names.push_back(std::move(name));
  }
  const std::size_t width = table.names.size();
  table.columns.resize(width);

  const char* begin = data.data();
  const char* end = begin + data.size();
  while (reader.next(fields)) {
    if (fields.size() != width) {
      fail(prefix, "line " + std::to_string(reader.record_line()) + ": expected " + std::to_string(width) +
                       " fields, found " + std::to_string(fields.size()));
    }
    for (std::size_t c = 0; c < width; ++c) {
      std::string_view f = fields[c];
      // Unescaped quoted fields live in the reader's scratch space: copy them into the table.
      const std::less<const char*> before;  // total order, also for pointers into other buffers
      if (!f.empty() && (before(f.data(), begin) || !before(f.data(), end))) f = table.keep(f);
      table.columns[c].push_back(f);
    }
  }
  if (table.rows() == 0) fail(prefix, "file has a header but no data rows");
  return table;
}

}  // namespace divergence
