/**
 * Plan: a published plan version as a Gantt — sorties by aircraft, convoys by road route, airline
 * seats by airport — zoomable and pannable, each sortie coloured by where its clearance requests
 * stand on the server; a sortie opens its load plan. Tables under the chart give the same, with CSV.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-aria-components";
import { useApi } from "../../api/api-context.tsx";
import type { ListOf, PlanGantt, PlanVersion } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { useServerNow } from "../../ui/server-now.ts";
import { shortName } from "../../ui/site-name.ts";
import { GanttChart } from "./gantt-chart.tsx";
import { ganttRows, planExtent } from "./gantt-model.ts";
import type { Domain } from "./gantt-view.ts";
import { LoadPlanDialog } from "./load-plan-dialog.tsx";
import { GroundTables, SortieTable } from "./movement-tables.tsx";
import { CLEARANCE_COLOURS, CLEARANCE_STATES, CONVOY_COLOUR, SEATS_COLOUR } from "./plan-words.ts";
import "./plan.css";

/** The Plan page. */
export function PlanPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [chosen, setChosen] = useState<string | null>(null);
  const versions = useQuery({ queryKey: ["plans"], queryFn: ({ signal }) => api.get<ListOf<PlanVersion>>("/api/plans", signal) });
  const baseline = versions.data?.items.find((v) => v.status === "baseline") ?? versions.data?.items.at(-1);
  const versionId = chosen ?? baseline?.id ?? null;
  const gantt = useQuery({
    queryKey: ["plan-gantt", versionId],
    queryFn: ({ signal }) => api.get<PlanGantt>(`/api/plans/${encodeURIComponent(versionId ?? "")}/gantt`, signal),
    enabled: versionId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  if (versions.isPending) return <Loading />;
  if (versions.isError)
    return (
      <>
        <PageHeader title={t("Plan")} />
        <ProblemMessage error={versions.error} onRetry={() => void versions.refetch()} />
      </>
    );
  const items = versions.data.items;
  if (items.length === 0 || versionId === null)
    return (
      <>
        <PageHeader title={t("Plan")} />
        <section className="panel" data-testid="no-plan">
          <h2>{t("No plan is published yet")}</h2>
          <p>
            {t("The departing party's planners run the planner and publish a plan on the Scenario page.")} <Link href="/scenario">{t("Go to the Scenario page")}</Link>
          </p>
        </section>
      </>
    );
  return (
    <div className="plan-page">
      <PageHeader title={t("Plan")}>
        <Select className="version-select" selectedKey={versionId} onSelectionChange={(k) => setChosen(String(k))}>
          <Label>{t("Plan version")}</Label>
          <Button className="button">
            <SelectValue />
          </Button>
          <Popover className="popover">
            <ListBox className="listbox">
              {[...items].reverse().map((v) => (
                <ListBoxItem key={v.id} id={v.id} className="listbox-item" textValue={t("Version {{n}}", { n: v.number })}>
                  {v.status === "baseline" ? t("Version {{n}} (baseline)", { n: v.number }) : t("Version {{n}}", { n: v.number })}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      </PageHeader>
      {gantt.isPending ? (
        <Loading />
      ) : gantt.isError ? (
        <ProblemMessage error={gantt.error} onRetry={() => void gantt.refetch()} />
      ) : (
        <PlanView key={gantt.data.version.id} gantt={gantt.data} />
      )}
    </div>
  );
}

function PlanView({ gantt }: { gantt: PlanGantt }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useServerNow();
  const rows = useMemo(() => ganttRows(gantt), [gantt]);
  const bounds = useMemo<Domain>(() => planExtent(gantt), [gantt]);
  const [domain, setDomain] = useState<Domain>(bounds);
  const [open, setOpen] = useState<string | null>(null);
  const deferred = useDeferredValue(domain);
  const names = useMemo(() => new Map(gantt.sites.map((s) => [s.id, shortName(s.name)])), [gantt.sites]);
  const siteName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const onOpen = useCallback((id: string) => setOpen(id), []);
  return (
    <>
      <p className="subtitle" data-testid="plan-version">
        {t("Version {{n}}, published", { n: gantt.version.number })} <DateTime iso={gantt.version.publishedAt} /> ·{" "}
        {t("{{sorties}} sorties, {{convoys}} convoys, {{seats}} airline bookings", {
          sorties: formatNumber(gantt.sorties.length, lang),
          convoys: formatNumber(gantt.convoys.length, lang),
          seats: formatNumber(gantt.seats.length, lang),
        })}{" "}
        · {t("closes")} <DateTime iso={gantt.closureAt} />
      </p>
      <section className="panel" aria-labelledby="gantt-heading">
        <h2 id="gantt-heading">{t("Sorties by aircraft, convoys and airline seats")}</h2>
        <ul className="legend" aria-label={t("Legend")} data-testid="gantt-legend">
          {(Object.keys(CLEARANCE_STATES) as (keyof typeof CLEARANCE_STATES)[]).map((k) => (
            <li key={k}>
              <span className={`swatch swatch-area${k === "pending" ? " swatch-hatch" : ""}`} style={{ background: CLEARANCE_COLOURS[k] }} /> {t("Sortie: {{state}}", { state: t(CLEARANCE_STATES[k]) })}
            </li>
          ))}
          <li>
            <span className="swatch swatch-area" style={{ background: CONVOY_COLOUR }} /> {t("Convoy")}
          </li>
          <li>
            <span className="swatch swatch-area" style={{ background: SEATS_COLOUR }} /> {t("Airline seats")}
          </li>
          <li>{t("Lighter: a leg without load (positioning).")}</li>
        </ul>
        <GanttChart gantt={gantt} rows={rows} domain={domain} bounds={bounds} onDomain={setDomain} onOpen={onOpen} selected={open} now={now} />
      </section>
      <SortieTable gantt={gantt} domain={deferred} siteName={siteName} onOpen={onOpen} />
      <GroundTables gantt={gantt} siteName={siteName} />
      <LoadPlanDialog versionId={gantt.version.id} sortie={open} siteName={siteName} onClose={() => setOpen(null)} />
    </>
  );
}
