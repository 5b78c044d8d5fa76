import { describe, expect, it } from 'vitest';
import { idsRestrictedBy } from './ids-restricted-by.js';
import { parseFilter } from './parse-filter.js';

describe('idsRestrictedBy', () => {
  const cases: Array<[string, string[] | null]> = [
    ['id = 3', ['3']],
    ['id = 03', ['03', '3']],
    ['id = 3.0', ['3']],
    ['id IN [1, 2, 2]', ['1', '2']],
    ['id = ab', ['AB', 'Ab', 'aB', 'ab']],
    ['id = abcdefg', null],
    ['id = "a b"', []],
    ['id = -1', ['-1']],
    ['id = 1 OR id = 2', ['1', '2']],
    ['id = 1 OR genre = x', null],
    ['id = 1 AND genre = x', ['1']],
    ['id IN [1, 2] AND (id = 2 OR id = 3)', ['2']],
    ['id = 1 AND id = 2', []],
    ['NOT id = 1', null],
    ['NOT id != 1', ['1']],
    ['id != 1', null],
    ['id > 1', null],
    ['id 1 TO 3', null],
    ['genre = x', null],
    ['other = 1', null],
    ['_geoRadius(1, 2, 3) AND id = 7', ['7']],
  ];
  it.each(cases)('%s → %j', (filter, expected) => {
    expect(idsRestrictedBy(parseFilter(filter)!, 'id')).toEqual(expected);
  });

  it('honours maxCaseVariants', () => {
    expect(idsRestrictedBy(parseFilter('id = abcdefg')!, 'id', { maxCaseVariants: 128 })).toHaveLength(128);
    expect(idsRestrictedBy(parseFilter('id = ab')!, 'id', { maxCaseVariants: 2 })).toBeNull();
  });
});
