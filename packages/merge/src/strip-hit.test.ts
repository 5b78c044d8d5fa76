import { describe, expect, it } from 'vitest';
import { shardRequest } from './shard-request.js';
import { stripHit } from './strip-hit.js';

describe('stripHit', () => {
  it('removes _miroir_ fields, added attributes and scores the client did not ask for', () => {
    const plan = shardRequest(
      { attributesToRetrieve: ['title'], sort: ['y:asc'], attributesToHighlight: ['title'] },
      { distinctAttribute: 'sku' },
    );
    const hit = {
      title: 't',
      sku: 's',
      _miroir_shard: 3,
      _rankingScore: 1,
      _rankingScoreDetails: {},
      _formatted: { title: '<em>t</em>', sku: 's', _miroir_shard: '3' },
      _matchesPosition: { sku: [], title: [] },
    };
    expect(stripHit(hit, plan)).toEqual({
      title: 't',
      _formatted: { title: '<em>t</em>' },
      _matchesPosition: { title: [] },
    });
    expect(hit._miroir_shard).toBe(3);
  });

  it('keeps what the client asked for', () => {
    const plan = shardRequest({ showRankingScore: true, showRankingScoreDetails: true, sort: ['y:asc'] }, {});
    const hit = { id: 1, _rankingScore: 0.5, _rankingScoreDetails: { words: {} }, _geoDistance: 3 };
    expect(stripHit(hit, plan)).toEqual(hit);
  });
});

describe('stripHit with highlighting', () => {
  it('keeps an added attribute inside _formatted when attributesToHighlight covers it', () => {
    const plan = shardRequest(
      { attributesToRetrieve: ['id'], attributesToHighlight: ['*'] },
      { distinctAttribute: 'sku' },
    );
    const hit = { id: 1, sku: 's', _formatted: { id: '1', sku: 's' } };
    expect(stripHit(hit, plan)).toEqual({ id: 1, _formatted: { id: '1', sku: 's' } });
  });
});
