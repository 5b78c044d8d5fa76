import fc from 'fast-check';
import { expect, it } from 'vitest';
import { PROPERTY_TIMEOUT_MS, propertyParameters } from '../test/filter-arbitraries.js';
import { evaluateFilter } from './evaluate-filter.js';
import type { FilterNode } from './filter-node.js';
import { geoDistance } from './geo-distance.js';

// Independent reference: great-circle distance through 3-D unit vectors (chord length → angle).
function chordDistance(a: [number, number], b: [number, number]): number {
  const vector = ([lat, lng]: [number, number]) => {
    const phi = (lat * Math.PI) / 180;
    const lambda = (lng * Math.PI) / 180;
    return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
  };
  const [x1, y1, z1] = vector(a);
  const [x2, y2, z2] = vector(b);
  const chord = Math.hypot(x1! - x2!, y1! - y2!, z1! - z2!);
  return 2 * 6_371_000 * Math.asin(Math.min(1, chord / 2));
}

const point = fc.tuple(
  fc.double({ min: -90, max: 90, noNaN: true }),
  fc.double({ min: -180, max: 180, noNaN: true }),
);

it(
  'haversine distance agrees with the chord formula and _geoRadius thresholds on it',
  () => {
    fc.assert(
      fc.property(point, point, fc.double({ min: 0, max: 2.1e7, noNaN: true }), (center, target, radius) => {
        const reference = chordDistance(center, target);
        expect(Math.abs(geoDistance(center, target) - reference)).toBeLessThan(0.5); // (1 - cos θ) / 2, as geoutils computes it, loses ~0.1 m near zero
        if (Math.abs(reference - radius) < 0.5) return;
        const node: FilterNode = {
          type: 'geoRadius',
          lat: center[0],
          lng: center[1],
          distance: radius,
          resolution: null,
        };
        expect(evaluateFilter(node, { _geo: { lat: target[0], lng: target[1] } })).toBe(reference <= radius);
      }),
      propertyParameters(2000),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  '_geoBoundingBox holds exactly for points between the corners (wrapping at the antimeridian)',
  () => {
    fc.assert(
      fc.property(point, point, point, (a, b, target) => {
        const [top, bottom] = a[0] >= b[0] ? [a[0], b[0]] : [b[0], a[0]];
        const right = a[1];
        const left = b[1];
        const node: FilterNode = {
          type: 'geoBoundingBox',
          topRight: [top, right],
          bottomLeft: [bottom, left],
        };
        const [lat, lng] = target;
        const inLng = left <= right ? left <= lng && lng <= right : lng >= left || lng <= right;
        const expected = bottom <= lat && lat <= top && inLng;
        expect(evaluateFilter(node, { _geo: { lat: String(lat), lng } })).toBe(expected);
      }),
      propertyParameters(2000),
    );
  },
  PROPERTY_TIMEOUT_MS,
);
