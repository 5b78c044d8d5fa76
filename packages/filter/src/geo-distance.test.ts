import { expect, it } from 'vitest';
import { geoDistance } from './geo-distance.js';

it.each([
  [[0, 0], [0, 0], 0],
  [[0, 0], [0, 1], 111194.927],
  [[0, 0], [1, 0], 111194.927],
  [[48.8566, 2.3522], [51.5074, -0.1278], 343556.06],
  [[90, 0], [-90, 0], 20015086.796],
] as Array<[[number, number], [number, number], number]>)('%j → %j = %d m', (from, to, meters) => {
  expect(geoDistance(from, to)).toBeCloseTo(meters, 0);
  expect(geoDistance(to, from)).toBe(geoDistance(from, to));
});
