import { describe, expect, it } from 'vitest';
import type { Document, IndexSettings, SearchIndexEngine, SearchQuery } from './engine-contract.js';
import { moviesIndex, searchAnswers } from './search-answers.test-support.js';

type Patch = Partial<Record<keyof IndexSettings, unknown>>;

const QUERIES: SearchQuery[] = [
  { q: 'the dune' },
  { q: 'sand', attributesToHighlight: ['*'] },
  { q: 'worm-rider' },
  { q: 'arrakis', filter: 'year > 1980', sort: ['year:desc'] },
];

const MOVIES: Document[] = [
  { id: 1, title: 'The Dune', overview: 'spice and sand on arrakis', tagline: 'worm-rider', year: 1984 },
  { id: 2, title: 'Dune Part Two', overview: 'the sand worm rides', tagline: 'the end', year: 2024 },
  { id: 3, title: 'Sand', overview: 'arrakis at night', year: 1997 },
  { id: 4, title: 'Worm', overview: 'rider of the sand', year: 1965 },
];

function movieIndex(): SearchIndexEngine {
  return moviesIndex(MOVIES);
}

describe('stageSettings', () => {
  it.each<[string, Patch]>([
    ['stop words', { stopWords: ['the'] }],
    ['searchable attributes', { searchableAttributes: ['overview', 'title'] }],
    ['a new searchable attribute', { searchableAttributes: ['tagline'] }],
    ['separators', { separatorTokens: ['an'] }],
    ['a dictionary', { dictionary: ['worm-rider'] }],
    ['non-separators', { nonSeparatorTokens: ['-'] }],
  ])(
    're-tokenising for %s: the index answers as before until commit, then like updateSettings',
    (_, patch) => {
      const staged = movieIndex();
      const before = searchAnswers(staged, QUERIES);
      const settingsBefore = staged.getSettings();
      const stage = staged.stageSettings(patch);
      let steps = 0;
      for (let done = false; !done; steps++) {
        done = stage.advance(1);
        expect(searchAnswers(staged, QUERIES)).toEqual(before);
        expect(staged.getSettings()).toEqual(settingsBefore);
      }
      expect(steps).toBe(4);
      stage.commit();
      const direct = movieIndex();
      direct.updateSettings(patch);
      expect(staged.getSettings()).toEqual(direct.getSettings());
      expect(searchAnswers(staged, QUERIES)).toEqual(searchAnswers(direct, QUERIES));
      expect(searchAnswers(staged, QUERIES)).not.toEqual(before);
      // The index goes on taking writes after the swap.
      for (const index of [staged, direct])
        index.addDocuments([{ id: 5, title: 'The worm-rider' }], { mode: 'replace' });
      expect(searchAnswers(staged, QUERIES)).toEqual(searchAnswers(direct, QUERIES));
    },
  );

  it('an update that does not re-tokenise has nothing to prepare and applies at commit', () => {
    const index = movieIndex();
    const stage = index.stageSettings({
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    });
    expect(stage.advance(1)).toBe(true);
    expect(index.getSettings().rankingRules[0]).toBe('words');
    stage.commit();
    expect(index.getSettings().rankingRules[0]).toBe('sort');
  });

  it('refuses to commit a re-tokenising update after another write', () => {
    const index = movieIndex();
    const stage = index.stageSettings({ stopWords: ['the'] });
    while (!stage.advance(1));
    index.deleteDocuments([4]);
    expect(() => stage.commit()).toThrow(/written to while settings were staged/);
    expect(index.getSettings().stopWords).toEqual([]);
  });
});
