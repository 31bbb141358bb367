/**
 * The scenario's facts: the agreement, then sites, fleet, personnel, cargo, clearance rules, airline
 * services and roads, each figure with its source or marked an assumption, each table exportable.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FactFigure, ScenarioFacts } from "../../api/contract.ts";
import { countryName, formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { shortName } from "../../ui/site-name.ts";
import { TableRegion } from "../../ui/table-region.tsx";
import { Figure, ProvenanceNote, provenanceCells, useFigureText } from "./fact-figure.tsx";
import { CARGO_KINDS, CLEARANCE_KINDS, CREW_COMPLEMENTS, DISPOSITIONS, PARTY_ROLES, PERSONNEL_CATEGORIES, SITE_KINDS, UNIT_WORDS, WEEKDAYS } from "./scenario-words.ts";

/** Cargo lines listed on the page; the export has them all. */
const CARGO_ROWS = 100;

/** Every section of facts. */
export function FactsPanel({ facts: f }: { facts: ScenarioFacts }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useFigureText();
  const site = (id: string) => shortName(f.sites.find((s) => s.id === id)?.name ?? id);
  const word = (table: Readonly<Record<string, string>>, key: string) => (table[key] === undefined ? key : t(table[key] ?? key));
  const cells = (x: FactFigure) => [typeof x.value === "number" ? x.value : (x.value ?? ""), x.unit === null ? "" : word(UNIT_WORDS, x.unit), ...provenanceCells(x, t)];
  const valueHead = (name: string) => [name, t("Unit"), t("Source or assumption"), t("Source or rationale")];
  return (
    <>
      <section className="panel" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">{t("The agreement")}</h2>
        <p lang="en">{f.agreement.title}</p>
        <dl className="facts-list">
          <div>
            <dt>{t("Signed")}</dt>
            <dd>
              {f.agreement.signedOn ?? "—"}
              {f.agreement.signedAt !== null && ` · ${f.agreement.signedAt}`}
            </dd>
          </div>
          <div>
            <dt>{t("Withdrawal starts")}</dt>
            <dd>
              <DateTime iso={f.agreement.withdrawalStart} />
            </dd>
          </div>
          <div>
            <dt>{t("Deadline")}</dt>
            <dd data-testid="facts-deadline">
              <DateTime iso={f.agreement.deadline} />
            </dd>
          </div>
          {f.agreement.planningStart !== null && (
            <div>
              <dt>{t("Planning starts")}</dt>
              <dd>
                <DateTime iso={f.agreement.planningStart} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t("Parties")}</dt>
            <dd>
              <ul className="plain-list">
                {f.agreement.parties.map((p) => (
                  <li key={p.code}>
                    {p.name} ({p.code}, {word(PARTY_ROLES, p.role)}, {countryName(p.country, lang)})
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        <ProvenanceNote p={f.agreement.provenance} />
        <h3>{t("Terms")}</h3>
        <ol className="terms" lang="en">
          {f.agreement.terms.map((term) => (
            <li key={term}>{term}</li>
          ))}
        </ol>
        {f.agreement.headcountReports.length > 0 && (
          <>
            <h3>{t("Reported headcounts")}</h3>
            <ul className="plain-list">
              {f.agreement.headcountReports.map((h) => (
                <li key={`${String(h.value)}-${h.asOf ?? ""}`}>
                  {h.qualifier !== null && <span lang="en">{h.qualifier} </span>}
                  <Figure f={h} />
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="muted" data-testid="figures-count">
          {t("On this page: {{sourced}} figures with a source, {{assumed}} marked as assumptions.", { sourced: formatNumber(f.figures.sourced, lang), assumed: formatNumber(f.figures.assumed, lang) })}
        </p>
      </section>

      <FactsTable
        id="sites"
        title={t("Sites")}
        csv={() => ({
          header: [t("Site"), t("ICAO"), t("Kind"), t("Country"), t("In the host country"), t("Parking")],
          rows: f.sites.map((s) => [s.name, s.icao ?? "", word(SITE_KINDS, s.kind), countryName(s.country, lang), s.inHostCountry ? t("yes") : t("no"), s.parking.map((p) => `${p.parkingClass}: ${text(p.spots)}`).join("; ")]),
        })}
        head={[t("Site"), t("ICAO"), t("Kind"), t("Country"), t("Parking spots")]}
      >
        {f.sites.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}</th>
            <td>{s.icao ?? "—"}</td>
            <td>{word(SITE_KINDS, s.kind)}</td>
            <td>
              {countryName(s.country, lang)}
              {s.inHostCountry && <span className="muted"> · {t("host country")}</span>}
            </td>
            <td>
              {s.parking.length === 0
                ? "—"
                : s.parking.map((p) => (
                    <div key={p.parkingClass}>
                      {p.parkingClass}: <Figure f={p.spots} />
                    </div>
                  ))}
            </td>
          </tr>
        ))}
      </FactsTable>

      <FactsTable
        id="fleet"
        title={t("Fleet")}
        csv={() => ({
          header: [t("Fleet entry"), t("Type"), ...valueHead(t("Aircraft")), t("Base"), t("Crew"), t("Available")],
          rows: f.fleet.map((x) => [x.id, x.typeName, ...cells(x.count), site(x.base), x.crew === null ? "" : word(CREW_COMPLEMENTS, x.crew), x.availability.map((w) => `${w.from}/${w.to}`).join("; ")]),
        })}
        head={[t("Fleet entry"), t("Type"), t("Aircraft"), t("Base"), t("Crew"), t("Available")]}
      >
        {f.fleet.map((x) => (
          <tr key={x.id}>
            <th scope="row">{x.id}</th>
            <td>{x.typeName}</td>
            <td data-testid={`fleet-count-${x.id}`}>
              <Figure f={x.count} />
            </td>
            <td>{site(x.base)}</td>
            <td>{x.crew === null ? "—" : word(CREW_COMPLEMENTS, x.crew)}</td>
            <td>
              {x.availability.length === 0
                ? t("throughout")
                : x.availability.map((w) => (
                    <div key={w.from}>
                      <DateTime iso={w.from} dayOnly /> – <DateTime iso={w.to} dayOnly />
                    </div>
                  ))}
            </td>
          </tr>
        ))}
      </FactsTable>

      <FactsTable
        id="personnel"
        title={t("Personnel: {{n}} people", { n: formatNumber(f.personnel.people, lang) })}
        csvName={t("Personnel")}
        csv={() => ({
          header: [t("Group"), t("Site"), t("Unit"), t("Category"), ...valueHead(t("People"))],
          rows: f.personnel.groups.map((g) => [g.id, site(g.site), g.unit, word(PERSONNEL_CATEGORIES, g.category), ...cells(g.count)]),
        })}
        head={[t("Group"), t("Site"), t("Unit"), t("Category"), t("People")]}
      >
        {f.personnel.groups.map((g) => (
          <tr key={g.id}>
            <th scope="row">{g.id}</th>
            <td>{site(g.site)}</td>
            <td lang="en">{g.unit}</td>
            <td>{word(PERSONNEL_CATEGORIES, g.category)}</td>
            <td>
              <Figure f={g.count} />
            </td>
          </tr>
        ))}
      </FactsTable>

      <FactsTable
        id="cargo-sites"
        title={t("Cargo: {{lines}} lines, {{pieces}} pieces, {{weight}}", { lines: formatNumber(f.cargo.total.lines, lang), pieces: formatNumber(f.cargo.total.pieces, lang), weight: formatTonnes(f.cargo.total.kg, lang) })}
        csvName={t("Cargo by site")}
        csv={() => ({ header: [t("Site"), t("Lines"), t("Pieces"), t("Weight (kg)")], rows: f.cargo.bySite.map((b) => [site(b.site), b.lines, b.pieces, b.kg]) })}
        head={[t("Site"), t("Lines"), t("Pieces"), t("Weight")]}
        testId="cargo-by-site"
      >
        {f.cargo.bySite.map((b) => (
          <tr key={b.site}>
            <th scope="row">{site(b.site)}</th>
            <td>{formatNumber(b.lines, lang)}</td>
            <td>{formatNumber(b.pieces, lang)}</td>
            <td>{formatTonnes(b.kg, lang)}</td>
          </tr>
        ))}
      </FactsTable>

      <FactsTable
        id="cargo-lines"
        title={t("Cargo lines")}
        note={f.cargo.lines.length > CARGO_ROWS ? t("The first {{n}} of {{total}} lines are listed; the export has them all.", { n: CARGO_ROWS, total: formatNumber(f.cargo.lines.length, lang) }) : undefined}
        csv={() => ({
          header: [t("Id"), t("Description"), t("Site"), t("Kind"), t("Quantity"), ...valueHead(t("Weight each")), t("Weight each (kg)"), t("Hazard"), t("Sensitive"), t("Disposition"), t("Source or assumption"), t("Source or rationale")],
          rows: f.cargo.lines.map((c) => [
            c.id,
            c.description,
            site(c.site),
            word(CARGO_KINDS, c.kind),
            typeof c.quantity.value === "number" ? c.quantity.value : "",
            ...cells(c.unitWeight),
            c.unitWeightKg,
            c.hazard ?? "",
            c.sensitive ? t("yes") : t("no"),
            word(DISPOSITIONS, c.disposition),
            ...provenanceCells(c.provenance, t),
          ]),
        })}
        head={[t("Id"), t("Description"), t("Site"), t("Kind"), t("Quantity"), t("Weight each"), t("Hazard"), t("Disposition")]}
        testId="cargo-lines"
      >
        {f.cargo.lines.slice(0, CARGO_ROWS).map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.id}</th>
            <td lang="en">
              {c.description}
              {c.sensitive && <span className="muted"> · {t("sensitive")}</span>}
            </td>
            <td>{site(c.site)}</td>
            <td>{word(CARGO_KINDS, c.kind)}</td>
            <td>
              <Figure f={c.quantity} />
            </td>
            <td>
              <Figure f={c.unitWeight} />
            </td>
            <td>{c.hazard ?? "—"}</td>
            <td>{word(DISPOSITIONS, c.disposition)}</td>
          </tr>
        ))}
      </FactsTable>

      <FactsTable
        id="clearance-rules"
        title={t("Clearance rules")}
        csv={() => ({
          header: [t("Country"), t("Clearance"), ...valueHead(t("Lead time")), ...valueHead(t("Valid before")), ...valueHead(t("Valid after")), t("Weekend")],
          rows: f.clearanceRules.map((r) => [countryName(r.country, lang), word(CLEARANCE_KINDS, r.kind), ...cells(r.leadTime), ...cells(r.validBefore), ...cells(r.validAfter), r.weekend.map((d) => word(WEEKDAYS, d)).join(" ")]),
        })}
        head={[t("Country"), t("Clearance"), t("Lead time"), t("Valid before"), t("Valid after"), t("Weekend")]}
        testId="clearance-rules"
      >
        {f.clearanceRules.map((r) => (
          <tr key={`${r.country}-${r.kind}`}>
            <th scope="row">{countryName(r.country, lang)}</th>
            <td>{word(CLEARANCE_KINDS, r.kind)}</td>
            <td>
              <Figure f={r.leadTime} />
            </td>
            <td>
              <Figure f={r.validBefore} />
            </td>
            <td>
              <Figure f={r.validAfter} />
            </td>
            <td>{r.weekend.map((d) => word(WEEKDAYS, d)).join(", ") || "—"}</td>
          </tr>
        ))}
      </FactsTable>

      <div className="columns">
        <FactsTable
          id="commercial"
          title={t("Airline services")}
          csv={() => ({
            header: [t("Service"), t("Airport"), t("Airline"), t("Days"), ...valueHead(t("Seats a flight"))],
            rows: f.commercial.map((c) => [c.id, site(c.airport), c.airline, c.weekdays.map((d) => word(WEEKDAYS, d)).join(" "), ...cells(c.seatsPerFlight)]),
          })}
          head={[t("Airline"), t("Airport"), t("Days"), t("Seats a flight")]}
        >
          {f.commercial.map((c) => (
            <tr key={c.id}>
              <th scope="row" lang="en">
                {c.airline}
              </th>
              <td>{site(c.airport)}</td>
              <td>{c.weekdays.map((d) => word(WEEKDAYS, d)).join(", ")}</td>
              <td>
                <Figure f={c.seatsPerFlight} />
              </td>
            </tr>
          ))}
        </FactsTable>
        <FactsTable
          id="roads"
          title={t("Road routes")}
          csv={() => ({
            header: [t("Route"), t("From"), t("To"), ...valueHead(t("Distance")), ...valueHead(t("Per day")), ...valueHead(t("Trucks"))],
            rows: f.roadRoutes.map((r) => [r.id, site(r.from), site(r.to), ...cells(r.distance), ...cells(r.ratePerDay), ...cells(r.trucks)]),
          })}
          head={[t("Route"), t("Distance"), t("Per day"), t("Trucks")]}
        >
          {f.roadRoutes.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {site(r.from)} → {site(r.to)}
              </th>
              <td>
                <Figure f={r.distance} />
              </td>
              <td>
                <Figure f={r.ratePerDay} />
              </td>
              <td>
                <Figure f={r.trucks} />
              </td>
            </tr>
          ))}
        </FactsTable>
      </div>
    </>
  );
}

/** A section with a heading, its CSV export and a table. */
function FactsTable(props: {
  id: string;
  title: string;
  csvName?: string;
  head: readonly string[];
  csv: () => { header: readonly string[]; rows: readonly (readonly (string | number)[])[] };
  note?: string | undefined;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${props.id}-heading`}>
      <div className="table-head">
        <h2 id={`${props.id}-heading`}>{props.title}</h2>
        <CsvButton name={props.csvName ?? props.title} table={props.csv} />
      </div>
      {props.note !== undefined && <p className="muted">{props.note}</p>}
      <TableRegion label={props.csvName ?? props.title}>
        <table className="data-table" data-testid={props.testId ?? `facts-${props.id}`}>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </TableRegion>
    </section>
  );
}
