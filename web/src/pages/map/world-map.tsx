/**
 * The map itself, drawn by Leaflet as SVG vectors with no tiles and no network: country borders
 * from world-atlas (Natural Earth, 1:110m, shipped with npm and served with the app), the host
 * country and the countries overflown shaded, road routes dashed, air legs along great circles,
 * the day's movements on top, and the sites. Keyboard: arrows pan, + and − zoom.
 */
import "leaflet/dist/leaflet.css";
import type { FeatureCollection, Geometry } from "geojson";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countriesUrl from "world-atlas/countries-110m.json?url";
import type { MapData } from "../../api/contract.ts";
import { shortName } from "../../ui/site-name.ts";
import { alpha2OfFeature, greatCircle } from "./map-geometry.ts";

/** The map's colours (borders and labels ≥ 4.5:1 against what lies under them). */
export const MAP_COLOURS = {
  sea: "#d6e4f0",
  land: "#f4f1ea",
  border: "#7b8594",
  host: "#f3cf7a",
  overflown: "#b9d3ee",
  air: "#0b5cad",
  road: "#8a4b00",
  today: "#7a1f8a",
  site: "#13294b",
} as const;

type Countries = FeatureCollection<Geometry, { name: string }>;

/** Loads the borders once (a static file of the app, cached by the browser). */
let borders: Promise<Countries> | undefined;
function loadBorders(): Promise<Countries> {
  borders ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>)
    .then((topology) => feature(topology, topology.objects.countries) as Countries);
  return borders;
}

/** The Leaflet map of `data`. */
export function WorldMap({ data }: { data: MapData }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const [countries, setCountries] = useState<Countries | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadBorders().then(
      (c) => live && setCountries(c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const m = L.map(el, { zoomSnap: 0.25, attributionControl: true, worldCopyJump: false, preferCanvas: false });
    m.attributionControl.setPrefix(false).addAttribution("Natural Earth · Leaflet");
    map.current = m;
    layers.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
      layers.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (m === null || group === null) return;
    group.clearLayers();
    const sites = new Map(data.sites.map((s) => [s.id, s]));
    const overflown = new Set(data.overflown);
    if (countries !== undefined) {
      L.geoJSON(countries, {
        interactive: false,
        style: (f) => {
          const code = alpha2OfFeature(f?.id);
          const fill = code === data.hostCountry ? MAP_COLOURS.host : code !== undefined && overflown.has(code) ? MAP_COLOURS.overflown : MAP_COLOURS.land;
          return { fillColor: fill, fillOpacity: 1, color: MAP_COLOURS.border, weight: 0.7 };
        },
      }).addTo(group);
    }
    const at = (id: string) => sites.get(id);
    for (const r of data.roadRoutes) {
      const a = at(r.from);
      const b = at(r.to);
      if (a && b) L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: MAP_COLOURS.road, weight: 3, dashArray: "8 6", interactive: false }).addTo(group);
    }
    for (const l of data.airLegs) {
      const a = at(l.from);
      const b = at(l.to);
      if (a && b) L.polyline(greatCircle(a, b), { color: MAP_COLOURS.air, weight: 2, opacity: 0.8, interactive: false }).addTo(group);
    }
    for (const mv of data.movements) {
      const a = at(mv.from);
      const b = at(mv.to);
      if (!a || !b || a === b) continue;
      const line = mv.kind === "convoy" ? ([[a.lat, a.lon], [b.lat, b.lon]] as [number, number][]) : greatCircle(a, b);
      L.polyline(line, { color: MAP_COLOURS.today, weight: 5, opacity: 0.9 })
        .bindTooltip(`${mv.planRef ?? mv.id}: ${shortName(a.name)} → ${shortName(b.name)}`, { sticky: true })
        .addTo(group);
    }
    for (const s of data.sites) {
      L.circleMarker([s.lat, s.lon], {
        radius: s.inHostCountry ? 8 : 6,
        color: MAP_COLOURS.site,
        weight: 2,
        fillColor: s.inHostCountry ? MAP_COLOURS.site : "#ffffff",
        fillOpacity: 1,
      })
        .bindTooltip(shortName(s.name), { permanent: true, direction: "right", offset: [8, 0], className: "site-label" })
        .addTo(group);
    }
    if (data.sites.length > 0) m.fitBounds(L.latLngBounds(data.sites.map((s) => [s.lat, s.lon])), { padding: [48, 48] });
  }, [data, countries]);

  return (
    <>
      <div
        ref={box}
        className="world-map"
        role="region"
        aria-label={t("Map of the sites, air legs, road routes and countries overflown. The tables below list the same.")}
        data-testid="world-map"
        data-borders={countries === undefined ? "loading" : "drawn"}
      />
      {failed && <p role="alert">{t("The country borders could not be loaded; sites and routes are drawn without them.")}</p>}
    </>
  );
}
