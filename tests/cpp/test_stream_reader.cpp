// Streaming reader: CSV records and errors identical to the in-memory reader (csv.hpp) for every
// chunking (sizes 1, 2, 3, 7, 4096, random cuts; cuts inside quotes, CRLF, UTF-8 sequences and the
// BOM), a random cross-check of the two readers, the sniffing window, JSON Lines, and every error
// message with its line.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "divergence/csv.hpp"
#include "divergence/errors.hpp"
#include "divergence/stream_reader.hpp"
#include "divergence/stream_reader_detail.hpp"

#include "shared_data.hpp"

namespace {

using divergence::FormatError;
using divergence::InputFormat;
using divergence::ReaderOptions;
using divergence::StreamReader;
using Strings = std::vector<std::string>;

// Everything a reader produced, as plain values; null fields as "<null>".
struct Collected : divergence::RecordSink {
  Strings columns;
  std::vector<Strings> records;
  std::vector<std::size_t> lines;
  std::vector<std::size_t> column_events;  // sizes of the on_columns batches
  void on_columns(const std::vector<std::string>& names) override {
    columns.insert(columns.end(), names.begin(), names.end());
    column_events.push_back(names.size());
  }
  void on_record(const std::vector<std::string_view>& fields, const unsigned char* nulls, std::size_t line) override {
    Strings r;
    for (std::size_t i = 0; i < fields.size(); ++i) r.push_back(nulls && nulls[i] ? "<null>" : std::string(fields[i]));
    records.push_back(std::move(r));
    lines.push_back(line);
  }
};

struct Outcome {
  Collected data;
  std::string error;
  char delimiter = 0;
  bool skip_initial_space = false;
  InputFormat format = InputFormat::Auto;
  bool operator==(const Outcome& o) const {
    return data.columns == o.data.columns && data.records == o.data.records && data.lines == o.data.lines &&
           error == o.error && delimiter == o.delimiter && skip_initial_space == o.skip_initial_space && format == o.format;
  }
};

// Feeds `text` cut at the given sizes (cycled); 0 = one chunk.
Outcome read_stream(const std::string& text, const std::vector<std::size_t>& sizes, ReaderOptions opt = {}) {
  Outcome out;
  StreamReader reader(opt, out.data);
  try {
    std::size_t pos = 0, k = 0;
    while (pos < text.size()) {
      const std::size_t n = sizes.empty() || sizes[k % sizes.size()] == 0 ? text.size() : sizes[k % sizes.size()];
      reader.feed(std::string_view(text).substr(pos, n));
      pos += n;
      ++k;
    }
    reader.finish();
  } catch (const FormatError& e) {
    out.error = e.what();
  }
  out.format = reader.format();
  if (reader.dialect_known()) {
    out.delimiter = reader.dialect().delimiter;
    out.skip_initial_space = reader.dialect().skip_initial_space;
  }
  return out;
}

std::vector<std::size_t> random_sizes(std::mt19937_64& rng, std::size_t max) {
  std::uniform_int_distribution<std::size_t> d(1, max);
  std::vector<std::size_t> sizes(64);
  for (auto& s : sizes) s = d(rng);
  return sizes;
}

// The in-memory reader's view of the same text (header + records, or its error).
Outcome read_table(const std::string& text) {
  Outcome out;
  out.format = InputFormat::Csv;
  try {
    const divergence::CsvTable t = divergence::read_csv(text);
    out.data.columns = t.names;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      Strings rec;
      for (std::size_t c = 0; c < t.names.size(); ++c) rec.emplace_back(t.columns[c][r]);
      out.data.records.push_back(std::move(rec));
    }
    out.delimiter = t.dialect.delimiter;
    out.skip_initial_space = t.dialect.skip_initial_space;
  } catch (const FormatError& e) {
    out.error = e.what();
    const divergence::CsvDialect d = divergence::sniff_dialect(text);
    out.delimiter = d.delimiter;
    out.skip_initial_space = d.skip_initial_space;
  }
  return out;
}

std::string error_of(const std::string& text, const std::string& prefix = "reference") {
  ReaderOptions opt;
  opt.prefix = prefix;
  return read_stream(text, {}, opt).error;
}

