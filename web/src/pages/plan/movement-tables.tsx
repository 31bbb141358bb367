/**
 * The Gantt's figures as tables: the sorties in the window shown (each with a button to its load
 * plan), the convoys and the airline seats. Long lists show their first rows; the CSV export
 * always has every row.
 */
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { GanttSortie, PlanGantt } from "../../api/contract.ts";
import { formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import type { Domain } from "./gantt-view.ts";
import { CLEARANCE_STATES } from "./plan-words.ts";

/** Rows shown in a table before "and N more". */
export const TABLE_ROWS = 100;

const payload = (s: GanttSortie) => s.legs.reduce((n, l) => n + l.payloadKg, 0);
const passengers = (s: GanttSortie) => s.legs.reduce((n, l) => n + l.passengers, 0);
const pallets = (s: GanttSortie) => s.legs.reduce((n, l) => n + l.pallets, 0);

/** The sorties in the window, by departure. */
export function SortieTable({ gantt, domain, siteName, onOpen }: { gantt: PlanGantt; domain: Domain; siteName: (id: string) => string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inWindow = gantt.sorties.filter((s) => Date.parse(s.arriveAt) >= domain[0] && Date.parse(s.departAt) <= domain[1]);
  const route = (s: GanttSortie) => [...s.legs.map((l) => siteName(l.from)), siteName(s.legs.at(-1)?.to ?? "")].join(" → ");
  const movement = (m: string | null) => (m === null ? "—" : t(MOVEMENT_STATUSES[m] ?? m));
  return (
    <section className="panel" aria-labelledby="sorties-heading">
      <div className="table-head">
        <h2 id="sorties-heading">{t("Sorties in the window shown")}</h2>
        <CsvButton
          name={t("Sorties of plan version {{n}}", { n: gantt.version.number })}
          table={() => ({
            header: [t("Sortie"), t("Aircraft"), t("Type"), t("Route"), t("Departs (UTC)"), t("Arrives (UTC)"), t("Payload (kg)"), t("Passengers"), t("Pallets"), t("Clearance"), t("Movement")],
            rows: gantt.sorties.map((s) => [s.id, s.aircraft, s.type, route(s), s.departAt, s.arriveAt, payload(s), passengers(s), pallets(s), t(CLEARANCE_STATES[s.clearance]), s.movement === null ? "" : movement(s.movement)]),
          })}
        />
      </div>
      <p className="muted" data-testid="sorties-count">
        {t("{{shown}} of {{total}} sorties are in the window; the export has them all.", { shown: formatNumber(inWindow.length, lang), total: formatNumber(gantt.sorties.length, lang) })}
        {inWindow.length > TABLE_ROWS && ` ${t("The first {{n}} are listed: zoom in to see the others.", { n: TABLE_ROWS })}`}
      </p>
      <TableRegion label={t("Sorties in the window shown")}>
        <table className="data-table" data-testid="sortie-table">
          <thead>
            <tr>
              <th scope="col">{t("Sortie")}</th>
              <th scope="col">{t("Aircraft")}</th>
              <th scope="col">{t("Route")}</th>
              <th scope="col">{t("Departs")}</th>
              <th scope="col">{t("Arrives")}</th>
              <th scope="col">{t("Payload")}</th>
              <th scope="col">{t("Passengers")}</th>
              <th scope="col">{t("Clearance")}</th>
              <th scope="col">{t("Movement")}</th>
              <th scope="col">{t("Load plan")}</th>
            </tr>
          </thead>
          <tbody>
            {inWindow.slice(0, TABLE_ROWS).map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.id}</th>
                <td>
                  {s.aircraft} <span className="muted">({s.type})</span>
                </td>
                <td>{route(s)}</td>
                <td>
                  <DateTime iso={s.departAt} />
                </td>
                <td>
                  <DateTime iso={s.arriveAt} />
                </td>
                <td>{formatTonnes(payload(s), lang)}</td>
                <td>{formatNumber(passengers(s), lang)}</td>
                <td>
                  <span className={`clearance-label clearance-${s.clearance}`}>{t(CLEARANCE_STATES[s.clearance])}</span>
                </td>
                <td>{movement(s.movement)}</td>
                <td>
                  <Button className="button button-quiet" onPress={() => onOpen(s.id)} aria-label={t("Open the load plan of sortie {{id}}", { id: s.id })}>
                    {t("Open")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** Convoys and airline seats. */
export function GroundTables({ gantt, siteName }: { gantt: PlanGantt; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const movement = (m: string | null) => (m === null ? "—" : t(MOVEMENT_STATUSES[m] ?? m));
  return (
    <div className="columns">
      <section className="panel" aria-labelledby="convoys-heading">
        <div className="table-head">
          <h2 id="convoys-heading">{t("Convoys")}</h2>
          <CsvButton
            name={t("Convoys of plan version {{n}}", { n: gantt.version.number })}
            table={() => ({
              header: [t("Convoy"), t("From"), t("To"), t("Departs (UTC)"), t("Arrives (UTC)"), t("Trucks"), t("Pallets"), t("Pieces"), t("Passengers"), t("Movement")],
              rows: gantt.convoys.map((c) => [c.id, siteName(c.from), siteName(c.to), c.departAt, c.arriveAt, c.trucks, c.pallets, c.pieces, c.passengers, c.movement === null ? "" : movement(c.movement)]),
            })}
          />
        </div>
        {gantt.convoys.length === 0 ? (
          <p>{t("The plan has no convoy.")}</p>
        ) : (
          <TableRegion label={t("Convoys")}>
            <table className="data-table" data-testid="convoy-table">
              <thead>
                <tr>
                  <th scope="col">{t("Convoy")}</th>
                  <th scope="col">{t("Route")}</th>
                  <th scope="col">{t("Departs")}</th>
                  <th scope="col">{t("Arrives")}</th>
                  <th scope="col">{t("Trucks")}</th>
                  <th scope="col">{t("Movement")}</th>
                </tr>
              </thead>
              <tbody>
                {gantt.convoys.slice(0, TABLE_ROWS).map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.id}</th>
                    <td>
                      {siteName(c.from)} → {siteName(c.to)}
                    </td>
                    <td>
                      <DateTime iso={c.departAt} />
                    </td>
                    <td>
                      <DateTime iso={c.arriveAt} />
                    </td>
                    <td>{formatNumber(c.trucks, lang)}</td>
                    <td>{movement(c.movement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {gantt.convoys.length > TABLE_ROWS && <p className="muted">{t("The first {{n}} are listed; the export has them all.", { n: TABLE_ROWS })}</p>}
      </section>
      <section className="panel" aria-labelledby="seats-heading">
        <div className="table-head">
          <h2 id="seats-heading">{t("Airline seats")}</h2>
          <CsvButton
            name={t("Airline seats of plan version {{n}}", { n: gantt.version.number })}
            table={() => ({
              header: [t("Booking"), t("Service"), t("Airport"), t("Departs (UTC)"), t("Passengers"), t("Movement")],
              rows: gantt.seats.map((p) => [p.id, p.service, siteName(p.airport), p.departAt, p.passengers, p.movement === null ? "" : movement(p.movement)]),
            })}
          />
        </div>
        {gantt.seats.length === 0 ? (
          <p>{t("The plan books no airline seat.")}</p>
        ) : (
          <TableRegion label={t("Airline seats")}>
            <table className="data-table" data-testid="seats-table">
              <thead>
                <tr>
                  <th scope="col">{t("Booking")}</th>
                  <th scope="col">{t("Airport")}</th>
                  <th scope="col">{t("Departs")}</th>
                  <th scope="col">{t("Passengers")}</th>
                  <th scope="col">{t("Movement")}</th>
                </tr>
              </thead>
              <tbody>
                {gantt.seats.slice(0, TABLE_ROWS).map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.id}</th>
                    <td>{siteName(p.airport)}</td>
                    <td>
                      <DateTime iso={p.departAt} />
                    </td>
                    <td>{formatNumber(p.passengers, lang)}</td>
                    <td>{movement(p.movement)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {gantt.seats.length > TABLE_ROWS && <p className="muted">{t("The first {{n}} are listed; the export has them all.", { n: TABLE_ROWS })}</p>}
      </section>
    </div>
  );
}
