/**
 * Overview: where the withdrawal stands against the deadline. Days left, the forecast closure
 * with its slack, the burndown of people and cargo per site (plan, actual, deadline), each site's
 * closure, and what needs attention now.
 */
import { useTranslation } from "react-i18next";
import { loadChart } from "../../ui/lazy-chart.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { AlertList } from "./alert-list.tsx";
import { BurndownPanel } from "./burndown-panel.tsx";
import { HeadlineFigures } from "./headline-figures.tsx";
import { NoPlanYet } from "./publish-plan.tsx";
import { SiteTable } from "./site-table.tsx";
import { useOverview } from "./use-overview.ts";

// echarts is most of the page's weight: ask for it as soon as the page loads, so it downloads and
// parses while the session and `/api/overview` are in flight, not after they answer. A failure
// here is the chart's to show when it asks again.
loadChart().catch(() => undefined);

/** The Overview page. */
export function OverviewPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return (
      <>
        <PageHeader title={t("Overview")} />
        <ProblemMessage error={overview.error} onRetry={() => void overview.refetch()} />
      </>
    );
  const o = overview.data;
  return (
    <div className="overview">
      <PageHeader title={t("Overview")}>
        <p className="subtitle">{o.scenario.name}</p>
      </PageHeader>
      <HeadlineFigures overview={o} />
      {o.baseline === null ? (
        <NoPlanYet />
      ) : (
        <>
          {(o.baseline.unplanned > 0 || !o.baseline.meetsDeadline) && (
            <div className="problem" data-testid="plan-warning">
              {o.baseline.unplanned > 0 && (
                <p>{t("The published plan is incomplete: the planner could not move {{n}} groups or cargo lines, so its burndown does not reach zero.", { n: o.baseline.unplanned })}</p>
              )}
              {!o.baseline.meetsDeadline && <p>{t("The published plan closes after the deadline.")}</p>}
            </div>
          )}
          <section className="panel" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">{t("Needs attention")}</h2>
            <AlertList overview={o} />
          </section>
          <section className="panel" aria-labelledby="burndown-heading">
            <h2 id="burndown-heading">{t("Burndown")}</h2>
            <BurndownPanel overview={o} />
          </section>
          <section className="panel" aria-labelledby="sites-heading">
            <h2 id="sites-heading">{t("Sites")}</h2>
            <SiteTable sites={o.sites} />
          </section>
        </>
      )}
    </div>
  );
}
