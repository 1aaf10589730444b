// Two-sample measures and tests on raw values: everything that takes samples rather than
// probability vectors. One header per concept; this one includes them all.
//   wasserstein.hpp      wasserstein1, energy_distance          (scipy.stats.wasserstein_distance,
//                                                                energy_distance)
//   ks_test.hpp          ks_2samp, kstwo_sf, smirnov_sf          (scipy.stats.ks_2samp, kstwo,
//                                                                scipy.special.smirnov)
//   chi_square_test.hpp  chi_square_gof, g_test, chi_square_homogeneity
//                                                               (scipy.stats.chisquare,
//                                                                power_divergence, chi2_contingency)
//   sample_kl.hpp        kl_monte_carlo, kl_knn                  (KL divergence from samples)
#pragma once

#include "divergence/chi_square_test.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/sample_entropy.hpp"
#include "divergence/sample_kl.hpp"
#include "divergence/wasserstein.hpp"
