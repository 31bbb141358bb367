/** Clearance requests by country and state. */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Report } from "../../api/contract.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CLEARANCE_STATES } from "./report-words.ts";
import { ReportTable } from "./report-table.tsx";

/** The clearances section. */
export function ReportClearances({ clearances: c }: { clearances: Report["clearances"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const statuses = c.statuses.filter((s) => c.byCountry.some((x) => (x.counts[s] ?? 0) > 0));
  const state = (s: string) => t(CLEARANCE_STATES[s] ?? s);
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{t("Clearances by state")}</h3>
      {c.total === 0 ? (
        <p>{t("No clearance request has been drafted yet.")}</p>
      ) : (
        <ReportTable
          name={t("Clearance requests by country and state")}
          testId="report-clearances"
          header={[t("Country"), ...statuses.map(state), t("Total")]}
          rows={c.byCountry.map((x) => ({
            key: x.country,
            cells: [countryName(x.country, lang), ...statuses.map((s) => formatNumber(x.counts[s] ?? 0, lang)), formatNumber(x.total, lang)],
            csv: [countryName(x.country, lang), ...statuses.map((s) => x.counts[s] ?? 0), x.total],
          }))}
        />
      )}
    </section>
  );
}
