// CSV reader: quoting, line ends, BOM, dialect sniffing, skip-initial-space, and every error
// message with its line number.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "divergence/csv.hpp"
#include "divergence/errors.hpp"

namespace {

using divergence::CsvDialect;
using divergence::CsvRecordReader;
using divergence::CsvTable;
using divergence::FormatError;
using divergence::read_csv;
using divergence::sniff_dialect;
using Strings = std::vector<std::string>;

Strings column(const CsvTable& t, std::size_t c) {
  Strings out;
  for (std::string_view f : t.columns.at(c)) out.emplace_back(f);
  return out;
}

std::string error_of(const std::string& data, const std::string& prefix = {}) {
  try {
    read_csv(data, prefix);
  } catch (const FormatError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CsvRead, PlainFileByColumn) {
  const std::string data = "a,b,c\n1,2,3\n4,5,6\n";
  const CsvTable t = read_csv(data);
  EXPECT_EQ(t.names, (Strings{"a", "b", "c"}));
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.dialect.delimiter, ',');
  EXPECT_FALSE(t.dialect.skip_initial_space);
  EXPECT_EQ(column(t, 0), (Strings{"1", "4"}));
  EXPECT_EQ(column(t, 2), (Strings{"3", "6"}));
  // Unquoted fields are views into the caller's buffer, not copies.
  EXPECT_EQ(t.columns[1][1].data(), data.data() + 14);
}

TEST(CsvRead, LastLineWithoutLineEnd) {
  const CsvTable t = read_csv("a,b\n1,2\n3,4");
  EXPECT_EQ(column(t, 1), (Strings{"2", "4"}));
}

TEST(CsvRead, CrLfAndLoneCr) {
  const CsvTable t = read_csv("a,b\r\n1,2\r\n3,4\r\n");
  EXPECT_EQ(t.names, (Strings{"a", "b"}));
  EXPECT_EQ(column(t, 1), (Strings{"2", "4"}));
  const CsvTable old_mac = read_csv("a,b\r1,2\r3,4\r");
  EXPECT_EQ(column(old_mac, 0), (Strings{"1", "3"}));
}

TEST(CsvRead, BomIsSkipped) {
  const CsvTable t = read_csv("\xEF\xBB\xBFid,name\n1,x\n");
  EXPECT_EQ(t.names, (Strings{"id", "name"}));
}

TEST(CsvRead, QuotedFieldsWithDelimitersQuotesAndNewlines) {
  const std::string data =
      "\"x,y\",\"say \"\"hi\"\"\",z\n"
      "\"1,5\",\"a\"\"b\",\"two\nlines\"\n"
      "\"\",\"\"\"\",\"crlf\r\ninside\"\n";
  const CsvTable t = read_csv(data);
  EXPECT_EQ(t.names, (Strings{"x,y", "say \"hi\"", "z"}));
  EXPECT_EQ(column(t, 0), (Strings{"1,5", ""}));
  EXPECT_EQ(column(t, 1), (Strings{"a\"b", "\""}));
  EXPECT_EQ(column(t, 2), (Strings{"two\nlines", "crlf\r\ninside"}));
}

TEST(CsvRead, LenientQuotes) {
  // Text after a closing quote is kept; a quote inside an unquoted field is an ordinary character.
  const CsvTable t = read_csv("a,b\n\"ab\"c,x\"y\"z\n");
  EXPECT_EQ(column(t, 0), (Strings{"abc"}));
  EXPECT_EQ(column(t, 1), (Strings{"x\"y\"z"}));
}

TEST(CsvRead, EmptyFieldsTrailingDelimiterAndEmptyLines) {
  const CsvTable t = read_csv("a,b,c\n,,\n1,,\n\n\n2,3,4\n\n");
  EXPECT_EQ(t.rows(), 3u);
  EXPECT_EQ(column(t, 0), (Strings{"", "1", "2"}));
  EXPECT_EQ(column(t, 2), (Strings{"", "", "4"}));
}

TEST(CsvRead, WhitespaceOnlyLinesAreBlank) {
  const CsvTable t = read_csv("a,b\n1,2\n   \n \t\r\n3,4\n  ");
  EXPECT_EQ(column(t, 0), (Strings{"1", "3"}));
  // With tab as the delimiter a tab is content, so a line of tabs is a record.
  EXPECT_EQ(error_of("a\tb\tc\n1\t2\t3\n\t\n"), "line 3: expected 3 fields, found 2");
  // Leading spaces of a real record are kept.
  const CsvTable kept = read_csv("a,b\n  1,2\n");
  EXPECT_EQ(column(kept, 0), (Strings{"  1"}));
}

TEST(CsvRead, EmptyHeaderNamesGetPandasNames) {
  const CsvTable t = read_csv("a,,c,\n1,2,3,4\n");
  EXPECT_EQ(t.names, (Strings{"a", "Unnamed: 1", "c", "Unnamed: 3"}));
}

TEST(CsvRead, UnicodeIsKept) {
  const CsvTable t = read_csv("ville,prix \xE2\x82\xAC\nS\xC3\xA8te,\xF0\x9F\x98\x80\n");
  EXPECT_EQ(t.names[1], "prix \xE2\x82\xAC");
  EXPECT_EQ(column(t, 0), (Strings{"S\xC3\xA8te"}));
  EXPECT_EQ(column(t, 1), (Strings{"\xF0\x9F\x98\x80"}));
}

TEST(CsvRead, UnescapedFieldsSurviveMovesAndLargeSizes) {
  std::string big(70000, 'q');
  std::string data = "a,b\n";
  for (int i = 0; i < 3000; ++i) data += "\"x\"\"" + std::to_string(i) + "\",1\n";
  data += "\"" + big + "\"\"\",2\n";
  CsvTable t = read_csv(data);
  const CsvTable moved = std::move(t);
  ASSERT_EQ(moved.rows(), 3001u);
  EXPECT_EQ(moved.columns[0][0], "x\"0");
  EXPECT_EQ(moved.columns[0][2999], "x\"2999");
  EXPECT_EQ(moved.columns[0][3000], big + "\"");
}

TEST(CsvSniff, DelimiterCandidates) {
  EXPECT_EQ(sniff_dialect("a;b;c\n1,5;2;3\n").delimiter, ';');
  EXPECT_EQ(sniff_dialect("a\tb\n1\t2\n").delimiter, '\t');
  EXPECT_EQ(sniff_dialect("a|b|c\n1|2|3\n").delimiter, '|');
  EXPECT_EQ(sniff_dialect("a,b\n1,2\n").delimiter, ',');
  EXPECT_EQ(sniff_dialect("value\n1\n2\n").delimiter, ',');  // one column
  EXPECT_EQ(sniff_dialect("").delimiter, ',');
}

TEST(CsvSniff, QuotesAndConsistencyDecide) {
  // The commas sit inside quotes: only ';' counts.
  EXPECT_EQ(sniff_dialect("\"a,b\";\"c,d,e\"\n1;2\n").delimiter, ';');
  // Header has two commas and one ';', but only ';' is consistent on the data lines.
  EXPECT_EQ(sniff_dialect("a,x;b,y\n1.5;2.5\n3;4\n").delimiter, ';');
  // Equal counts, both consistent: the earlier candidate (',') wins.
  EXPECT_EQ(sniff_dialect("a,b|c\n1,2|3\n").delimiter, ',');
  // BOM and leading empty lines are skipped.
  EXPECT_EQ(sniff_dialect("\xEF\xBB\xBF\n\na|b\n1|2\n").delimiter, '|');
  // Blank lines (also of spaces) neither start the header nor break consistency.
  EXPECT_EQ(sniff_dialect("  \na;b,c\n  \n1;2,3,4\n\n5;6\n").delimiter, ';');
}

TEST(CsvRead, SniffedDelimitersAreUsed) {
  const CsvTable semi = read_csv("a;b\n1,5;2\n");
  EXPECT_EQ(semi.dialect.delimiter, ';');
  EXPECT_EQ(column(semi, 0), (Strings{"1,5"}));
  const CsvTable tab = read_csv("a\tb\nx y\t2\n");
  EXPECT_EQ(column(tab, 0), (Strings{"x y"}));
  const CsvTable pipe = read_csv("a|b\n1|\"p|q\"\n");
  EXPECT_EQ(column(pipe, 1), (Strings{"p|q"}));
}

TEST(CsvRead, SkipInitialSpaceWhenEveryHeaderDelimiterIsFollowedBySpace) {
  const CsvTable t = read_csv("age, workclass, Y\n39, State-gov, <=50K\n50,  Self-emp, \"x, y\"\n");
  EXPECT_TRUE(t.dialect.skip_initial_space);
  EXPECT_EQ(t.names, (Strings{"age", "workclass", "Y"}));
  EXPECT_EQ(column(t, 0), (Strings{"39", "50"}));
  EXPECT_EQ(column(t, 1), (Strings{"State-gov", "Self-emp"}));
  EXPECT_EQ(column(t, 2), (Strings{"<=50K", "x, y"}));
}

TEST(CsvRead, SpacesKeptWhenNotEveryDelimiterIsFollowedBySpace) {
  const CsvTable t = read_csv("a, b,c\n1, 2,3\n");
  EXPECT_FALSE(t.dialect.skip_initial_space);
  EXPECT_EQ(t.names, (Strings{"a", " b", "c"}));
  EXPECT_EQ(column(t, 1), (Strings{" 2"}));
}

TEST(CsvRead, ExplicitDialect) {
  const CsvTable t = read_csv("a;b\n1;2\n", CsvDialect{',', false});
  EXPECT_EQ(t.names, (Strings{"a;b"}));
}

TEST(CsvRecordReader, RecordLinesCountPhysicalLines) {
  const std::string data = "h1,h2\n\"a\nb\",1\n\nc,2\r\nd,3";
  CsvRecordReader reader(data, CsvDialect{});
  std::vector<std::string_view> fields;
  std::vector<std::size_t> lines;
  while (reader.next(fields)) lines.push_back(reader.record_line());
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 5, 6}));
}

