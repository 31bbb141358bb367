/**
 * Scenario: the facts the plan rests on (each figure with its source or marked an assumption);
 * importing a unit's cargo spreadsheet or personnel roster with a preview of every row's problems
 * (the departing party's planners); running the planner with a progress bar (those who publish plans); and
 * comparing what-if variants side by side (everyone).
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Can } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { ScenarioFacts } from "../../api/contract.ts";
import { departingParty, useScenario } from "../../api/use-scenario.ts";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { shortName } from "../../ui/site-name.ts";
import { FactsPanel } from "./facts-panel.tsx";
import { ImportPanel } from "./import-panel.tsx";
import { RosterImportPanel } from "./roster-import-panel.tsx";
import { RunPanel } from "./run-panel.tsx";
import { WhatIfPanel } from "./whatif-panel.tsx";
import "./scenario.css";

/** The query key of the scenario's facts. */
export const FACTS_KEY = ["scenario-facts"] as const;

/** The Scenario page. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const api = useApi();
  const scenario = useScenario();
  const owner = departingParty(scenario.data);
  const facts = useQuery({ queryKey: FACTS_KEY, queryFn: ({ signal }) => api.get<ScenarioFacts>("/api/scenario/facts", signal) });
  if (facts.isPending) return <Loading />;
  if (facts.isError)
    return (
      <>
        <PageHeader title={t("Scenario")} />
        <ProblemMessage error={facts.error} onRetry={() => void facts.refetch()} />
      </>
    );
  const f = facts.data;
  const siteName = (id: string) => shortName(f.sites.find((s) => s.id === id)?.name ?? id);
  return (
    <div className="scenario-page">
      <PageHeader title={t("Scenario")}>
        <p className="subtitle" data-testid="scenario-name">
          {f.name} · {t("version {{n}}", { n: f.version })}
        </p>
      </PageHeader>
      {f.description !== null && (
        <p className="scenario-description" lang="en">
          {f.description}
        </p>
      )}
      {owner !== undefined && (
        <>
          <Can action="publish" on={{ type: "plan_version", owner }}>
            <RunPanel />
          </Can>
          <Can action="create" on={{ type: "cargo_disposition", owner }}>
            <ImportPanel version={f.version} siteName={siteName} />
          </Can>
          <Can action="create" on={{ type: "person", owner }}>
            <RosterImportPanel siteName={siteName} />
          </Can>
        </>
      )}
      <WhatIfPanel facts={f} />
      <FactsPanel facts={f} />
    </div>
  );
}
