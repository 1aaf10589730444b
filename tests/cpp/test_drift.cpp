// Drift decisions: the default preset's test choice at its boundaries (n_ref 1000/1001, n_unique
// 2/3 and 5/6), the PSI levels, custom rules, the dataset verdict, and the two-proportion z-test.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "divergence/drift.hpp"
#include "divergence/errors.hpp"
#include "divergence/report_spec.hpp"

namespace {

using divergence::ColumnKind;
using divergence::CompareSpec;
using divergence::decide_drift;
using divergence::DriftMeasures;

DriftMeasures numeric(std::uint64_t n_ref, std::size_t n_unique) {
  DriftMeasures m;
  m.kind = ColumnKind::Numeric;
  m.n_ref = n_ref;
  m.n_cur = 500;
  m.n_unique = n_unique;
  m.ks_pvalue = 0.04;
  m.wasserstein = 3.0;
  m.wasserstein_normed = 0.09;
  m.psi_quantiles = 0.3;
  m.psi_bins = 0.05;
  m.tvd_bins = 0.2;
  if (n_unique <= 20) {
    m.has_categories = true;
    m.chi2_pvalue = 0.2;
    m.z_pvalue = 0.01;
    m.js_distance_categories = 0.12;
    m.psi_categories = 0.11;
  }
  return m;
}

DriftMeasures categorical(std::uint64_t n_ref, std::size_t n_unique) {
  DriftMeasures m;
  m.kind = ColumnKind::Categorical;
  m.n_ref = n_ref;
  m.n_cur = 500;
  m.n_unique = n_unique;
  m.has_categories = true;
  m.n_categories = n_unique;
  m.chi2_pvalue = 0.03;
  m.chi2_homogeneity_pvalue = 0.02;
  m.z_pvalue = 0.07;
  m.js_distance_categories = 0.05;
  m.psi_categories = 0.26;
  m.tvd_categories = 0.3;
  return m;
}

TEST(DriftDefault, NumericColumns) {
  const CompareSpec spec;
  auto d = decide_drift(spec, numeric(1000, 6));
  EXPECT_EQ(d.test, "ks");
  EXPECT_EQ(d.score, 0.04);
  EXPECT_EQ(d.pvalue, 0.04);
  EXPECT_EQ(d.threshold, 0.05);
  EXPECT_TRUE(d.pvalue_test);
  EXPECT_TRUE(d.drifted);
  EXPECT_EQ(d.effect_size, 0.09);
  EXPECT_EQ(d.effect_size_name, "wasserstein_normed");
  d = decide_drift(spec, numeric(1001, 6));
  EXPECT_EQ(d.test, "wasserstein_normed");
  EXPECT_EQ(d.threshold, 0.1);
  EXPECT_FALSE(d.pvalue_test);
  EXPECT_TRUE(std::isnan(d.pvalue));
  EXPECT_FALSE(d.drifted);  // 0.09 < 0.1
  // Few values: treated like categories (Evidently: n_unique <= 5).
  d = decide_drift(spec, numeric(1000, 5));
  EXPECT_EQ(d.test, "chi2");
  EXPECT_FALSE(d.drifted);  // p = 0.2
  EXPECT_EQ(d.effect_size_name, "js_distance_base_e");
  EXPECT_EQ(d.effect_size, 0.12);
  d = decide_drift(spec, numeric(1000, 2));
  EXPECT_EQ(d.test, "z");
  EXPECT_TRUE(d.drifted);  // p = 0.01
  d = decide_drift(spec, numeric(5000, 5));
  EXPECT_EQ(d.test, "js_distance_base_e");
  EXPECT_TRUE(d.drifted);  // 0.12 >= 0.1
}

TEST(DriftDefault, CategoricalColumns) {
  const CompareSpec spec;
  auto d = decide_drift(spec, categorical(1000, 3));
  EXPECT_EQ(d.test, "chi2");
  EXPECT_TRUE(d.drifted);
  d = decide_drift(spec, categorical(1000, 2));
  EXPECT_EQ(d.test, "z");
  EXPECT_FALSE(d.drifted);  // p = 0.07
  d = decide_drift(spec, categorical(1001, 2));
  EXPECT_EQ(d.test, "js_distance_base_e");
  EXPECT_FALSE(d.drifted);  // 0.05
  DriftMeasures b = categorical(10, 2);
  b.kind = ColumnKind::Boolean;
  EXPECT_EQ(decide_drift(spec, b).test, "z");
}

TEST(DriftPsi, Levels) {
  CompareSpec spec;
  spec.preset = divergence::DriftPreset::Psi;
  auto d = decide_drift(spec, numeric(50000, 100));
  EXPECT_EQ(d.test, "psi");
  EXPECT_EQ(d.score, 0.3);  // reference-quantile PSI for numeric columns
  EXPECT_EQ(d.level, "major");
  EXPECT_TRUE(d.drifted);
  d = decide_drift(spec, categorical(50, 4));
  EXPECT_EQ(d.score, 0.26);
  EXPECT_EQ(d.level, "major");
  DriftMeasures m = categorical(50, 4);
  m.psi_categories = 0.1;
  d = decide_drift(spec, m);
  EXPECT_EQ(d.level, "moderate");
  EXPECT_FALSE(d.drifted);
  m.psi_categories = 0.0999;
  EXPECT_EQ(decide_drift(spec, m).level, "none");
  spec.psi_major = 0.5;
  EXPECT_FALSE(decide_drift(spec, numeric(50000, 100)).drifted);
}

TEST(DriftCustom, Rules) {
  CompareSpec spec = divergence::parse_compare_spec(
      {{"preset", "custom"}, {"custom-numeric", "psi_bins:0.05"}, {"custom-categorical", "chi2_homogeneity:0.01"}});
  auto d = decide_drift(spec, numeric(100, 100));
  EXPECT_EQ(d.test, "psi_bins");
  EXPECT_TRUE(d.drifted);  // 0.05 >= 0.05
  d = decide_drift(spec, categorical(100, 4));
  EXPECT_EQ(d.test, "chi2_homogeneity");
  EXPECT_TRUE(d.pvalue_test);
  EXPECT_FALSE(d.drifted);  // 0.02 >= 0.01
  spec.custom_numeric = {"hellinger", 0.1};
  EXPECT_THROW(decide_drift(spec, numeric(100, 100)), divergence::ArgumentError);  // not computed (NaN)
}

TEST(DriftVerdict, ShareAtOrAboveThreshold) {
  auto v = divergence::dataset_verdict({true, false, true, false}, 0.5);
  EXPECT_TRUE(v.drifted);
  EXPECT_EQ(v.share, 0.5);
  EXPECT_EQ(v.n_drifted, 2u);
  EXPECT_EQ(v.n_columns, 4u);
  v = divergence::dataset_verdict({true, false, false}, 0.5);
  EXPECT_FALSE(v.drifted);
  v = divergence::dataset_verdict({}, 0.5);
  EXPECT_FALSE(v.drifted);
  EXPECT_EQ(v.share, 0.0);
}

TEST(DriftZTest, TwoProportions) {
  // 35/68 vs 52/176 (tips: sex = Female at lunch and dinner).
  const auto t = divergence::two_proportion_z_test(35, 68, 52, 176);
  const double p1 = 35.0 / 68, p2 = 52.0 / 176, pooled = 87.0 / 244;
  const double z = (p1 - p2) / std::sqrt(pooled * (1 - pooled) * (1.0 / 68 + 1.0 / 176));
  EXPECT_NEAR(t.z, z, 1e-13);
  // = sqrt of the 2x2 chi-square (10.277251918677742 in expected.json), same p-value.
  EXPECT_NEAR(t.z * t.z, 10.277251918677742, 1e-9);
  EXPECT_NEAR(t.pvalue, 0.0013468039268008766, 1e-12);
  const auto none = divergence::two_proportion_z_test(0, 10, 0, 20);
  EXPECT_EQ(none.z, 0.0);
  EXPECT_EQ(none.pvalue, 1.0);
  // Far tail: erfc keeps precision where 2 * (1 - Phi(|z|)) would round to 0.
  const auto far = divergence::two_proportion_z_test(0, 100, 60, 100);  // z = -9.26
  EXPECT_NEAR(far.pvalue, std::erfc(std::fabs(far.z) / std::sqrt(2.0)), 1e-30);
  EXPECT_GT(far.pvalue, 0.0);
  EXPECT_LT(far.pvalue, 1e-15);
}

}  // namespace