const std::vector<std::string> kTricky = {
    "a,b,c\n1,2,3\n4,5,6\n",
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\r1,2\r3,4\r",
    "\xEF\xBB\xBFid,name\n1,x\n",
    "\"x,y\",\"say \"\"hi\"\"\",z\n\"1,5\",\"a\"\"b\",\"two\nlines\"\n\"\",\"\"\"\",\"crlf\r\ninside\"\n",
    "a,b\n\"ab\"c,x\"y\"z\n",
    "a,b,c\n,,\n1,,\n\n\n2,3,4\n\n",
    "a,b\n1,2\n   \n \t\r\n3,4\n  ",
    "a,b\n  1,2\n",
    "a,,c,\n1,2,3,4\n",
    "ville,prix \xE2\x82\xAC\nS\xC3\xA8te,\xF0\x9F\x98\x80\n",
    "age, workclass, Y\n39, State-gov, <=50K\n50,  Self-emp, \"x, y\"\n",
    "a, b,c\n1, 2,3\n",
    "a;b\n1,5;2\n",
    "a\tb\nx y\t2\n",
    "a|b\n1|\"p|q\"\n",
    "h1,h2\n\"a\nb\",1\n\nc,2\r\nd,3",
    "a,b\n1,2\n3,4",
    "a,b\n1,\"2\"\"\"",
    "a,b\n1, \"x\"\n",
    "a, b\n1,   \"x, y\"  \n",
    "  \na;b,c\n  \n1;2,3,4\n\n5;6\n",
    // errors
    "a,b,c\n1,2,3\n4,5\n",
    "a,b\n\"x\ny\",1\n\n3\n",
    "a,b\r\n1,2\r\n\r\n3\r\n",
    "a,b\n1,2\n3,\"abc\n4,5\n",
    "\"a,b\n",
    "",
    "\xEF\xBB\xBF",
    "\n\r\n\n",
    "a,b\n",
    "a,b",
    "a,b\n\n\n",
    "w,x,y,z,x\n1,2,3,4,5\n",
    "a, b, a\n1, 2, 3\n",
    std::string("a,b\n1,2\n3,\0\n", 11),
    std::string("\xFF\xFE" "a\0,\0b\0", 8),
    "a,b\n1,2\ncaf\xE9,2\n",
    "a,b\n1,2\n\xC0\x80,2\n",
    "a,b\n1,2\n\xED\xA0\x80,2\n",
    "a,b\n1,2\n\xF4\x90\x80\x80,2\n",
    "a,b\n1,2\n\x80,2\n",
    "a,b\n1,2\n1,\xE2\x82",
    "a,b\n1,2\n1,\xE2\x82\n",
};

TEST(StreamCsv, SameAsInMemoryReaderForEveryChunking) {
  std::mt19937_64 rng(20240601);
  for (const std::string& text : kTricky) {
    const Outcome want = read_table(text);
    for (const std::vector<std::size_t>& sizes : std::vector<std::vector<std::size_t>>{
             {0}, {1}, {2}, {3}, {7}, {4096}, random_sizes(rng, 5), random_sizes(rng, 13)}) {
      const Outcome got = read_stream(text, sizes);
      EXPECT_EQ(got.error, want.error) << "text: " << text << " chunk " << sizes[0];
      if (want.error.empty()) {  // (after an error the stream has passed on the records before it)
        EXPECT_EQ(got.data.columns, want.data.columns) << text;
        EXPECT_EQ(got.data.records, want.data.records) << text << " chunk " << sizes[0];
        EXPECT_EQ(got.delimiter, want.delimiter) << text;
        EXPECT_EQ(got.skip_initial_space, want.skip_initial_space) << text;
      }
    }
  }
}

TEST(StreamCsv, RecordLinesCountPhysicalLines) {
  const Outcome got = read_stream("h1,h2\n\"a\nb\",1\n\nc,2\r\nd,3\re,4", {1});
  EXPECT_EQ(got.data.lines, (std::vector<std::size_t>{2, 5, 6, 7}));
}

// Random texts over an alphabet rich in separators, quotes, line ends and UTF-8: both readers agree
// (records or the same error message), whatever the chunking.
TEST(StreamCsv, RandomTextsAgreeWithInMemoryReader) {
  const std::vector<std::string> alphabet = {"a", "b", "1", ",", ",", ";", "\t", " ", " ", "\"", "\"", "\n", "\n",
                                             "\r", "\r\n", "\xC3\xA9", "\xE2\x82\xAC", "|", "x"};
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  int with_records = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) text += alphabet[pick(rng)];
    if (trial % 7 == 0) text += std::string("\xE2\x82", 2);  // a sequence cut by the end of input
    const Outcome want = read_table(text);
    const Outcome got = read_stream(text, random_sizes(rng, 4));
    ASSERT_EQ(got.error, want.error) << "text: [" << text << "]";
    if (want.error.empty()) {
      ASSERT_EQ(got.data.columns, want.data.columns) << "text: [" << text << "]";
      ASSERT_EQ(got.data.records, want.data.records) << "text: [" << text << "]";
      ++with_records;
      ASSERT_EQ(got.delimiter, want.delimiter) << "text: [" << text << "]";
    }
  }
  EXPECT_GT(with_records, 100);
}

