import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';

function exactness(titles: string[], q: string): unknown[] {
  const index = createSearchIndex({ uid: 'e' });
  index.addDocuments(
    titles.map((title, id) => ({ id, title })),
    { mode: 'replace' },
  );
  const res = index.search({ q, showRankingScoreDetails: true });
  return res.hits.map((h) => [
    h.title,
    (h._rankingScoreDetails as Record<string, { matchType: string }>).exactness?.matchType,
  ]);
}

describe('exactness rule', () => {
  it('distinguishes exact attribute, attribute start and no exact match', () => {
    expect(exactness(['The Batman', 'Batman Returns', 'Batman'], 'batman')).toEqual([
      ['Batman', 'exactMatch'],
      ['Batman Returns', 'matchesStart'],
      ['The Batman', 'noExactMatch'],
    ]);
  });

  it('ignores a trailing term matched with a typo (Meilisearch drops it from the exact terms)', () => {
    expect(exactness(['Batman Returns'], 'batman retrns')).toEqual([['Batman Returns', 'matchesStart']]);
    expect(exactness(['Batman Returns'], 'batmn returns')).toEqual([['Batman Returns', 'noExactMatch']]);
  });

  it('reports exactly matched words when there is no exact attribute', () => {
    const index = createSearchIndex({ uid: 'e' });
    index.addDocuments([{ id: 1, title: 'a returns batman' }], { mode: 'replace' });
    const details = index.search({ q: 'batman retur', showRankingScoreDetails: true }).hits[0]
      ?._rankingScoreDetails;
    expect(details).toMatchObject({
      exactness: { matchType: 'noExactMatch', matchingWords: 1, maxMatchingWords: 2, score: 2 / 9 },
    });
  });
});
