/**
 * Personnel in and out, by the records of entries and exits: who is in the country now, per
 * site, and what the reconciliation still has to explain.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Report } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ReportTable } from "./report-table.tsx";

/** The personnel section. */
export function ReportPersonnel({ personnel: p, siteName }: { personnel: Report["personnel"]; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const n = (x: number) => formatNumber(x, lang);
  const r = p.reconciliation;
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{t("Personnel in and out")}</h3>
      <p data-testid="report-headcount">{t("By the records of entries and exits, {{n}} people are in the country now.", { n: n(p.headcount) })}</p>
      {p.bySite.length > 0 && (
        <ReportTable
          name={t("Personnel records per site")}
          testId="report-personnel"
          header={[t("Site"), t("There now"), t("Entries"), t("Exits"), t("Transfers in"), t("Transfers out")]}
          rows={p.bySite.map((s) => ({
            key: s.site,
            cells: [siteName(s.site), n(s.present), n(s.entries), n(s.exits), n(s.transfersIn), n(s.transfersOut)],
            csv: [siteName(s.site), s.present, s.entries, s.exits, s.transfersIn, s.transfersOut],
          }))}
        />
      )}
      <ReportTable
        name={t("Reconciliation")}
        testId="report-reconciliation"
        header={[t("Persons"), t("Number")]}
        rows={[
          { key: "in", label: t("In the country by the records"), value: r.inCountry },
          { key: "left", label: t("Left, with an exit recorded"), value: r.left },
          { key: "unrecorded", label: t("On a departed manifest, no exit recorded"), value: r.leftUnrecorded },
          { key: "no-manifest", label: t("Exit recorded, not on the movement's manifest"), value: r.exitWithoutManifest },
          { key: "never", label: t("Registered, never entered"), value: r.neverEntered },
        ].map((x) => ({ key: x.key, cells: [x.label, n(x.value)], csv: [x.label, x.value] }))}
      />
    </section>
  );
}