TEST(StreamCsv, ExampleFilesForEveryChunking) {
  std::mt19937_64 rng(99);
  for (const char* path : {"pairs/tips_lunch_vs_dinner/reference.csv", "pairs/penguins_biscoe_vs_dream/current.csv",
                           "pairs/taxis_march_1to15_vs_16to31/reference.csv"}) {
    const std::string text = shared_data::read_file(shared_data::kDataDir + "/" + path);
    const Outcome want = read_table(text);
    ASSERT_TRUE(want.error.empty()) << path;
    for (const std::vector<std::size_t>& sizes :
         std::vector<std::vector<std::size_t>>{{1}, {7}, {4096}, {65536}, random_sizes(rng, 3000)}) {
      const Outcome got = read_stream(text, sizes);
      EXPECT_TRUE(got.error.empty()) << path << ": " << got.error;
      EXPECT_EQ(got.data.columns, want.data.columns) << path;
      EXPECT_EQ(got.data.records, want.data.records) << path << " chunk " << sizes[0];
    }
  }
}

TEST(StreamCsv, SniffingWindowIsTheFirst64KiB) {
  // Header ';'-separated with commas inside the fields; 70 KB of lines: the window holds the header
  // and the first lines only, and the result is the same for every chunking.
  std::string text = "a;b\n";
  while (text.size() < 70000) text += "1,5;2\n";
  for (std::size_t size : {1u, 1000u, 65536u, 70000u}) {
    const Outcome got = read_stream(text, {size});
    EXPECT_EQ(got.delimiter, ';') << size;
    EXPECT_TRUE(got.error.empty()) << got.error;
    EXPECT_EQ(got.data.records.size(), (text.size() - 4) / 6);
  }
  // A header longer than the window: the window extends to its end.
  std::string wide;
  for (int i = 0; i < 20000; ++i) wide += "c" + std::to_string(i) + "\t";
  wide += "z\n";
  std::string row;
  for (int i = 0; i < 20000; ++i) row += "1\t";
  row += "2\n";
  ReaderOptions opt;
  opt.max_columns = 100000;
  const Outcome got = read_stream(wide + row, {4096}, opt);
  EXPECT_EQ(got.delimiter, '\t');
  EXPECT_EQ(got.data.columns.size(), 20001u);
  // Byte by byte: the long header is looked for at line ends only (no rescan per byte).
  EXPECT_EQ(read_stream(wide + row, {1}, opt).data.records, got.data.records);
  // A line cut by the end of the window does not count against consistency.
  EXPECT_EQ(divergence::sniff_dialect("a;b\n1;2\n3;", false).delimiter, ';');
}

