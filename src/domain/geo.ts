import { type Km, km } from "./units.ts";

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance by the haversine formula: within 0.5 % of the ellipsoid, enough for block times. */
export function greatCircleKm(a: LatLon, b: LatLon): Km {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return km(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}
