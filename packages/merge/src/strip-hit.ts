import type { Hit, ShardRequestPlan } from './types.js';

const RESERVED_PREFIX = '_miroir_';

/**
 * Returns a copy of a node hit as the client must see it: without any `_miroir_*` field (also inside
 * `_formatted` and `_matchesPosition`), without `_rankingScore`/`_rankingScoreDetails` unless the client
 * asked for them, and without attributes that were only added for merging (kept inside `_formatted`
 * when the client's `attributesToHighlight`/`attributesToCrop` cover them, as a node would).
 *
 * @example
 * stripHit({ id: 1, _miroir_shard: 3, _rankingScore: 1 }, shardRequest({ q: 'a' }, {}));
 * // { id: 1 }
 */
export function stripHit(hit: Hit, plan: ShardRequestPlan): Hit {
  const added = plan.addedAttributes;
  const out: Hit = {};
  for (const key in hit) {
    if (key.startsWith(RESERVED_PREFIX)) continue;
    if (added.length > 0 && added.includes(key)) continue;
    if (key === '_rankingScore' && plan.isRankingScoreAdded) continue;
    if (key === '_rankingScoreDetails' && plan.isRankingScoreDetailsAdded) continue;
    const value = hit[key];
    if ((key === '_formatted' || key === '_matchesPosition') && value !== null && typeof value === 'object') {
      out[key] = stripFields(value as Record<string, unknown>, plan.addedFormattedAttributes);
      continue;
    }
    out[key] = value;
  }
  return out;
}

function stripFields(object: Record<string, unknown>, added: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in object) {
    if (key.startsWith(RESERVED_PREFIX)) continue;
    if (added.length > 0 && added.includes(key)) continue;
    out[key] = object[key];
  }
  return out;
}
