// Category labels longer than 256 bytes are cut in the report (report.hpp, "labels_cut"): one
// enormous field must not put megabytes of text into the JSON, and no count may be lost.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "divergence/compare.hpp"
#include "divergence/report_spec.hpp"

namespace {

using nlohmann::json;

json column(const json& report, const std::string& name) {
  for (const auto& c : report["columns"]) {
    if (c["name"] == name) return c;
  }
  ADD_FAILURE() << "no column " << name;
  return {};
}

TEST(ReportLabels, LongLabelsAreCutAtACharacterBoundaryAndCounted) {
  // 300 two-byte characters (600 bytes): byte 256 starts a character, so the cut keeps 128 of them;
  // the 1 MB label of 'x' keeps 256 bytes.
  std::string two_byte;
  for (int i = 0; i < 300; ++i) two_byte += "\xC3\xA9";  // é
  const std::string huge(1 << 20, 'x');
  const std::string ref = "city\n" + two_byte + "\n" + huge + "\nshort\nshort\n";
  const std::string cur = "city\n" + huge + "\nshort\n";
  const std::string text = divergence::compare_buffers_json(ref, cur, {});
  EXPECT_LT(text.size(), 20000u) << "the 1 MB field went into the report";
  const json c = column(json::parse(text), "city");
  EXPECT_EQ(c["labels_cut"], 2);
  const auto& categories = c["categories"];
  ASSERT_EQ(categories.size(), 3u);
  const std::string ellipsis = "\xE2\x80\xA6";
  int cut_seen = 0;
  double ref_total = 0, cur_total = 0;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    const std::string label = categories[i];
    ref_total += c["ref_counts"][i].get<double>();
    cur_total += c["cur_counts"][i].get<double>();
    if (label == "short") continue;
    ++cut_seen;
    ASSERT_GE(label.size(), ellipsis.size());
    EXPECT_EQ(label.substr(label.size() - ellipsis.size()), ellipsis);
    const std::string kept = label.substr(0, label.size() - ellipsis.size());
    if (kept[0] == 'x') {
      EXPECT_EQ(kept, std::string(256, 'x'));
    } else {
      EXPECT_EQ(kept, two_byte.substr(0, 256));  // 128 whole characters
    }
  }
  EXPECT_EQ(cut_seen, 2);
  EXPECT_EQ(ref_total, 4);
  EXPECT_EQ(cur_total, 2);
  EXPECT_EQ(c["only_in_ref"].size(), 1u);
}

TEST(ReportLabels, LabelsUpTo256BytesAreWrittenWhole) {
  const std::string label(256, 'y');
  const json c = column(json::parse(divergence::compare_buffers_json("k\n" + label + "\nz\n", "k\nz\n", {})), "k");
  EXPECT_FALSE(c.contains("labels_cut"));
  EXPECT_EQ(c["only_in_ref"][0], label);
}

}  // namespace
