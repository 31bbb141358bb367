/**
 * Personnel: who is in the country by the records, and how they leave. The headcount now and by
 * site over time; the movements with their manifests (who is on which flight, convoy or airline
 * seat) and, for the departing party's planners, scheduling, boarding and departure; the persons
 * with where each is (the host sees names and nationalities, not document numbers) and the
 * recording of entries and moves; and the reconciliation (who is still in the country, who left
 * unrecorded).
 */
import { useCallback } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { departingParty, useScenario } from "../../api/use-scenario.ts";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { HeadcountNow, HeadcountOverTime } from "./headcount-panel.tsx";
import { MovementDialog } from "./movement-dialog.tsx";
import { MovementList } from "./movement-list.tsx";
import { PeoplePanel } from "./people-panel.tsx";
import { ReconciliationPanel } from "./reconciliation-panel.tsx";
import { useHeadcountSeries, useMovements, usePersons, usePresence, useReconciliation } from "./use-personnel.ts";

const TABS = ["movements", "people", "headcount", "reconciliation"] as const;

/** The Personnel page. */
export function PersonnelPage() {
  const { t } = useTranslation();
  const scenario = useScenario();
  const persons = usePersons();
  const presence = usePresence();
  const movements = useMovements();
  const series = useHeadcountSeries();
  const report = useReconciliation();
  const [params, setParams] = useSearchParams();
  const owner = departingParty(scenario.data);
  const siteName = useCallback((id: string) => scenario.data?.sites.find((s) => s.id === id)?.name ?? id, [scenario.data]);
  const tab = TABS.find((x) => x === params.get("tab")) ?? "movements";
  const openMovement = params.get("movement");

  const header = (
    <PageHeader title={t("Personnel")}>
      <p className="subtitle">{t("Who is in the country by the records, and on which movement each leaves.")}</p>
    </PageHeader>
  );
  const queries = [persons, presence, movements, series, report];
  const failed = queries.find((q) => q.isError);
  if (failed !== undefined)
    return (
      <>
        {header}
        <ProblemMessage error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      </>
    );
  if (persons.data === undefined || presence.data === undefined || movements.data === undefined || series.data === undefined) return <Loading />;
  const people = persons.data.items;
  const where = presence.data.items;
  const moves = movements.data.items;
  return (
    <div className="personnel-page">
      {header}
      <HeadcountNow series={series.data} siteName={siteName} />
      <Tabs className="tabs" selectedKey={tab} onSelectionChange={(k) => setParams((p) => (p.set("tab", String(k)), p))}>
        <TabList aria-label={t("Personnel")} className="tab-list">
          <Tab id="movements" className="tab">
            {t("Movements")}
          </Tab>
          <Tab id="people" className="tab">
            {t("People")}
          </Tab>
          <Tab id="headcount" className="tab">
            {t("Headcount over time")}
          </Tab>
          <Tab id="reconciliation" className="tab">
            {t("Reconciliation")}
          </Tab>
        </TabList>
        <TabPanel id="movements" className="tab-panel panel">
          <MovementList movements={moves} scenario={scenario.data} owner={owner} onOpen={(id) => setParams((p) => (p.set("movement", id), p))} />
        </TabPanel>
        <TabPanel id="people" className="tab-panel panel">
          <PeoplePanel persons={people} presence={where} movements={moves} scenario={scenario.data} owner={owner} />
        </TabPanel>
        <TabPanel id="headcount" className="tab-panel panel">
          <h2>{t("Headcount by site over time")}</h2>
          <HeadcountOverTime series={series.data} siteName={siteName} />
        </TabPanel>
        <TabPanel id="reconciliation" className="tab-panel panel">
          {report.data === undefined ? <Loading /> : <ReconciliationPanel report={report.data} persons={people} presence={where} movements={moves} scenario={scenario.data} />}
        </TabPanel>
      </Tabs>
      <MovementDialog id={openMovement} onClose={() => setParams((p) => (p.delete("movement"), p))} scenario={scenario.data} persons={people} presence={where} />
    </div>
  );
}
