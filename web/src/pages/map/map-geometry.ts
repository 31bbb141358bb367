/**
 * The map's geometry, pure: great-circle arcs for air legs (so a long leg curves as it is flown
 * on a globe), and the country codes of world-atlas's features (ISO 3166-1
 * numeric) in the API's alpha-2.
 */
import { iso31661NumericToAlpha2 } from "iso-3166/1-n-to-1-a2.js";

/** A position in degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * `steps + 1` points along the great circle from `a` to `b` (both included).
 *
 * @example
 * greatCircle({ lat: 13.48, lon: 2.17 }, { lat: 49.44, lon: 7.6 }, 32); // 33 points, Niamey → Ramstein
 */
export function greatCircle(a: LatLon, b: LatLon, steps = 32): [number, number][] {
  const φ1 = rad(a.lat);
  const λ1 = rad(a.lon);
  const φ2 = rad(b.lat);
  const λ2 = rad(b.lon);
  const d = 2 * Math.asin(Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin((λ2 - λ1) / 2) ** 2));
  if (d === 0) return [[a.lat, a.lon]];
  const out: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    const A = Math.sin((1 - f) * d) / Math.sin(d);
    const B = Math.sin(f * d) / Math.sin(d);
    const x = A * Math.cos(φ1) * Math.cos(λ1) + B * Math.cos(φ2) * Math.cos(λ2);
    const y = A * Math.cos(φ1) * Math.sin(λ1) + B * Math.cos(φ2) * Math.sin(λ2);
    const z = A * Math.sin(φ1) + B * Math.sin(φ2);
    out.push([deg(Math.atan2(z, Math.sqrt(x * x + y * y))), deg(Math.atan2(y, x))]);
  }
  return out;
}

/**
 * The ISO 3166-1 alpha-2 code of a world-atlas feature id ("562" → "NE"); undefined for the
 * few features without one (Kosovo, Somaliland, Northern Cyprus).
 *
 * @example
 * alpha2OfFeature("012"); // "DZ"
 */
export function alpha2OfFeature(id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined;
  return (iso31661NumericToAlpha2 as Record<string, string>)[String(id).padStart(3, "0")];
}
