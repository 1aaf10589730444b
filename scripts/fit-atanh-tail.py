#!/usr/bin/env python3
"""The coefficients of atanh_tail in cpp/src/kernels/vector_log.hpp (run by hand; needs mpmath).

2 atanh(s) = 2s + s R(s^2) with R(w) = w Q(w), Q a polynomial of degree 7 fitted to
(2 atanh(s) - 2s) / s^3 on w in [0, S^2] by a Chebyshev fit (mpmath.chebyfit, close to the
minimax polynomial). S = 0.2006 covers both reductions that use it: |s| <= 0.1716 in
log_positive (z in [sqrt(2)/2, sqrt(2))) and |s| <= 0.2004 in log_ratio_normal (z in
[2^-0.5861, 2^0.5861]). Prints the coefficients as C++ hex literals and the fit's worst relative
error of 2 atanh(s) with the rounded coefficients (exact arithmetic otherwise).
"""
import sys

import mpmath as mp

mp.mp.dps = 50
S = mp.mpf(sys.argv[1]) if len(sys.argv) > 1 else mp.mpf('0.2006')
TERMS = int(sys.argv[2]) if len(sys.argv) > 2 else 8


def q(w):
    if w == 0:
        return mp.mpf(2) / 3
    s = mp.sqrt(w)
    return (2 * mp.atanh(s) - 2 * s) / (s * w)


poly = mp.chebyfit(q, [0, S * S], TERMS)
coefficients = [float(c) for c in poly[::-1]]  # lowest degree first
worst = mp.mpf(0)
for i in range(1, 4001):
    s = S * i / 4000
    w = s * s
    acc = mp.mpf(0)
    for c in reversed(coefficients):
        acc = acc * w + mp.mpf(c)
    worst = max(worst, abs((2 * s + s * w * acc) / (2 * mp.atanh(s)) - 1))
for c in coefficients:
    print(f'{float.hex(c)},  // {c!r}')
print(f'worst relative error of 2 atanh(s), |s| <= {S}: 2^{mp.nstr(mp.log(worst, 2), 4)}')
