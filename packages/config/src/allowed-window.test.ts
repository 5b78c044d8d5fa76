import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllowedWindow, isWithinAllowedWindows, parseAllowedWindow } from './allowed-window.js';
import { ConfigError } from './config-error.js';

const at = (hhmm: string) => new Date(`2026-03-14T${hhmm}:00Z`);

describe('parseAllowedWindow', () => {
  it.each([
    ['02:00-06:00 UTC', 120, 360],
    ['22:00-02:00 UTC', 1320, 120],
    ['00:00-24:00 UTC', 0, 1440],
    ['9:30-17:45 UTC', 570, 1065],
    ['  23:59 - 00:01   UTC ', 1439, 1],
  ])('parses %j', (text, startMinute, endMinute) => {
    expect(parseAllowedWindow(text)).toEqual({ startMinute, endMinute, timezone: 'UTC' });
  });

  it.each([
    ['02:00-06:00', /is not a window like "02:00-06:00 UTC"/],
    ['2am-6am UTC', /is not a window like/],
    ['02:00-06:00 CET', /only the UTC timezone is supported, got "CET"/],
    ['24:00-06:00 UTC', /start time is not a valid HH:MM/],
    ['02:60-06:00 UTC', /start time is not a valid HH:MM/],
    ['02:00-24:01 UTC', /end time is not a valid HH:MM/],
    ['02:00-25:00 UTC', /end time is not a valid HH:MM/],
    ['03:00-03:00 UTC', /start and end are equal; use "00:00-24:00 UTC" for the whole day/],
    ['', /is not a window like/],
  ])('rejects %j', (text, message) => {
    expect(() => parseAllowedWindow(text)).toThrow(ConfigError);
    expect(() => parseAllowedWindow(text)).toThrow(message);
  });
});

describe('isWithinAllowedWindows', () => {
  it('uses half-open windows', () => {
    const windows = ['02:00-06:00 UTC'];
    expect(isWithinAllowedWindows(windows, at('01:59'))).toBe(false);
    expect(isWithinAllowedWindows(windows, at('02:00'))).toBe(true);
    expect(isWithinAllowedWindows(windows, at('05:59'))).toBe(true);
    expect(isWithinAllowedWindows(windows, at('06:00'))).toBe(false);
  });

  it('supports windows crossing midnight', () => {
    const windows = [parseAllowedWindow('22:00-02:00 UTC')];
    expect(isWithinAllowedWindows(windows, at('23:30'))).toBe(true);
    expect(isWithinAllowedWindows(windows, at('00:00'))).toBe(true);
    expect(isWithinAllowedWindows(windows, at('01:59'))).toBe(true);
    expect(isWithinAllowedWindows(windows, at('02:00'))).toBe(false);
    expect(isWithinAllowedWindows(windows, at('21:59'))).toBe(false);
  });

  it('uses UTC whatever the date object was built from', () => {
    expect(isWithinAllowedWindows(['02:00-06:00 UTC'], new Date('2026-03-14T05:30:00+02:00'))).toBe(true);
  });

  it('treats an empty list as no restriction and any of several windows as allowed', () => {
    expect(isWithinAllowedWindows([], at('12:00'))).toBe(true);
    expect(isWithinAllowedWindows(['01:00-02:00 UTC', '11:00-13:00 UTC'], at('12:00'))).toBe(true);
    expect(isWithinAllowedWindows(['01:00-02:00 UTC', '13:00-14:00 UTC'], at('12:00'))).toBe(false);
  });

  it('agrees with walking the window minute by minute (property)', () => {
    const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 0, max: 1439 }),
        (start, end, minute) => {
          fc.pre(start !== end);
          const window: AllowedWindow = { startMinute: start, endMinute: end, timezone: 'UTC' };
          const covered = new Set<number>();
          for (let m = start; m % 1440 !== end % 1440 || m === start; m++) {
            covered.add(m % 1440);
            if (covered.size > 1440) break;
          }
          const date = new Date(Date.UTC(2026, 0, 1, 0, minute));
          expect(isWithinAllowedWindows([window], date)).toBe(covered.has(minute));
        },
      ),
      { seed: 20261122, numRuns },
    );
  });

  it('round-trips every valid HH:MM pair through the parser (property)', () => {
    const hhmm = (minute: number) =>
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1440 }), (start, end) => {
        fc.pre(start !== end);
        expect(parseAllowedWindow(`${hhmm(start)}-${hhmm(end)} UTC`)).toEqual({
          startMinute: start,
          endMinute: end,
          timezone: 'UTC',
        });
      }),
      { seed: 7, numRuns: Number(process.env.FC_NUM_RUNS ?? 300) },
    );
  });
});
