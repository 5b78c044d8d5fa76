import { MeiliError } from '@miroir/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { defaultSettings } from './default-settings.js';
import type { Document, SearchIndexEngine, SearchQuery } from './engine-contract.js';
import {
  addPostings,
  addPostingsInBulk,
  buildStoredDocument,
  createIndexState,
  documentPostings,
  type IndexState,
} from './index-state.js';
import { moviesIndex, searchAnswers } from './search-answers.test-support.js';

const QUERIES: SearchQuery[] = [
  { q: '' },
  { q: 'dune' },
  { q: 'sand worm' },
  { q: 'arrakis', filter: 'year > 1980' },
  { q: 'spice', sort: ['year:desc'] },
];

const MOVIES: Document[] = [
  { id: 1, title: 'Dune', overview: 'spice and sand on arrakis', year: 1984 },
  { id: 2, title: 'Dune Part Two', overview: 'a sand worm rides', year: 2024 },
  { id: 3, title: 'Spice World', overview: 'a pop film', year: 1997 },
];

function movieIndex(): SearchIndexEngine {
  return moviesIndex(MOVIES);
}

const BATCH: Document[] = [
  { id: 2, title: 'Dune Part Two (cut)', overview: 'worms of sand', year: 2024 },
  { id: 4, title: 'Arrakis', overview: 'spice again, dune again', year: 1965 },
  { id: 5, title: 'Sand', overview: 'a worm in the sand', year: 2001 },
  { id: 4, overview: 'the spice must flow' },
];

describe('stageDocuments', () => {
  it.each(['replace', 'update'] as const)(
    'in %s mode the index answers as before until commit, then like addDocuments',
    (mode) => {
      const staged = movieIndex();
      const before = searchAnswers(staged, QUERIES);
      const statsBefore = staged.stats();
      const stage = staged.stageDocuments(BATCH, { mode });
      let steps = 0;
      for (let done = false; !done; steps++) {
        done = stage.advance(1);
        expect(searchAnswers(staged, QUERIES)).toEqual(before);
        expect(staged.stats()).toEqual(statsBefore);
        expect(staged.getDocument(2)).toMatchObject({ title: 'Dune Part Two' });
      }
      expect(steps).toBeGreaterThan(2);
      expect(stage.commit()).toEqual({ receivedDocuments: 4, indexedDocuments: 4 });

      const direct = movieIndex();
      direct.addDocuments(BATCH, { mode });
      expect(searchAnswers(staged, QUERIES)).toEqual(searchAnswers(direct, QUERIES));
      expect(staged.stats()).toEqual(direct.stats());
      expect(staged.getDocument(4)).toEqual(direct.getDocument(4));
    },
  );

  it('a bad document fails the batch while it is prepared and leaves the index unchanged', () => {
    const index = movieIndex();
    const before = searchAnswers(index, QUERIES);
    const stage = index.stageDocuments([...BATCH, { id: 'not valid!', title: 'dune' }], { mode: 'replace' });
    let error: unknown = null;
    try {
      while (!stage.advance(1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MeiliError);
    expect((error as MeiliError).code).toBe('invalid_document_id');
    expect(searchAnswers(index, QUERIES)).toEqual(before);
    expect(index.stats().numberOfDocuments).toBe(3);
    // The ids the failed batch would have taken are still free.
    index.addDocuments([{ id: 9, title: 'Dune Messiah' }], { mode: 'replace' });
    expect(index.search({ q: 'messiah' }).hits).toEqual([{ id: 9, title: 'Dune Messiah' }]);
  });

  it('refuses to commit before the batch is prepared or after another write', () => {
    const index = movieIndex();
    const early = index.stageDocuments(BATCH, { mode: 'replace' });
    early.advance(1);
    expect(() => early.commit()).toThrow(/before they were all prepared/);
    const late = index.stageDocuments(BATCH, { mode: 'replace' });
    while (!late.advance(1));
    index.deleteDocuments([3]);
    expect(() => late.commit()).toThrow(/written to while documents were staged/);
    expect(index.stats().numberOfDocuments).toBe(2);
  });

  it('takes the primary key it infers only at commit', () => {
    const index = createSearchIndex({ uid: 'fresh' });
    const stage = index.stageDocuments([{ movie_id: 'a', title: 'Dune' }], { mode: 'replace' });
    while (!stage.advance(1));
    expect(index.primaryKey).toBeNull();
    stage.commit();
    expect(index.primaryKey).toBe('movie_id');
  });
});

// Words from a small vocabulary so batches share words (long lists, replacements, repeats).
const WORDS = ['dune', 'sand', 'worm', 'spice', 'arrakis', 'fremen', 'desert', 'melange'];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const docArb = fc.record({ id: fc.integer({ min: 0, max: 30 }), title: textArb, overview: textArb });

function postingsOf(state: IndexState): unknown[] {
  return Array.from({ length: state.words.size }, (_, w) => [
    [...state.words.postings(w)],
    [...state.words.firstTokens(w)],
    [...state.words.summaries(w)],
    [...state.words.attributeMasks(w)],
  ]);
}

describe('addPostingsInBulk', () => {
  it('leaves every posting list as adding the documents one by one does', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 40 }), (docs) => {
        const one = createIndexState(defaultSettings());
        const bulk = createIndexState(defaultSettings());
        const batch = [];
        for (const [i, doc] of docs.entries()) {
          const a = buildStoredDocument(one, i, String(doc.id), doc, new Map());
          addPostings(one, i, documentPostings(one, a));
          const b = buildStoredDocument(bulk, i, String(doc.id), doc, new Map());
          batch.push({ stored: b, postings: documentPostings(bulk, b) });
        }
        addPostingsInBulk(bulk, batch);
        expect(postingsOf(bulk)).toEqual(postingsOf(one));
        expect(bulk.postingCount).toBe(one.postingCount);
      }),
      { numRuns: 200 },
    );
  });
});
