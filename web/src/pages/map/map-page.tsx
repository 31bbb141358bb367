/**
 * Map: the sites, the air legs and road routes between them, the countries the legs cross, and
 * the movements on the way on one day (today by the server's clock, or a day chosen). The map is
 * for the eye; the legend and the tables below say the same for everyone.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { MapData } from "../../api/contract.ts";
import { countryName, formatNumber, formatUtcDay } from "../../i18n/format.ts";
import { msg } from "../../i18n/msg.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { shortName } from "../../ui/site-name.ts";
import { MAP_COLOURS, WorldMap } from "./world-map.tsx";

const SITE_KINDS: Readonly<Record<string, string>> = { base: msg("Base"), airfield: msg("Airfield"), road_hub: msg("Road hub"), destination: msg("Destination") };

/** YYYY-MM-DD of a day `n` days after `day`. */
const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The Map page. */
export function MapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [day, setDay] = useState<string | null>(null);
  const map = useQuery({
    queryKey: ["map", day],
    queryFn: ({ signal }) => api.get<MapData>(day === null ? "/api/map" : `/api/map?day=${day}`, signal),
    placeholderData: keepPreviousData,
  });
  if (map.isPending) return <Loading />;
  if (map.isError)
    return (
      <>
        <PageHeader title={t("Map")} />
        <ProblemMessage error={map.error} onRetry={() => void map.refetch()} />
      </>
    );
  const d = map.data;
  const site = (id: string) => d.sites.find((s) => s.id === id);
  const siteLabel = (id: string) => shortName(site(id)?.name ?? id);
  return (
    <div className="map-page">
      <PageHeader title={t("Map")}>
        <div className="day-picker" role="group" aria-label={t("Day shown")}>
          <Button className="button" onPress={() => setDay(shiftDay(d.day, -1))}>
            {t("Previous day")}
          </Button>
          <p className="day-shown" aria-live="polite">
            <time dateTime={d.day}>{formatUtcDay(`${d.day}T00:00:00Z`, lang)}</time>
          </p>
          <Button className="button" onPress={() => setDay(shiftDay(d.day, 1))}>
            {t("Next day")}
          </Button>
          {day !== null && (
            <Button className="button button-quiet" onPress={() => setDay(null)}>
              {t("Today")}
            </Button>
          )}
        </div>
      </PageHeader>

      <WorldMap data={d} />
      <ul className="legend" aria-label={t("Legend")}>
        <li>
          <span className="swatch swatch-area" style={{ background: MAP_COLOURS.host }} /> {t("Host country: {{country}}", { country: countryName(d.hostCountry, lang) })}
        </li>
        <li>
          <span className="swatch swatch-area" style={{ background: MAP_COLOURS.overflown }} /> {t("Countries overflown")}
        </li>
        <li>
          <span className="swatch swatch-line" style={{ borderColor: MAP_COLOURS.air }} /> {t("Air legs (great circles)")}
        </li>
        <li>
          <span className="swatch swatch-dashed" style={{ borderColor: MAP_COLOURS.road }} /> {t("Road routes")}
        </li>
        <li>
          <span className="swatch swatch-thick" style={{ borderColor: MAP_COLOURS.today }} /> {t("Movements of the day")}
        </li>
      </ul>

      <section className="panel" aria-labelledby="movements-heading">
        <h2 id="movements-heading">{t("Movements on {{day}}", { day: formatUtcDay(`${d.day}T00:00:00Z`, lang) })}</h2>
        {d.movements.length === 0 ? (
          <p data-testid="no-movements">{t("No movement is on the way this day.")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="movements-table">
              <thead>
                <tr>
                  <th scope="col">{t("Movement")}</th>
                  <th scope="col">{t("Kind")}</th>
                  <th scope="col">{t("From")}</th>
                  <th scope="col">{t("To")}</th>
                  <th scope="col">{t("Departs")}</th>
                  <th scope="col">{t("Arrives")}</th>
                  <th scope="col">{t("Status")}</th>
                </tr>
              </thead>
              <tbody>
                {d.movements.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.planRef ?? m.id}</th>
                    <td>{t(MOVEMENT_KINDS[m.kind] ?? m.kind)}</td>
                    <td>{siteLabel(m.from)}</td>
                    <td>{siteLabel(m.to)}</td>
                    <td>
                      <DateTime iso={m.departedAt ?? m.departAt} />
                    </td>
                    <td>
                      <DateTime iso={m.arrivedAt ?? m.arriveAt} />
                    </td>
                    <td>{t(MOVEMENT_STATUSES[m.status] ?? m.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="columns">
        <section className="panel" aria-labelledby="sites-heading">
          <h2 id="sites-heading">{t("Sites")}</h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="map-sites-table">
              <thead>
                <tr>
                  <th scope="col">{t("Site")}</th>
                  <th scope="col">{t("Kind")}</th>
                  <th scope="col">{t("Country")}</th>
                  <th scope="col">{t("ICAO")}</th>
                </tr>
              </thead>
              <tbody>
                {d.sites.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{t(SITE_KINDS[s.kind] ?? s.kind)}</td>
                    <td>{countryName(s.country, lang)}</td>
                    <td>{s.icao ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel" aria-labelledby="legs-heading">
          <h2 id="legs-heading">{t("Air legs and road routes")}</h2>
          <ul className="plain-list" data-testid="legs">
            {d.airLegs.map((l) => (
              <li key={`${l.from}-${l.to}`}>
                {t("{{from}} → {{to}}, by air over {{countries}}", {
                  from: siteLabel(l.from),
                  to: siteLabel(l.to),
                  countries: new Intl.ListFormat(lang === "fr" ? "fr-NE" : "en").format(l.overflies.map((c) => countryName(c, lang))),
                })}
                {l.distanceKm !== undefined && ` (${formatNumber(l.distanceKm, lang)} km)`}
              </li>
            ))}
            {d.roadRoutes.map((r) => (
              <li key={r.id}>
                {t("{{from}} → {{to}}, by road", { from: siteLabel(r.from), to: siteLabel(r.to) })} ({formatNumber(r.distanceKm, lang)} km)
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
