/**
 * One language's half of the joint report: the title, then status against the deadline and per
 * site, movements, clearances, personnel, asset disposition and the record to check it against.
 * The page shows it twice, in English then in French, each half in its own language.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Overview, Report, ScenarioSummary } from "../../api/contract.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { shortName } from "../../ui/site-name.ts";
import { ReportClearances } from "./report-clearances.tsx";
import { ReportDispositions } from "./report-dispositions.tsx";
import { ReportMovements } from "./report-movements.tsx";
import { ReportPersonnel } from "./report-personnel.tsx";
import { ReportRecord } from "./report-record.tsx";
import { ReportStatus } from "./report-status.tsx";

/** The report's data. */
export interface ReportData {
  readonly report: Report;
  readonly overview: Overview;
  readonly scenario: ScenarioSummary;
}

/** One half, in the language of the i18next instance around it. */
export function ReportDocument({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const id = useId();
  const { report: r, overview, scenario } = data;
  const names = new Map(scenario.sites.map((s) => [s.id, shortName(s.name)]));
  const siteName = (site: string) => names.get(site) ?? site;
  const departing = r.parties.find((p) => p.role === "departing");
  const host = r.parties.find((p) => p.role === "host");
  return (
    <div className="report-document">
      <header className="report-title">
        <h2 id={id}>{t("Joint progress report")}</h2>
        <p className="report-subtitle">
          {t("Joint Disengagement Commission")} · {r.scenario.name}
        </p>
        <p>
          {t("Between {{departing}} (departing) and {{host}} (host).", { departing: departing?.name ?? "", host: host?.name ?? "" })}{" "}
          {t("Figures as of")} <DateTime iso={r.at} />.
        </p>
      </header>
      <ReportStatus overview={overview} />
      <ReportMovements movements={r.movements} siteName={siteName} />
      <ReportClearances clearances={r.clearances} />
      <ReportPersonnel personnel={r.personnel} siteName={siteName} />
      <ReportDispositions dispositions={r.dispositions} />
      <ReportRecord ledger={r.ledger} parties={r.parties} />
    </div>
  );
}
