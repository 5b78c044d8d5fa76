import { meiliError } from '@miroir/errors';
import { parseSortCriterion, type SortCriterion } from './sort-criteria.js';

/** One entry of the `rankingRules` setting, parsed. */
export type RankingRule =
  | { readonly kind: 'words' | 'typo' | 'proximity' | 'exactness' }
  | {
      readonly kind: 'attributeRank' | 'wordPosition';
      /** Half of the legacy `attribute` rule (reported as one `attribute` entry in score details). */
      readonly ofAttribute?: true;
    }
  | { readonly kind: 'sort' }
  | { readonly kind: 'custom'; readonly criterion: SortCriterion };

const BUILTIN = new Set([
  'words',
  'typo',
  'proximity',
  'attributeRank',
  'wordPosition',
  'exactness',
  'attribute',
  'sort',
]);

/**
 * Parse the `rankingRules` setting (throws `invalid_settings_ranking_rules` on a bad entry). The legacy
 * `attribute` rule becomes `attributeRank` then `wordPosition`, marked as its halves: it orders documents
 * the same way (its score folds the two ranks in that order) and every ranking path knows those two.
 *
 * @example
 * ```ts
 * parseRankingRules(['words', 'price:desc']); // [{ kind: 'words' }, { kind: 'custom', criterion: … }]
 * ```
 */
export function parseRankingRules(rules: readonly string[]): RankingRule[] {
  return rules.flatMap((rule): RankingRule[] => {
    if (rule === 'attribute') {
      return [
        { kind: 'attributeRank', ofAttribute: true },
        { kind: 'wordPosition', ofAttribute: true },
      ];
    }
    if (BUILTIN.has(rule)) return [{ kind: rule } as RankingRule];
    const colon = rule.lastIndexOf(':');
    const direction = colon < 0 ? '' : rule.slice(colon + 1);
    if (colon <= 0 || (direction !== 'asc' && direction !== 'desc')) {
      throw meiliError(
        'invalid_settings_ranking_rules',
        `Invalid value at \`.rankingRules\`: \`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`,
      );
    }
    const criterion = parseSortCriterion(rule, 'invalid_settings_ranking_rules');
    if (criterion.kind === 'geo') {
      throw meiliError(
        'invalid_settings_ranking_rules',
        `Invalid value at \`.rankingRules\`: \`${rule}\` is a reserved keyword and thus can't be used as a ranking rule`,
      );
    }
    return [{ kind: 'custom', criterion }];
  });
}
