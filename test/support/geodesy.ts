/**
 * Great-circle geometry the tests check the product against, written independently of it:
 * distances by the haversine formula and points placed at a bearing and distance, on the
 * sphere distances are documented on (mean Earth radius, IUGG).
 */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  latitude: number;
  longitude: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radiansValue: number) => (radiansValue * 180) / Math.PI;

/** The point `km` along the great circle leaving `from` at `bearingDegrees` (clockwise from north). */
export function destination(from: LatLon, bearingDegrees: number, km: number): LatLon {
  const angular = km / EARTH_RADIUS_KM;
  const bearing = radians(bearingDegrees);
  const lat1 = radians(from.latitude);
  const lon1 = radians(from.longitude);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
  const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
  return { latitude: degrees(lat2), longitude: ((degrees(lon2) + 540) % 360) - 180 };
}

/** Great-circle kilometres between two points by the haversine formula. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Expects `actual` within `relative` (a fraction) of `expected`, with a floor for distances near zero. */
export function expectKmClose(actual: number, expected: number, relative = 0.005): void {
  const tolerance = Math.max(expected * relative, 0.001);
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`Expected ${actual} km to be within ${tolerance} km of ${expected} km`);
  }
}
