/** GeoJSON of the Niger scenario's sites and routes, from a real server's map answer. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "../../../../src/server/testing/harness.ts";
import { sqliteTestEngine } from "../../../../src/store/testing/engines.ts";
import type { MapData } from "../../api/contract.ts";
import { sitesAndRoutes } from "./sites-geojson.ts";

const engine = sqliteTestEngine();
let s: TestServer;
let map: MapData;

beforeAll(async () => {
  const { handle } = await engine.fresh({ migrate: false });
  s = await testServer(handle.db, { scenario: "niger-2024", now: "2024-05-20T08:00:00.000Z" });
  map = (await s.request(await s.login("ne-observer"), "GET", "/api/map")).body as MapData;
});
afterAll(() => engine.cleanup());

describe("sitesAndRoutes", () => {
  it("has a point per site and a line per air leg and road route, in longitude-latitude order", () => {
    const g = sitesAndRoutes(map);
    expect(g.type).toBe("FeatureCollection");
    const kinds = g.features.map((f) => f.properties.feature);
    expect(kinds.filter((k) => k === "site")).toHaveLength(map.sites.length);
    expect(kinds.filter((k) => k === "air_leg")).toHaveLength(map.airLegs.length);
    expect(kinds.filter((k) => k === "road_route")).toHaveLength(map.roadRoutes.length);
    const niamey = map.sites.find((x) => x.name.includes("Niamey"));
    if (niamey === undefined) throw new Error("the Niger scenario has Niamey");
    const point = g.features.find((f) => f.properties.id === niamey.id && f.properties.feature === "site");
    expect(point?.geometry).toEqual({ type: "Point", coordinates: [niamey.lon, niamey.lat] });
    // Niamey is at about 2°E, 13.5°N: longitude first.
    expect(niamey.lon).toBeGreaterThan(1);
    expect(niamey.lon).toBeLessThan(3);
    const leg = g.features.find((f) => f.properties.feature === "air_leg");
    expect(leg?.geometry.type).toBe("LineString");
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it("leaves out a route whose site is unknown rather than drawing it to nowhere", () => {
    const g = sitesAndRoutes({ ...map, roadRoutes: [{ id: "R-x", from: "nowhere", to: map.sites[0]?.id ?? "", distanceKm: 10 }] });
    expect(g.features.filter((f) => f.properties.feature === "road_route")).toEqual([]);
  });
});
