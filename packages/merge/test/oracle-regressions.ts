import type { OracleCase, OracleSettings } from './oracle.js';

const FILTERABLE = ['price', 'brand', 'tags', 'sku', '_geo', 'rating', 'code'];
const SORTABLE = ['price', 'rating', 'brand', 'code', '_geo'];

function settings(partial: Partial<OracleSettings> & Pick<OracleSettings, 'rankingRules'>): OracleSettings {
  return {
    searchableAttributes: ['*'],
    filterableAttributes: FILTERABLE,
    sortableAttributes: SORTABLE,
    distinctAttribute: null,
    faceting: { maxValuesPerFacet: 3, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
    ...partial,
  };
}

/** Shrunk counterexamples found by the oracle, kept as explicit cases. */
export const ORACLE_REGRESSIONS: Array<{ name: string; case: OracleCase }> = [
  {
    // `rating:desc` is both a client sort and a custom rule: the details keep one entry (the later order),
    // so the merge must move it back to the first occurrence.
    name: 'sort field repeated as a custom ranking rule (FC_SEED=1)',
    case: {
      documents: [
        { id: 5483, title: 'echo charm charm', body: 'apple', price: 9, rating: 1, tags: ['red'] },
        { id: 4242, title: 'apple', body: '', price: 9, rating: 1.5, tags: ['red'] },
        { id: 4838, title: 'cherry falcon', body: 'delta', price: 7, rating: 2.5, tags: [] },
        { id: 2881, title: 'dolphin echo charm', body: 'charm', price: 6, rating: 1.5, tags: [] },
        { id: 11, title: 'cherry bandit', body: 'apple', price: 3, rating: 2, tags: [] },
      ],
      settings: settings({
        rankingRules: [
          'words',
          'typo',
          'proximity',
          'attributeRank',
          'sort',
          'rating:desc',
          'wordPosition',
          'exactness',
        ],
      }),
      nodeCount: 4,
      isFacetRemedy: true,
      query: { q: '', filter: 'price > 4', sort: ['rating:desc', 'price:asc'], page: 1, hitsPerPage: 1 },
    },
  },
  {
    // With `typo` before `words`, per-rule maxima differ between documents, so `_rankingScore` is not
    // lexicographic: the merge must ask for details.
    name: 'typo before words: _rankingScore alone is not the order (FC_SEED=3)',
    case: {
      documents: [
        {
          id: 3657,
          title: 'apple',
          body: 'delta dolphin banana apricot apple',
          price: 9,
          tags: ['red', 'blue'],
        },
        { id: 8500, title: 'apple', body: 'falcon echo delta', price: 4, brand: 'dyna', tags: [] },
        { id: 7657, title: 'cherry', body: 'apricot bandit', price: 8, tags: ['green'], sku: 's3' },
        { id: 2, title: 'fable eagle', body: 'banana cherry apricot', tags: [], sku: 's0' },
      ],
      settings: settings({
        rankingRules: ['typo', 'words', 'exactness', 'proximity', 'sort'],
        distinctAttribute: 'sku',
        pagination: { maxTotalHits: 4 },
      }),
      nodeCount: 4,
      isFacetRemedy: false,
      query: { q: 'axple axricot' },
    },
  },
  {
    // Two documents at the same distance from the geo point tie although their points differ.
    name: 'geo sort ties on distance (FC_SEED=2)',
    case: {
      documents: [
        { id: 8923, title: 'apple banana', body: '', tags: [], _geo: { lat: 3, lng: 1 } },
        { id: 7966, title: 'falcon', body: '', price: 4, tags: [], _geo: { lat: -3, lng: -2 } },
        { id: 1268, title: 'delta', body: '', price: 5, tags: [], _geo: { lat: 2, lng: 0 } },
        { id: 454, title: 'apple apple', body: '', price: 5, tags: [], _geo: { lat: 0, lng: -2 } },
        { id: 1, title: 'charm', body: '', price: 7, tags: [] },
      ],
      settings: settings({
        rankingRules: ['words', 'typo', 'sort', 'proximity', 'attribute', 'price:desc', 'exactness'],
        pagination: { maxTotalHits: 30 },
      }),
      nodeCount: 2,
      isFacetRemedy: false,
      query: { q: '', sort: ['_geoPoint(0, 0):asc'], limit: 1 },
    },
  },
  {
    // The distinct attribute is added to `attributesToRetrieve` for merging; a node still lists it in
    // `_formatted` when `attributesToHighlight: ['*']` asks for every attribute, so it must stay there.
    name: 'added distinct attribute stays in _formatted under attributesToHighlight * (FC_SEED=8)',
    case: {
      documents: [{ id: 0, title: 'fable apple', body: '', brand: 'acme', tags: ['red'] }],
      settings: settings({
        rankingRules: ['sort', 'words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
        distinctAttribute: 'brand',
        faceting: { maxValuesPerFacet: 1, sortFacetValuesBy: { '*': 'alpha' } },
        pagination: { maxTotalHits: 4 },
      }),
      nodeCount: 2,
      isFacetRemedy: false,
      query: { q: 'apple', attributesToHighlight: ['*'], attributesToRetrieve: ['id', 'title', 'price'] },
    },
  },
  {
    // Equal weighted scores in a hybrid search: the semantic hit comes first.
    name: 'hybrid tie between a keyword and a semantic hit (FC_SEED=11)',
    case: {
      documents: [
        { id: 0, title: 'apple', body: '', tags: [] },
        { id: 1, title: 'apple', body: '', tags: [] },
        { id: 2, title: 'apple', body: '', tags: [], _vectors: { default: [-1, 1] } },
      ],
      settings: settings({
        rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
        faceting: { maxValuesPerFacet: 1, sortFacetValuesBy: { '*': 'alpha' } },
        pagination: { maxTotalHits: 4 },
        embedders: { default: { source: 'userProvided', dimensions: 2 } },
      }),
      nodeCount: 2,
      isFacetRemedy: false,
      query: { q: '', vector: [-1, 1], hybrid: { embedder: 'default', semanticRatio: 0.5 } },
    },
  },
  {
    // Similarities 0.9902903378454602 and …601 differ only by rounding: a node orders them exactly, so the
    // merge must not treat them as equal within an epsilon.
    name: 'semantic scores one ulp apart (FC_SEED=12)',
    case: {
      documents: [
        { id: 7783, title: 'fable', body: '', tags: [], sku: 's3', _vectors: { default: [1, 1] } },
        { id: 9457, title: 'falcon', body: '', tags: [], _vectors: { default: [3, 3] } },
        { id: 6, title: 'bandit', body: '', tags: [], sku: 's1', _vectors: { default: [1, 3] } },
        { id: 2, title: 'bandit', body: '', tags: [], _vectors: { default: [2, 3] } },
      ],
      settings: settings({
        rankingRules: ['typo', 'words', 'price:desc', 'exactness', 'proximity', 'sort'],
        embedders: { default: { source: 'userProvided', dimensions: 2 } },
      }),
      nodeCount: 5,
      isFacetRemedy: false,
      query: { q: 'apple', vector: [2, 3], hybrid: { embedder: 'default', semanticRatio: 1 } },
    },
  },
  {
    // `code:asc` is a custom rule before `sort` and again in the client sort: the engine keeps the first
    // entry (order 1) and leaves the gap at the redundant second one, which must not be moved.
    name: 'custom rule repeated later in the client sort (FC_SEED=99)',
    case: {
      documents: [
        { id: 5067, title: 'charm', body: 'fable echo', price: 2, tags: [], code: 'b' },
        { id: 9988, title: 'apple banana', body: 'falcon echo bandit fable', tags: [] },
        { id: 4827, title: 'apricot', body: 'apricot falcon fable', price: 6, tags: [] },
        { id: 6411, title: 'apricot charm apple', body: 'fable delta dolphin eagle', price: 0, tags: [] },
        { id: 1951, title: 'eagle charm delta', body: 'eagle fable fable dolphin cherry', tags: [] },
      ],
      settings: settings({
        rankingRules: ['typo', 'code:asc', 'sort', 'words', 'exactness', 'proximity'],
        searchableAttributes: ['body', 'title'],
        pagination: { maxTotalHits: 4 },
      }),
      nodeCount: 4,
      isFacetRemedy: false,
      query: { q: 'fable', sort: ['price:asc', 'code:asc'] },
    },
  },
];
