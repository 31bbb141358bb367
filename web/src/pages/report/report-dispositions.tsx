/** Asset disposition: what became of the cargo lines, by what the scenario intended for them. */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Report } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DISPOSITION_INTENTS } from "./report-words.ts";
import { ReportTable } from "./report-table.tsx";

/** The disposition section. */
export function ReportDispositions({ dispositions: d }: { dispositions: Report["dispositions"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{t("Asset disposition")}</h3>
      {d.byIntent.length === 0 ? (
        <p>{t("No cargo line's disposition is open yet.")}</p>
      ) : (
        <ReportTable
          name={t("Cargo lines by intended disposition")}
          testId="report-dispositions"
          header={[t("Intended"), t("Lines"), t("Pieces"), t("Withdrawn"), t("Handed over"), t("Disposed of"), t("Not accounted for yet"), t("Lines complete")]}
          rows={d.byIntent.map((x) => ({
            key: x.intended,
            cells: [t(DISPOSITION_INTENTS[x.intended] ?? x.intended), n(x.lines), n(x.quantity), n(x.withdrawn), n(x.handedOver), n(x.disposed), n(x.remaining), n(x.complete)],
            csv: [t(DISPOSITION_INTENTS[x.intended] ?? x.intended), x.lines, x.quantity, x.withdrawn, x.handedOver, x.disposed, x.remaining, x.complete],
          }))}
        />
      )}
    </section>
  );
}
