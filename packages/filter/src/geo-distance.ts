/**
 * Earth radius used by the `geoutils` crate Meilisearch measures `_geoRadius` with, in meters.
 *
 * @example
 * const metersPerDegree = (Math.PI * EARTH_RADIUS_METERS) / 180; // ≈ 111 195
 */
export const EARTH_RADIUS_METERS = 6_371_000;

/**
 * Haversine distance in meters between two `[lat, lng]` points in degrees, rounded to the millimetre as
 * `geoutils::Location::haversine_distance_to` (which Meilisearch uses) does.
 *
 * @example
 * Math.round(geoDistance([48.8566, 2.3522], [51.5074, -0.1278]) / 1000); // 344 (Paris → London, km)
 */
export function geoDistance(from: readonly [number, number], to: readonly [number, number]): number {
  const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;
  const halfVersine = (theta: number): number => (1 - Math.cos(theta)) / 2;
  const phi1 = toRadians(from[0]);
  const phi2 = toRadians(to[0]);
  const total =
    halfVersine(phi2 - phi1) +
    Math.cos(phi1) * Math.cos(phi2) * halfVersine(toRadians(to[1]) - toRadians(from[1]));
  const meters = 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(total));
  return Math.round(meters * 1000) / 1000;
}
