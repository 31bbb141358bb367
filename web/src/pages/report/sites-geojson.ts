/**
 * The scenario's geography as GeoJSON (RFC 7946) for GIS tools: each site a Point, each air leg
 * and road route a LineString between its two sites ([longitude, latitude], WGS 84). Road routes
 * are drawn straight: the scenario gives their length, not their path.
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { MapData } from "../../api/contract.ts";

type Properties = Record<string, string | number | boolean | string[]>;

/**
 * Sites, air legs and road routes as one FeatureCollection.
 *
 * @example
 * sitesAndRoutes(map).features[0]; // { type: "Feature", geometry: { type: "Point", coordinates: [2.18, 13.48] }, properties: { feature: "site", … } }
 */
export function sitesAndRoutes(map: MapData): FeatureCollection<Point | LineString, Properties> {
  const at = new Map(map.sites.map((s) => [s.id, [s.lon, s.lat] as [number, number]]));
  const line = (from: string, to: string, properties: Properties): Feature<LineString, Properties>[] => {
    const a = at.get(from);
    const b = at.get(to);
    return a === undefined || b === undefined ? [] : [{ type: "Feature", geometry: { type: "LineString", coordinates: [a, b] }, properties }];
  };
  const sites: Feature<Point, Properties>[] = map.sites.map((s) => ({
    type: "Feature",
    id: s.id,
    geometry: { type: "Point", coordinates: [s.lon, s.lat] },
    properties: { feature: "site", id: s.id, name: s.name, kind: s.kind, country: s.country, inHostCountry: s.inHostCountry, ...(s.icao === undefined ? {} : { icao: s.icao }) },
  }));
  const legs = map.airLegs.flatMap((l) =>
    line(l.from, l.to, { feature: "air_leg", from: l.from, to: l.to, overflies: [...l.overflies], ...(l.distanceKm === undefined ? {} : { distanceKm: l.distanceKm }) }),
  );
  const roads = map.roadRoutes.flatMap((r) => line(r.from, r.to, { feature: "road_route", id: r.id, from: r.from, to: r.to, distanceKm: r.distanceKm }));
  return { type: "FeatureCollection", features: [...sites, ...legs, ...roads] };
}
