import { describe, expect, it } from "vitest";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import { alpha2OfFeature, greatCircle } from "./map-geometry.ts";

describe("greatCircle", () => {
  const niamey = { lat: 13.48167, lon: 2.17028 };
  const ramstein = { lat: 49.4369, lon: 7.6003 };

  it("starts and ends at the two places", () => {
    const arc = greatCircle(niamey, ramstein, 16);
    expect(arc).toHaveLength(17);
    expect(arc[0]?.[0]).toBeCloseTo(niamey.lat, 9);
    expect(arc[0]?.[1]).toBeCloseTo(niamey.lon, 9);
    expect(arc[16]?.[0]).toBeCloseTo(ramstein.lat, 9);
    expect(arc[16]?.[1]).toBeCloseTo(ramstein.lon, 9);
  });

  it("keeps every point at the same fraction of the way (equal steps on the sphere)", () => {
    const arc = greatCircle(niamey, ramstein, 8);
    const hav = (a: [number, number], b: [number, number]) => {
      const r = Math.PI / 180;
      return 2 * Math.asin(Math.sqrt(Math.sin(((b[0] - a[0]) * r) / 2) ** 2 + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2));
    };
    const steps = arc.slice(1).map((p, i) => hav(arc[i] as [number, number], p));
    for (const s of steps) expect(s).toBeCloseTo(steps[0] ?? 0, 9);
  });

  it("bends poleward of the straight line on the chart, as a great circle does", () => {
    const west = { lat: 40, lon: -70 };
    const east = { lat: 40, lon: 10 };
    const middle = greatCircle(west, east, 2)[1];
    expect(middle?.[0]).toBeGreaterThan(40);
  });

  it("gives one point for a place to itself", () => {
    expect(greatCircle(niamey, niamey)).toEqual([[niamey.lat, niamey.lon]]);
  });
});

describe("alpha2OfFeature", () => {
  it("names the Niger scenario's countries among world-atlas's features", () => {
    const byCode = new Map(world.objects.countries.geometries.map((g) => [alpha2OfFeature(g.id), g.properties.name]));
    expect(byCode.get("NE")).toBe("Niger");
    expect(byCode.get("DZ")).toBe("Algeria");
    expect(byCode.get("FR")).toBe("France");
    expect(byCode.get("DE")).toBe("Germany");
  });

  it("has no code for a feature without an id", () => {
    expect(alpha2OfFeature(undefined)).toBeUndefined();
  });
});
