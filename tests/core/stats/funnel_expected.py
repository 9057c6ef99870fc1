# Independent expected values for tests/core/stats/test_funnel.cpp (python3, no scipy):
#   python3 tests/core/stats/funnel_expected.py
# Poisson/binomial probabilities from math.lgamma; quantiles by walking the pmf; exact
# intervals by bisection on the CDF (Garwood: chi-square relationship; Clopper-Pearson).
import math

def pois_pmf(i, m): return math.exp(-m + i * math.log(m) - math.lgamma(i + 1))
def binom_pmf(i, n, p): return math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * math.log(p) + (n - i) * math.log(1 - p))

def interp_quantile(pmf, q):
    cdf, r = 0.0, 0
    while True:
        prev = cdf; cdf += pmf(r)
        if cdf >= q: return max(0.0, r - (cdf - q) / (cdf - prev))
        r += 1

def limits(pmf, size):
    return [interp_quantile(pmf, q) / size for q in (0.025, 0.975, 0.001, 0.999)]

def bisect(f, lo, hi):
    inc = f(lo) < f(hi)
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(mid) < 0) == inc: lo = mid
        else: hi = mid
    return (lo + hi) / 2

def pois_cdf(k, m): return sum(pois_pmf(i, m) for i in range(k + 1)) if k >= 0 else 0.0
def binom_cdf(k, n, p): return sum(binom_pmf(i, n, p) for i in range(k + 1)) if k >= 0 else 0.0

print("poisson 70/10k, 5000:", ["%.10f" % v for v in limits(lambda i: pois_pmf(i, 35.0), 5000)])
print("poisson 70/10k, 400:", ["%.10f" % v for v in limits(lambda i: pois_pmf(i, 2.8), 400)])
print("binomial 0.15, 100:", ["%.10f" % v for v in limits(lambda i: binom_pmf(i, 100, 0.15), 100)])
print("garwood 10, 95%:", "%.6f %.6f" % (bisect(lambda m: (1 - pois_cdf(9, m)) - 0.025, 1e-12, 200), bisect(lambda m: pois_cdf(10, m) - 0.025, 1e-12, 200)))
print("clopper-pearson 5/20, 95%:", "%.6f %.6f" % (bisect(lambda p: (1 - binom_cdf(4, 20, p)) - 0.025, 1e-15, 1 - 1e-15), bisect(lambda p: binom_cdf(5, 20, p) - 0.025, 1e-15, 1 - 1e-15)))
