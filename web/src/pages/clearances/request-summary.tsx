/**
 * What one request asks for and what became of it: the aircraft, the times, who and what is on
 * board, the itinerary leg by leg, and the host's decision (or the requester's withdrawal).
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ScenarioSummary } from "../../api/contract.ts";
import { countryName, formatNumber, formatUtcDateTime } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import type { ClearanceView } from "./clearance-view.ts";
import { CLEARANCE_FIELDS, CLEARANCE_KINDS, CLEARANCE_STATUSES } from "./clearance-words.ts";

/** The site's name, or its id. */
export const siteNameOf = (scenario: ScenarioSummary | undefined, id: string) => scenario?.sites.find((s) => s.id === id)?.name ?? id;

/** The summary of a request. */
export function RequestSummary({ view: v, scenario }: { view: ClearanceView; scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = v.details;
  const r = v.request;
  const site = (id: string) => siteNameOf(scenario, id);
  return (
    <>
      <dl className="facts" data-testid="request-facts">
        <div>
          <dt>{t("State")}</dt>
          <dd>
            <span className={`state state-${r.status}`}>{t(CLEARANCE_STATUSES[r.status] ?? r.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("Country")}</dt>
          <dd>
            {countryName(r.country, lang)} · {t(CLEARANCE_KINDS[r.kind] ?? r.kind)}
            {d.airfield !== undefined && <> · {site(d.airfield)}</>}
          </dd>
        </div>
        <div>
          <dt>{t(CLEARANCE_FIELDS.aircraft ?? "Aircraft")}</dt>
          <dd>
            {d.aircraft.type} · {d.aircraft.tailNumber} · {d.aircraft.callSign ?? t("no call sign")}
          </dd>
        </div>
        <div>
          <dt>{t("In the country")}</dt>
          <dd>
            <DateTime iso={d.firstAt} /> – <DateTime iso={d.lastAt} />
          </dd>
        </div>
        <div>
          <dt>{t("On board")}</dt>
          <dd>{t("Passengers: {{passengers}}, crew: {{crew}}", { passengers: formatNumber(d.passengers, lang), crew: formatNumber(d.crew, lang) })}</dd>
        </div>
        {v.source !== undefined && (
          <div>
            <dt>{t("From the plan")}</dt>
            <dd>
              {t("Sortie {{sortie}}, file by", { sortie: v.source.sortie })} <DateTime iso={v.source.latestFilingAt} />
            </dd>
          </div>
        )}
        {r.submittedAt !== undefined && (
          <div>
            <dt>{t("Filed")}</dt>
            <dd>
              <DateTime iso={r.submittedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t(CLEARANCE_FIELDS.dangerousCargo ?? "Dangerous goods")}</dt>
          <dd>
            {d.dangerousCargo.length === 0 ? (
              t("None declared")
            ) : (
              <ul className="plain-list">
                {d.dangerousCargo.map((g, i) => (
                  <li key={`${g.description}-${i}`}>
                    {g.description} — {t("class {{c}}", { c: g.division ?? String(g.class) })}
                    {g.unNumber !== undefined && <> · {g.unNumber}</>} · {t("pieces: {{n}}", { n: formatNumber(g.quantity, lang) })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t(CLEARANCE_FIELDS.weapons ?? "Weapons")}</dt>
          <dd>
            {d.weapons.length === 0 ? (
              t("None declared")
            ) : (
              <ul className="plain-list">
                {d.weapons.map((w, i) => (
                  <li key={`${w.description}-${i}`}>
                    {w.description} · {formatNumber(w.quantity, lang)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {d.remarks !== undefined && (
          <div>
            <dt>{t("Remarks")}</dt>
            <dd>{d.remarks}</dd>
          </div>
        )}
      </dl>

      <Decision view={v} site={site} />

      <div className="table-head">
        <h3 id="itinerary-heading">{t("Itinerary")}</h3>
        <CsvButton
          name={t("Itinerary of {{id}}", { id: r.id })}
          table={() => ({
            header: [t("From"), t("To"), t("Departs (UTC)"), t("Arrives (UTC)"), t("Countries overflown")],
            rows: d.itinerary.map((l) => [site(l.from), site(l.to), formatUtcDateTime(l.departAt, lang), formatUtcDateTime(l.arriveAt, lang), l.overflies.map((c) => countryName(c, lang)).join(", ")]),
          })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="itinerary-heading" data-testid="itinerary">
          <thead>
            <tr>
              <th scope="col">{t("From")}</th>
              <th scope="col">{t("To")}</th>
              <th scope="col">{t("Departs")}</th>
              <th scope="col">{t("Arrives")}</th>
              <th scope="col">{t("Countries overflown")}</th>
            </tr>
          </thead>
          <tbody>
            {d.itinerary.map((l) => (
              <tr key={`${l.from}-${l.to}-${l.departAt}`}>
                <th scope="row">{site(l.from)}</th>
                <td>{site(l.to)}</td>
                <td>
                  <DateTime iso={l.departAt} />
                </td>
                <td>
                  <DateTime iso={l.arriveAt} />
                </td>
                <td>{l.overflies.map((c) => countryName(c, lang)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The host's decision, an amendment awaiting the requester, or the withdrawal. */
function Decision({ view: v, site }: { view: ClearanceView; site: (id: string) => string }) {
  const { t } = useTranslation();
  if (v.clearance !== undefined)
    return (
      <div className="decision decision-approved" data-testid="decision">
        <p>
          <strong>{t("Clearance {{number}}", { number: v.clearance.number })}</strong> · {t("valid")} <DateTime iso={v.clearance.validFrom} /> – <DateTime iso={v.clearance.validTo} />
        </p>
        {v.clearance.remarks !== undefined && <p>{v.clearance.remarks}</p>}
        {v.used !== undefined && (
          <p>
            {t("Flown under it by movement {{movement}} at", { movement: v.used.movement })} <DateTime iso={v.used.at} />
          </p>
        )}
        {v.request.status === "cancelled" && <p>{t("Withdrawn by the requester after approval.")}</p>}
      </div>
    );
  if (v.denial !== undefined)
    return (
      <div className="decision decision-denied" data-testid="decision">
        <p>
          <strong>{t("Denied")}</strong> · {t("Reason: {{reason}}", { reason: v.denial.reason })}
        </p>
      </div>
    );
  if (v.amendment !== undefined)
    return (
      <div className="decision decision-amended" data-testid="decision">
        <p>
          <strong>{t("The host proposes changes")}</strong> · {t("Reason: {{reason}}", { reason: v.amendment.reason })}
        </p>
        <ChangeList changes={v.amendment.changes} site={site} />
      </div>
    );
  if (v.cancellation !== undefined)
    return (
      <div className="decision" data-testid="decision">
        <p>
          <strong>{t("Withdrawn by the requester")}</strong>
          {v.cancellation.reason !== undefined && <> · {t("Reason: {{reason}}", { reason: v.cancellation.reason })}</>}
        </p>
      </div>
    );
  return null;
}

/** The fields a change set changes, with their new values. */
export function ChangeList({ changes, site = (id) => id }: { changes: Partial<ClearanceView["details"]>; site?: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: [string, ReactNode][] = [];
  if (changes.firstAt !== undefined) rows.push(["firstAt", <DateTime key="f" iso={changes.firstAt} />]);
  if (changes.lastAt !== undefined) rows.push(["lastAt", <DateTime key="l" iso={changes.lastAt} />]);
  if (changes.airfield !== undefined) rows.push(["airfield", site(changes.airfield)]);
  if (changes.passengers !== undefined) rows.push(["passengers", formatNumber(changes.passengers, lang)]);
  if (changes.crew !== undefined) rows.push(["crew", formatNumber(changes.crew, lang)]);
  if (changes.aircraft !== undefined) rows.push(["aircraft", [changes.aircraft.type, changes.aircraft.tailNumber, changes.aircraft.callSign].filter(Boolean).join(" · ")]);
  if (changes.itinerary !== undefined) rows.push(["itinerary", t("legs: {{n}}", { n: formatNumber(changes.itinerary.length, lang) })]);
  if (changes.remarks !== undefined) rows.push(["remarks", changes.remarks]);
  if (rows.length === 0) return null;
  return (
    <ul className="plain-list">
      {rows.map(([field, value]) => (
        <li key={field}>
          {t("{{field}}:", { field: t(CLEARANCE_FIELDS[field] ?? field) })} {value}
        </li>
      ))}
    </ul>
  );
}
