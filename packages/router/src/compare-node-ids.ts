const encoder = new TextEncoder();

/**
 * Orders node ids by their UTF-8 bytes (what a byte-wise comparison in any other language gives), which
 * differs from JavaScript's UTF-16 `<` only for characters above U+FFFF. Used for score ties and for the
 * canonical node order of a topology.
 *
 * @example
 * ```ts
 * import { compareNodeIds } from '@miroir/router';
 * ['n2', 'n10', 'n1'].sort(compareNodeIds); // ['n1', 'n10', 'n2']
 * ```
 */
export function compareNodeIds(a: string, b: string): number {
  if (a === b) return 0;
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : 1;
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const d = x[i]! - y[i]!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
