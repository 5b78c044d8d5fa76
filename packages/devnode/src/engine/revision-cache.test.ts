import { describe, expect, it } from 'vitest';
import { defaultSettings } from './default-settings.js';
import { createIndexState } from './index-state.js';
import { perRevision, remember } from './revision-cache.js';

describe('perRevision', () => {
  it('builds once per revision and again after a write', () => {
    let builds = 0;
    const derived = perRevision(() => ++builds);
    const state = createIndexState(defaultSettings());
    expect([derived(state), derived(state)]).toEqual([1, 1]);
    state.revision++;
    expect(derived(state)).toBe(2);
    expect(derived(createIndexState(defaultSettings()))).toBe(3);
  });
});

describe('remember', () => {
  it('keeps at most `limit` entries, evicting the oldest', () => {
    const entries = new Map<string, number>();
    let builds = 0;
    const get = (key: string) => remember(entries, key, 2, () => ++builds);
    expect([get('a'), get('a'), get('b')]).toEqual([1, 1, 2]);
    expect([...entries.keys()]).toEqual(['a', 'b']);
    expect(get('c')).toBe(3); // evicts 'a'
    expect([...entries.keys()]).toEqual(['b', 'c']);
    expect(get('b')).toBe(2);
    expect(get('a')).toBe(4);
    expect([...entries.keys()]).toEqual(['c', 'a']);
  });
});