TEST(StreamCsv, ErrorsWithLinesAndPrefix) {
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5\n"), "reference: line 3: expected 3 fields, found 2");
  EXPECT_EQ(error_of("a,b\n1,2\n3,4,5\n", "current"), "current: line 3: expected 2 fields, found 3");
  EXPECT_EQ(error_of("a,b\n1,2\n3,\"abc\n4,5\n"), "reference: line 3: unterminated quoted field");
  EXPECT_EQ(error_of(""), "reference: file is empty");
  EXPECT_EQ(error_of("\xEF\xBB\xBF\n\n"), "reference: file is empty");
  EXPECT_EQ(error_of("a,b\n"), "reference: file has a header but no data rows");
  EXPECT_EQ(error_of("a,b,a\n1,2,3\n"), "reference: duplicate column name 'a' (columns 1 and 3)");
  EXPECT_EQ(error_of(std::string("a,b\n1,2\n3,\0\n", 11)), "reference: looks like a binary file (NUL byte at offset 10), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of("a,b\n1,2\ncaf\xE9,2\n"), "reference: invalid UTF-8 at line 3");
  EXPECT_EQ(error_of("a,b\n1,2\n1,\xE2\x82"), "reference: invalid UTF-8 at line 3");
  // A binary file (PNG signature): its first byte is not UTF-8.
  EXPECT_EQ(error_of(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "reference: looks like a binary file (PNG image), not CSV/TSV/JSON Lines");
  // The signature is found whatever the chunking (fed byte by byte), and in a file of 2 bytes.
  EXPECT_EQ(read_stream(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {1}).error,
            "looks like a binary file (PNG image), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of("\x1F\x8B", "current"), "current: looks like a binary file (gzip-compressed file), not CSV/TSV/JSON Lines");
  EXPECT_EQ(read_stream("PA", {1}).error, "file has a header but no data rows");  // a prefix, then the end
  // 10,000 columns: over the default limit of 4096.
  std::string header, row;
  for (int i = 0; i < 10000; ++i) {
    header += (i ? "," : "") + std::string("c") + std::to_string(i);
    row += i ? ",1" : "1";
  }
  EXPECT_EQ(error_of(header + "\n" + row + "\n"), "reference: line 1: too many columns: 10000 (the limit is 4096)");
  ReaderOptions wide;
  wide.max_columns = 10000;
  EXPECT_EQ(read_stream(header + "\n" + row + "\n", {4096}, wide).data.records.at(0).size(), 10000u);
}

// Errors past the first 64 KiB come in input order, whatever the chunking.
TEST(StreamCsv, LaterErrorsComeInInputOrder) {
  std::string text = "a,b\n";
  while (text.size() < 100000) text += "1,2\n";
  const std::size_t lines = 1 + (text.size() - 4) / 4;
  const std::string ragged_then_nul = text + "3\n" + std::string("4,\0\n", 4);
  const std::string nul_then_ragged = text + std::string("4,\0\n", 4) + "3\n";
  for (std::size_t size : {1u, 7u, 4096u, 200000u}) {
    EXPECT_EQ(read_stream(ragged_then_nul, {size}).error,
              "line " + std::to_string(lines + 1) + ": expected 2 fields, found 1") << size;
    EXPECT_EQ(read_stream(nul_then_ragged, {size}).error,
              "binary data (NUL byte) at line " + std::to_string(lines + 1)) << size;
  }
  // A UTF-8 sequence split across chunks, and broken in the next chunk.
  const std::string split = text + "x\xE2\x82" "A,2\n";
  for (std::size_t size : {1u, 3u, 4096u}) {
    EXPECT_EQ(read_stream(split, {size}).error, "invalid UTF-8 at line " + std::to_string(lines + 1)) << size;
  }
}

TEST(StreamCsv, Continuation) {
  ReaderOptions opt;
  opt.layout_given = true;
  opt.format = InputFormat::Csv;
  opt.columns = {"a", "b"};
  opt.first_line = 10;
  const Outcome got = read_stream("1,2\n3,4\n", {1}, opt);
  EXPECT_EQ(got.data.records, (std::vector<Strings>{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(got.data.lines, (std::vector<std::size_t>{10, 11}));
  EXPECT_TRUE(got.data.columns.empty());  // the layout's columns are not announced again
  EXPECT_EQ(read_stream("1,2\n3\n", {}, opt).error, "line 11: expected 2 fields, found 1");
  EXPECT_EQ(read_stream("", {}, opt).error, "");  // an empty range is fine
  // A tab-separated continuation: a line of tabs is a record, not a blank line.
  ReaderOptions tabs = opt;
  tabs.dialect.delimiter = '\t';
  EXPECT_EQ(read_stream("1\t2\n\t\n", {1}, tabs).data.records, (std::vector<Strings>{{"1", "2"}, {"", ""}}));
  opt.format = InputFormat::Auto;
  Collected sink;
  EXPECT_THROW(StreamReader(opt, sink), divergence::ArgumentError);
}

TEST(Utf8Validator, SplitSequences) {
  const std::string euro = "\xE2\x82\xAC";
  for (std::size_t cut = 0; cut <= 3; ++cut) {
    divergence::detail::Utf8Validator v;
    std::ptrdiff_t bad = 0;
    bool nul = false;
    EXPECT_TRUE(v.check(euro.data(), cut, bad, nul));
    EXPECT_TRUE(v.check(euro.data() + cut, 3 - cut, bad, nul));
    EXPECT_FALSE(v.pending());
  }
  divergence::detail::Utf8Validator v;
  std::ptrdiff_t bad = 0;
  bool nul = false;
  EXPECT_TRUE(v.check("ab\xF0\x9F", 4, bad, nul));
  EXPECT_TRUE(v.pending());
  EXPECT_EQ(v.pending_length(), 2u);
  EXPECT_FALSE(v.check("x", 1, bad, nul));
  EXPECT_EQ(bad, -2);  // the sequence started 2 bytes before this chunk
  EXPECT_FALSE(nul);
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

TEST(StreamJsonl, ValuesColumnsAndNulls) {
  const std::string text =
      "{\"a\": 1, \"b\": \"x\", \"c\": true}\n"
      "\n"
      "  {\"b\": \"caf\\u00e9 \\\"q\\\" \\ud83d\\ude00\", \"a\": -2.5e3, \"d\": null}\r\n"
      "{\"e\": false, \"a\": 0}\n"
      "{}";
  for (std::size_t size : {0u, 1u, 3u, 7u}) {
    const Outcome got = read_stream(text, {size});
    ASSERT_EQ(got.error, "") << size;
    EXPECT_EQ(got.format, InputFormat::JsonLines);
    EXPECT_EQ(got.data.columns, (Strings{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(got.data.column_events, (std::vector<std::size_t>{3, 1, 1}));
    ASSERT_EQ(got.data.records.size(), 4u);
    EXPECT_EQ(got.data.records[0], (Strings{"1", "x", "true"}));
    EXPECT_EQ(got.data.records[1], (Strings{"-2.5e3", "caf\xC3\xA9 \"q\" \xF0\x9F\x98\x80", "<null>", "<null>"}));
    EXPECT_EQ(got.data.records[2], (Strings{"0", "<null>", "<null>", "<null>", "false"}));
    EXPECT_EQ(got.data.records[3], (Strings{"<null>", "<null>", "<null>", "<null>", "<null>"}));
    EXPECT_EQ(got.data.lines, (std::vector<std::size_t>{1, 3, 4, 5}));
  }
  // Format chosen by the caller, or sniffed after a BOM and whitespace.
  EXPECT_EQ(read_stream("\xEF\xBB\xBF \n{\"a\":1}\n", {1}).format, InputFormat::JsonLines);
  ReaderOptions csv;
  csv.format = InputFormat::Csv;
  EXPECT_EQ(read_stream("{\"a\":1}\n{\"a\":2}\n", {}, csv).data.columns, (Strings{"{\"a\":1}"}));
}

TEST(StreamJsonl, Errors) {
  const auto err = [](const std::string& text) { return read_stream(text, {1}).error; };
  EXPECT_EQ(err("{\"a\": 1}\n{\"a\": {\"b\": 2}}\n"), "line 2: nested value for key 'a' (objects and arrays are not supported)");
  EXPECT_EQ(err("{\"a\": [1]}\n"), "line 1: nested value for key 'a' (objects and arrays are not supported)");
  EXPECT_EQ(err("{\"a\": 1, \"a\": 2}\n"), "line 1: duplicate key 'a'");
  EXPECT_EQ(err("{\"a\": 1}\n[1, 2]\n"), "line 2: expected a JSON object");
  EXPECT_EQ(err("{\"a\": 1}\n\n\"x\"\n"), "line 3: expected a JSON object");
  EXPECT_EQ(err("{\"a\" 1}"), "line 1: invalid JSON: expected ':', found '1' at column 6");
  EXPECT_EQ(err("{\"a\": 01}"), "line 1: invalid JSON: expected ',' or '}', found '1' at column 8");
  EXPECT_EQ(err("{\"a\": 1.}"), "line 1: invalid JSON: invalid number at column 9");
  EXPECT_EQ(err("{\"a\": tru}"), "line 1: invalid JSON: expected a value, found 't' at column 7");
  EXPECT_EQ(err("{\"a\": 1"), "line 1: invalid JSON: expected ',' or '}', found the end of the line at column 8");
  EXPECT_EQ(err("{\"a\": 1} x"), "line 1: invalid JSON: unexpected text after the object at column 10");
  EXPECT_EQ(err("{\"a\": \"\\ud800\"}"), "line 1: invalid JSON: lone surrogate \\ud800 at column 8");
  EXPECT_EQ(err("{\"a\": \"\\q\"}"), "line 1: invalid JSON: invalid escape '\\q' at column 9");
  EXPECT_EQ(err("{\"a\": \"x\ty\"}"), "line 1: invalid JSON: control character in a string at column 9");
  EXPECT_EQ(err("{\"a\": \"abc}"), "line 1: invalid JSON: unterminated string at column 12");
  EXPECT_EQ(err("{a: 1}"), "line 1: invalid JSON: expected a key in double quotes, found 'a' at column 2");
  EXPECT_EQ(read_stream("\n\n", {}).error, "file is empty");
  EXPECT_EQ(err("{\"a\": 1}\n{\"b\": \"\xE2\x82\"}\n"), "invalid UTF-8 at line 2");
  ReaderOptions few;
  few.max_columns = 2;
  EXPECT_EQ(read_stream("{\"a\": 1, \"b\": 2}\n{\"c\": 3}\n", {}, few).error, "line 2: too many columns: 3 (the limit is 2)");
  ReaderOptions jsonl;
  jsonl.format = InputFormat::JsonLines;
  EXPECT_EQ(read_stream("", {}, jsonl).error, "file is empty");
  EXPECT_EQ(read_stream("\n  \n", {}, jsonl).error, "file is empty");
}

}  // namespace
