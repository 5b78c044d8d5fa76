/**
 * Typo cost of matching a query word against an indexed word, or -1 when it does not match within
 * `maxTypos`. Damerau-Levenshtein (adjacent transpositions count 1) over code points; a typo on the
 * first character counts as two typos (Meilisearch's rule). With `isPrefix`, the query word may match
 * any prefix of the indexed word.
 *
 * @example
 * ```ts
 * typoDistance('batmn', 'batman', 1, false); // 1
 * typoDistance('atman', 'batman', 1, false); // -1 (first-letter typo counts double)
 * typoDistance('batm', 'batman', 0, true); // 0
 * ```
 */
export function typoDistance(query: string, word: string, maxTypos: number, isPrefix: boolean): number {
  if (query === word) return 0;
  if (isPrefix && word.startsWith(query)) return 0;
  if (maxTypos <= 0) return -1;
  const q = Array.from(query);
  const w = Array.from(word);
  const firstDiffers = q[0] !== w[0];
  const budget = firstDiffers ? maxTypos - 1 : maxTypos;
  if (budget <= 0) return -1;
  if (!isPrefix && Math.abs(q.length - w.length) > budget) return -1;
  const n = q.length;
  const m = isPrefix ? Math.min(w.length, n + budget) : w.length;
  // Three rolling rows for the optimal-string-alignment variant of Damerau-Levenshtein.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0] as number;
    const qi = q[i - 1];
    for (let j = 1; j <= m; j++) {
      const wj = w[j - 1];
      const cost = qi === wj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && qi === w[j - 2] && q[i - 2] === wj) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > budget) return -1;
    const tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  let best: number;
  if (isPrefix) {
    best = Number.POSITIVE_INFINITY;
    for (let j = 0; j <= m; j++) best = Math.min(best, prev[j] as number);
  } else {
    best = prev[m] as number;
  }
  if (best > budget) return -1;
  const total = best + (firstDiffers ? 1 : 0);
  return total === 0 ? 0 : total;
}

/**
 * Typos allowed for a query word under the typo settings (length measured in code points).
 *
 * @example
 * ```ts
 * allowedTypos('batman', { oneTypo: 5, twoTypos: 9 }); // 1
 * ```
 */
export function allowedTypos(word: string, sizes: { oneTypo: number; twoTypos: number }): number {
  const length = Array.from(word).length;
  if (length < sizes.oneTypo) return 0;
  if (length < sizes.twoTypos) return 1;
  return 2;
}
