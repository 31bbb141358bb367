/** Movements: how many of each kind are in each state, those done and those still to go. */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Report, ReportMovement } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { type ReportRow, ReportTable } from "./report-table.tsx";

/** Rows shown of each list; the CSV has them all. */
export const LIST_LIMIT = 15;

/** The movements section; `siteName` names a site id. */
export function ReportMovements({ movements: m, siteName }: { movements: Report["movements"]; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const statuses = m.statuses.filter((s) => m.byKind.some((k) => (k.counts[s] ?? 0) > 0));
  const kind = (k: string) => t(MOVEMENT_KINDS[k] ?? k);
  const status = (s: string) => t(MOVEMENT_STATUSES[s] ?? s);
  const header = [t("Movement"), t("Kind"), t("From"), t("To"), t("Departure"), t("Arrival"), t("Passengers"), t("Status")];
  const csvHeader = [t("Movement"), t("Kind"), t("From"), t("To"), t("Planned departure (UTC)"), t("Planned arrival (UTC)"), t("Departed (UTC)"), t("Arrived (UTC)"), t("Passengers"), t("Status")];
  const row = (x: ReportMovement): ReportRow => ({
    key: x.id,
    cells: [
      x.planRef ?? x.id,
      kind(x.kind),
      siteName(x.from),
      siteName(x.to),
      <DateTime key="d" iso={x.departedAt ?? x.departAt} />,
      <DateTime key="a" iso={x.arrivedAt ?? x.arriveAt} />,
      formatNumber(x.passengers, lang),
      status(x.status),
    ],
    csv: [x.planRef ?? x.id, kind(x.kind), siteName(x.from), siteName(x.to), x.departAt, x.arriveAt, x.departedAt, x.arrivedAt, x.passengers, status(x.status)],
  });
  const more = (n: number) => t("{{n}} more in the CSV file.", { n: formatNumber(n, lang) });
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{t("Movements")}</h3>
      <ReportTable
        name={t("Movements by kind and state")}
        testId="report-movement-counts"
        header={[t("Kind"), ...statuses.map(status), t("Total")]}
        rows={m.byKind.map((k) => ({
          key: k.kind,
          cells: [kind(k.kind), ...statuses.map((s) => formatNumber(k.counts[s] ?? 0, lang)), formatNumber(k.total, lang)],
          csv: [kind(k.kind), ...statuses.map((s) => k.counts[s] ?? 0), k.total],
        }))}
      />
      {m.done.length === 0 ? (
        <p>{t("No movement has departed yet.")}</p>
      ) : (
        <ReportTable name={t("Movements done")} testId="report-movements-done" header={header} csvHeader={csvHeader} rows={m.done.map(row)} limit={LIST_LIMIT} more={more(m.done.length - LIST_LIMIT)} />
      )}
      {m.planned.length === 0 ? (
        <p>{t("No movement is left to go.")}</p>
      ) : (
        <ReportTable name={t("Movements planned")} testId="report-movements-planned" header={header} csvHeader={csvHeader} rows={m.planned.map(row)} limit={LIST_LIMIT} more={more(m.planned.length - LIST_LIMIT)} />
      )}
    </section>
  );
}
