/**
 * Report: the Commission's joint progress report, bilingual — the whole report in English, then
 * in French — with a CSV file for every table. The server prints this very page to PDF (its
 * print stylesheet: no frame, no buttons, the French half on a new page); `data-report-ready`
 * tells the printer the figures are in.
 */
import { useQuery } from "@tanstack/react-query";
import { I18nextProvider, useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import type { Report } from "../../api/contract.ts";
import { useScenario } from "../../api/use-scenario.ts";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { useOverview } from "../overview/use-overview.ts";
import { ReportDocument } from "./report-document.tsx";
import { fixedLanguage } from "./report-languages.ts";
import { ReportTools } from "./report-tools.tsx";
import "./report.css";

/** The Report page. */
export function ReportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const report = useQuery({ queryKey: ["report"], queryFn: ({ signal }) => api.get<Report>("/api/report", signal), refetchInterval: 60_000 });
  const overview = useOverview();
  const scenario = useScenario();
  const header = (
    <PageHeader title={t("Report")}>
      <p className="subtitle">{t("The joint progress report, in English and in French")}</p>
    </PageHeader>
  );
  // The header stays at one place in the tree in every state, so the focus it takes on arrival stays.
  if (report.isPending || overview.isPending || scenario.isPending)
    return (
      <div className="report">
        {header}
        <Loading />
      </div>
    );
  const error = report.error ?? overview.error ?? scenario.error;
  if (error !== null || report.data === undefined || overview.data === undefined || scenario.data === undefined)
    return (
      <div className="report" data-report-error="">
        {header}
        <ProblemMessage error={error} onRetry={() => void Promise.all([report.refetch(), overview.refetch(), scenario.refetch()])} />
      </div>
    );
  const data = { report: report.data, overview: overview.data, scenario: scenario.data };
  return (
    <div className="report" data-report-ready="">
      {header}
      <ReportTools scenarioId={report.data.scenario.id} />
      <article className="report-half" lang="en" data-testid="report-en">
        <I18nextProvider i18n={fixedLanguage("en")}>
          <ReportDocument data={data} />
        </I18nextProvider>
      </article>
      <article className="report-half" lang="fr-NE" data-testid="report-fr">
        <I18nextProvider i18n={fixedLanguage("fr")}>
          <ReportDocument data={data} />
        </I18nextProvider>
      </article>
    </div>
  );
}