TEST(CsvErrors, RaggedRows) {
  EXPECT_EQ(error_of("a,b,c\n1,2,3\n4,5\n"), "line 3: expected 3 fields, found 2");
  EXPECT_EQ(error_of("a,b\n1,2\n3,4,5\n"), "line 3: expected 2 fields, found 3");
  // A quoted field spanning lines moves the count; empty lines count too.
  EXPECT_EQ(error_of("a,b\n\"x\ny\",1\n\n3\n"), "line 5: expected 2 fields, found 1");
  EXPECT_EQ(error_of("a,b\r\n1,2\r\n\r\n3\r\n", "reference"), "reference: line 4: expected 2 fields, found 1");
}

TEST(CsvErrors, RaggedRowAtLine12WithPrefix) {
  std::string data = "c1,c2,c3,c4,c5,c6,c7\n";
  for (int i = 0; i < 10; ++i) data += "1,2,3,4,5,6,7\n";
  data += "1,2,3,4,5,6\n";
  EXPECT_EQ(error_of(data, "reference"), "reference: line 12: expected 7 fields, found 6");
}

TEST(CsvErrors, UnterminatedQuoteNamesTheLineWhereItStarts) {
  EXPECT_EQ(error_of("a,b\n1,2\n3,\"abc\n4,5\n"), "line 3: unterminated quoted field");
  EXPECT_EQ(error_of("\"a,b\n", "current"), "current: line 1: unterminated quoted field");
  std::string data = "a,b\n";
  for (int i = 0; i < 38; ++i) data += "1,2\n";
  data += "\"oops,3\n";
  EXPECT_EQ(error_of(data), "line 40: unterminated quoted field");
}

