import { ConfigError } from './config-error.js';

/**
 * A daily time window, half-open [start, end) in minutes since midnight; end < start crosses midnight.
 *
 * @example
 * const w: AllowedWindow = { startMinute: 120, endMinute: 360, timezone: 'UTC' }; // 02:00-06:00 UTC
 */
export interface AllowedWindow {
  readonly startMinute: number;
  readonly endMinute: number;
  readonly timezone: 'UTC';
}

const WINDOW_SHAPE = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s+(\S+)\s*$/;

/**
 * Checks one window string; returns the window or a message saying what is wrong. Used by the
 * validation rules so that a bad window becomes an issue instead of an exception.
 *
 * @example
 * checkAllowedWindow('22:00-02:00 UTC'); // { window: { startMinute: 1320, endMinute: 120, timezone: 'UTC' } }
 */
export function checkAllowedWindow(text: string): { window: AllowedWindow } | { message: string } {
  const match = WINDOW_SHAPE.exec(text);
  if (match === null) return { message: `"${text}" is not a window like "02:00-06:00 UTC"` };
  const [, startHour, startMinute, endHour, endMinute, zone] = match;
  if (zone !== 'UTC') return { message: `"${text}": only the UTC timezone is supported, got "${zone}"` };
  const start = minuteOfDay(Number(startHour), Number(startMinute), false);
  const end = minuteOfDay(Number(endHour), Number(endMinute), true);
  if (start === undefined) return { message: `"${text}": start time is not a valid HH:MM (00:00-23:59)` };
  if (end === undefined) return { message: `"${text}": end time is not a valid HH:MM (00:00-24:00)` };
  if (start === end) {
    return { message: `"${text}": start and end are equal; use "00:00-24:00 UTC" for the whole day` };
  }
  return { window: { startMinute: start, endMinute: end, timezone: 'UTC' } };
}

/**
 * Parses a resharding window such as `"02:00-06:00 UTC"`. The window is half-open (the end minute is
 * excluded), may cross midnight (`"22:00-02:00 UTC"`), and `24:00` is accepted as an end.
 *
 * @throws ConfigError when the text is not `HH:MM-HH:MM UTC`, a time is out of range, or start = end.
 * @example
 * parseAllowedWindow('02:00-06:00 UTC'); // { startMinute: 120, endMinute: 360, timezone: 'UTC' }
 */
export function parseAllowedWindow(text: string): AllowedWindow {
  const result = checkAllowedWindow(text);
  if ('message' in result) throw new ConfigError([{ path: '', message: result.message }]);
  return result.window;
}

/**
 * Whether `date` falls inside at least one window. An empty list means "no restriction" (always true),
 * matching `resharding.allowed_windows: []`. Strings are parsed with {@link parseAllowedWindow}.
 *
 * @example
 * isWithinAllowedWindows(['22:00-02:00 UTC'], new Date('2026-01-01T01:30:00Z')); // true
 */
export function isWithinAllowedWindows(windows: readonly (AllowedWindow | string)[], date: Date): boolean {
  if (windows.length === 0) return true;
  const minute = date.getUTCHours() * 60 + date.getUTCMinutes();
  return windows.some((entry) => {
    const window = typeof entry === 'string' ? parseAllowedWindow(entry) : entry;
    const { startMinute: start, endMinute: end } = window;
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
  });
}

function minuteOfDay(hour: number, minute: number, isEnd: boolean): number | undefined {
  if (minute > 59) return undefined;
  if (isEnd && hour === 24 && minute === 0) return 1440;
  if (hour > 23) return undefined;
  return hour * 60 + minute;
}
