// Exact binomial / multinomial tail probabilities for the statistical property tests and the README.

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(n: number, k: number, p: number): number {
  if (k < 0 || k > n) return 0;
  return Math.exp(
    logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );
}

/** P(X > k) for X ~ Binomial(n, p), summed directly (no 1 − CDF cancellation). */
export function binomialUpperTail(n: number, k: number, p: number): number {
  let sum = 0;
  for (let i = Math.max(0, Math.floor(k) + 1); i <= n; i++) sum += binomialPmf(n, i, p);
  return sum;
}

/** P(X < k) for X ~ Binomial(n, p). */
export function binomialLowerTail(n: number, k: number, p: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, n + 1); i++) sum += binomialPmf(n, i, p);
  return sum;
}

/** The smallest k with P(X > k) ≤ alpha for X ~ Binomial(n, p): a bound exceeded with probability ≤ alpha. */
export function binomialUpperBound(n: number, p: number, alpha: number): number {
  // Sum the tail from the top so small probabilities are not lost to rounding.
  let tail = 0;
  for (let k = n; k >= 0; k--) {
    const next = tail + binomialPmf(n, k, p); // P(X > k - 1)
    if (next > alpha) return k;
    tail = next;
  }
  return 0;
}

/**
 * For S shards dealt uniformly and independently to 3 nodes, the probability that some node's count
 * falls outside [lo, hi] (exact multinomial sum over the outside region).
 */
export function threeWayOutsideProbability(shards: number, lo: number, hi: number): number {
  let outside = 0;
  const logThird = Math.log(1 / 3);
  const logS = logFactorial(shards);
  for (let a = 0; a <= shards; a++) {
    for (let b = 0; a + b <= shards; b++) {
      const c = shards - a - b;
      const isInside = [a, b, c].every((x) => x >= lo && x <= hi);
      if (!isInside) {
        outside += Math.exp(logS - logFactorial(a) - logFactorial(b) - logFactorial(c) + shards * logThird);
      }
    }
  }
  return outside;
}