TEST(CsvErrors, EmptyAndHeaderOnly) {
  EXPECT_EQ(error_of(""), "file is empty");
  EXPECT_EQ(error_of("\xEF\xBB\xBF"), "file is empty");
  EXPECT_EQ(error_of("\n\r\n\n", "reference"), "reference: file is empty");
  EXPECT_EQ(error_of("a,b\n"), "file has a header but no data rows");
  EXPECT_EQ(error_of("a,b"), "file has a header but no data rows");
  EXPECT_EQ(error_of("a,b\n\n\n", "current"), "current: file has a header but no data rows");
}

TEST(CsvErrors, DuplicateColumnNames) {
  EXPECT_EQ(error_of("w,x,y,z,x\n1,2,3,4,5\n"), "duplicate column name 'x' (columns 2 and 5)");
  EXPECT_EQ(error_of("a,a\n1,2\n", "reference"), "reference: duplicate column name 'a' (columns 1 and 2)");
  // With skip-initial-space the names compare after the spaces are dropped.
  EXPECT_EQ(error_of("a, b, a\n1, 2, 3\n"), "duplicate column name 'a' (columns 1 and 3)");
}

TEST(CsvErrors, NulByte) {
  EXPECT_EQ(error_of(std::string("a,b\n1,2\n3,\0\n", 11)), "looks like a binary file (NUL byte at offset 10), not CSV/TSV/JSON Lines");
  // Past the first 8 KiB a NUL byte is reported at its line.
  std::string late(9000, 'x');
  late = "a,b\n" + late + ",1\n" + std::string("3,\0\n", 4);
  EXPECT_EQ(error_of(late), "binary data (NUL byte) at line 3");
  // Known signatures are named before any encoding error.
  EXPECT_EQ(error_of(std::string("\x89PNG\r\n\x1a\n", 8)), "looks like a binary file (PNG image), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of(std::string("PK\x03\x04\x14\x00", 6), "current"), "current: looks like a binary file (ZIP archive), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of("PAR1abc"), "looks like a binary file (Parquet file), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of("PARTY,b\n1,2\n").substr(0, 5), "(no e");  // a header that only starts like one
  // Past the 8-byte fast path, and in a UTF-16 file.
  std::string long_line = "abcdefghijklmnopqrstuvwxyz,b\n1,2\n";
  long_line[20] = '\0';
  EXPECT_EQ(error_of(long_line, "current"), "current: looks like a binary file (NUL byte at offset 20), not CSV/TSV/JSON Lines");
  EXPECT_EQ(error_of(std::string("\xFF\xFE" "a\0,\0b\0", 8)), "invalid UTF-8 at line 1");
}

TEST(CsvErrors, InvalidUtf8) {
  std::string data = "a,b\n";
  for (int i = 0; i < 7; ++i) data += "1,2\n";
  const std::string good = data + "caf\xC3\xA9,2\n";
  EXPECT_NO_THROW(read_csv(good));
  EXPECT_EQ(error_of(data + "caf\xE9,2\n"), "invalid UTF-8 at line 9");  // Latin-1 e-acute
  EXPECT_EQ(error_of(data + "\xC0\x80,2\n"), "invalid UTF-8 at line 9");      // overlong NUL
  EXPECT_EQ(error_of(data + "\xED\xA0\x80,2\n"), "invalid UTF-8 at line 9");  // surrogate
  EXPECT_EQ(error_of(data + "\xF4\x90\x80\x80,2\n"), "invalid UTF-8 at line 9");  // > U+10FFFF
  EXPECT_EQ(error_of(data + "\x80,2\n"), "invalid UTF-8 at line 9");          // lone continuation
  EXPECT_EQ(error_of(data + "1,\xE2\x82", "reference"), "reference: invalid UTF-8 at line 9");  // cut short
}

}  // namespace
