/**
 * The reconciliation report: who left unrecorded (with "record the exit" for those who may), exits
 * without a manifest, who is still in the country and where, who left and how, who never
 * entered, and records about unknown persons. Each part is a table with its CSV.
 */
import { useMutation } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useCan } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { Movement, Person, PersonPresence, ScenarioSummary } from "../../api/contract.ts";
import { countryName, formatNumber, formatUtcDateTime } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { PART_WORDS } from "./personnel-words.ts";
import { type Part, PARTS, type ReconciliationRow, reconciliationRows } from "./reconciliation.ts";
import { useRefreshPersonnel } from "./use-personnel.ts";

/** The report's parts. */
export function ReconciliationPanel({
  report,
  persons,
  presence,
  movements,
  scenario,
}: {
  report: unknown;
  persons: readonly Person[];
  presence: readonly PersonPresence[];
  movements: readonly Movement[];
  scenario: ScenarioSummary | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = reconciliationRows(report, persons);
  if (rows === undefined) return <ProblemMessage error={new Error("not a reconciliation report")} />;
  return (
    <>
      <h2>{t("Reconciliation")}</h2>
      <p className="muted">{t("Person records, their entries and exits, and the departed movements' manifests compared.")}</p>
      <ul className="reconciliation-counts" data-testid="reconciliation-counts">
        {PARTS.map((part) => (
          <li key={part} data-part={part}>
            {t("{{field}}:", { field: t(PART_WORDS[part]?.title ?? part) })} <strong>{formatNumber(rows[part].length, lang)}</strong>
          </li>
        ))}
      </ul>
      {PARTS.map((part) => (
        <PartTable key={part} part={part} rows={rows[part]} presence={presence} movements={movements} scenario={scenario} persons={persons} />
      ))}
    </>
  );
}

function PartTable({
  part,
  rows,
  presence,
  movements,
  scenario,
  persons,
}: {
  part: Part;
  rows: readonly ReconciliationRow[];
  presence: readonly PersonPresence[];
  movements: readonly Movement[];
  scenario: ScenarioSummary | undefined;
  persons: readonly Person[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const words = PART_WORDS[part] ?? { title: part, help: "" };
  const id = `part-${part}`;
  const site = (s: string | undefined) => (s === undefined ? "" : (scenario?.sites.find((x) => x.id === s)?.name ?? s));
  const movement = (m: string | undefined) => {
    if (m === undefined) return "";
    const found = movements.find((x) => x.id === m);
    return found?.planRef === undefined ? m : `${found.planRef} · ${m}`;
  };
  const hasSite = rows.some((r) => r.site !== undefined);
  const hasMovement = rows.some((r) => r.movement !== undefined);
  const hasAt = rows.some((r) => r.at !== undefined);
  return (
    <section className="reconciliation-part" aria-labelledby={id} data-testid={id}>
      <div className="table-head">
        <h3 id={id}>
          {t(words.title)} ({formatNumber(rows.length, lang)})
        </h3>
        {rows.length > 0 && (
          <CsvButton
            name={t(words.title)}
            table={() => ({
              header: [t("Person"), t("Name"), t("Nationality"), ...(hasSite ? [t("Site")] : []), ...(hasMovement ? [t("Movement")] : []), ...(hasAt ? [t("When (UTC)")] : [])],
              rows: rows.map((r) => [
                r.person,
                r.name,
                r.nationality === "" ? "" : countryName(r.nationality, lang),
                ...(hasSite ? [site(r.site)] : []),
                ...(hasMovement ? [movement(r.movement)] : []),
                ...(hasAt ? [r.at === undefined ? "" : formatUtcDateTime(r.at, lang)] : []),
              ]),
            })}
          />
        )}
      </div>
      <p className="muted">{t(words.help)}</p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t("Name")}</th>
                <th scope="col">{t("Nationality")}</th>
                {hasSite && <th scope="col">{t("Site")}</th>}
                {hasMovement && <th scope="col">{t("Movement")}</th>}
                {hasAt && <th scope="col">{t("When")}</th>}
                {part === "leftUnrecorded" && <th scope="col">{t("Records")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.person}-${r.movement ?? ""}`}>
                  <th scope="row">
                    {r.name === "" ? t("(no name)") : r.name} <span className="muted">({r.person})</span>
                  </th>
                  <td>{r.nationality === "" ? "" : countryName(r.nationality, lang)}</td>
                  {hasSite && <td>{site(r.site)}</td>}
                  {hasMovement && <td>{movement(r.movement)}</td>}
                  {hasAt && <td>{r.at === undefined ? "" : <DateTime iso={r.at} />}</td>}
                  {part === "leftUnrecorded" && (
                    <td>
                      <RecordExit row={r} presence={presence.find((p) => p.person === r.person)} owner={persons.find((p) => p.id === r.person)?.owner} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Records the exit a departed manifest says happened (for those who may record exits). */
function RecordExit({ row, presence, owner }: { row: ReconciliationRow; presence: PersonPresence | undefined; owner: string | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const record = useMutation({
    mutationFn: () => api.send("POST", `/api/persons/${encodeURIComponent(row.person)}/exits`, { body: { movement: row.movement }, ifMatch: presence?.version ?? 0 }),
    onSuccess: () => refresh(),
  });
  if (owner === undefined || presence?.status !== "in_country" || !can("record_exit", { type: "personnel_event", owner })) return null;
  return (
    <>
      <Button className="button" isDisabled={record.isPending} onPress={() => record.mutate()} aria-label={t("Record the exit of {{name}}", { name: row.name })}>
        {t("Record the exit")}
      </Button>
      {record.error !== null && <ProblemMessage error={record.error} />}
    </>
  );
}
