/**
 * Clearances: the landing and overflight requests to the host. The departing party's planners
 * draft them from the plan in bulk, complete, submit (one or many), answer amendments and
 * withdraw; the host's clearance officers work the queue — approve with a clearance number and
 * validity window, deny with a reason, or amend. Everyone else reads. Filters, sorting,
 * lead-time warnings by the server's clock, each request's history, and CSV export.
 */
import { useMemo, useState } from "react";
import type { Selection } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCan } from "../../abilities/can.tsx";
import { departingParty, useScenario } from "../../api/use-scenario.ts";
import { countryName, formatNumber, formatUtcDateTime } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { useServerNow } from "../../ui/server-now.ts";
import { BulkSubmit } from "./bulk-submit.tsx";
import { ClearanceDialog } from "./clearance-dialog.tsx";
import { type ClearanceFilter, distinct, matches, NO_FILTER, type SortColumn, sortViews } from "./clearance-filter.ts";
import { ClearanceFilters } from "./clearance-filters.tsx";
import { ClearanceTable } from "./clearance-table.tsx";
import { viewOf } from "./clearance-view.ts";
import { CLEARANCE_KINDS, CLEARANCE_STATUSES } from "./clearance-words.ts";
import { DraftFromPlan } from "./draft-from-plan.tsx";
import { leadTimeWarning } from "./lead-time.ts";
import { useClearanceList, useLeadTimeThresholds } from "./use-clearances.ts";

/** The Clearances page. */
export function ClearancesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useClearanceList();
  const scenario = useScenario();
  const can = useCan();
  const now = useServerNow();
  const thresholds = useLeadTimeThresholds();
  const [params, setParams] = useSearchParams();
  const owner = departingParty(scenario.data);
  // The host's officers start on their queue; everyone else on every request.
  const decides = owner !== undefined && can("approve", { type: "clearance_request", owner });
  const [chosenFilter, setFilter] = useState<ClearanceFilter | null>(null);
  const filter = chosenFilter ?? { ...NO_FILTER, status: decides ? "awaiting_host" : "all" };
  const [sort, setSort] = useState<{ column: SortColumn; direction: "ascending" | "descending" }>({ column: "flight", direction: "ascending" });
  const [selected, setSelected] = useState<Selection>(new Set());

  const views = useMemo(() => (list.data?.items ?? []).map(viewOf), [list.data]);
  const shown = useMemo(() => sortViews(views.filter((v) => matches(v, filter)), sort.column, sort.direction), [views, filter, sort]);
  const submittable = useMemo(() => new Set(shown.filter((v) => v.request.status === "draft" && v.request.abilities.includes("submit")).map((v) => v.request.id)), [shown]);
  const chosen = shown.filter((v) => submittable.has(v.request.id) && (selected === "all" || selected.has(v.request.id)));
  const selectable = owner !== undefined && can("submit", { type: "clearance_request", owner });
  const open = params.get("request");
  const site = (id: string) => scenario.data?.sites.find((s) => s.id === id)?.name ?? id;

  const header = (
    <PageHeader title={t("Clearances")}>
      <p className="subtitle">{t("Landing and overflight requests to the host country: filed by the departing party, decided by the host.")}</p>
    </PageHeader>
  );
  if (list.isPending) return <Loading />;
  if (list.isError)
    return (
      <>
        {header}
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      </>
    );
  return (
    <div className="clearances-page">
      {header}
      {owner !== undefined && <DraftFromPlan owner={owner} />}
      <section className="panel" aria-labelledby="requests-heading">
        <div className="table-head">
          <h2 id="requests-heading">{decides ? t("The queue") : t("Requests")}</h2>
          <CsvButton
            name={t("Clearance requests")}
            table={() => ({
              header: [t("Request"), t("Sortie"), t("State"), t("Country"), t("Kind"), t("Airfield"), t("Aircraft"), t("Call sign"), t("Enters the country (UTC)"), t("Leaves the country (UTC)"), t("File by (UTC)"), t("Lead time"), t("Clearance number"), t("Valid from (UTC)"), t("Valid to (UTC)"), t("Reason")],
              rows: shown.map((v) => {
                const w = now === undefined ? undefined : leadTimeWarning(v, now, thresholds);
                const utc = (iso: string | undefined) => (iso === undefined || iso === "" ? "" : formatUtcDateTime(iso, lang));
                return [
                  v.request.id,
                  v.source?.sortie,
                  t(CLEARANCE_STATUSES[v.request.status] ?? v.request.status),
                  countryName(v.request.country, lang),
                  t(CLEARANCE_KINDS[v.request.kind] ?? v.request.kind),
                  v.details.airfield === undefined ? "" : site(v.details.airfield),
                  `${v.details.aircraft.type} ${v.details.aircraft.tailNumber}`,
                  v.details.aircraft.callSign,
                  utc(v.details.firstAt),
                  utc(v.details.lastAt),
                  utc(v.source?.latestFilingAt),
                  w === undefined ? "" : w.severity === "critical" ? t("Critical") : t("Warning"),
                  v.clearance?.number,
                  utc(v.clearance?.validFrom),
                  utc(v.clearance?.validTo),
                  v.denial?.reason ?? v.amendment?.reason ?? v.cancellation?.reason,
                ];
              }),
            })}
          />
        </div>
        <ClearanceFilters filter={filter} onChange={setFilter} countries={distinct(views, (v) => [v.request.country])} scenario={scenario.data} />
        <p className="muted" aria-live="polite" data-testid="shown-count">
          {t("Requests shown: {{shown}} of {{total}}", { shown: formatNumber(shown.length, lang), total: formatNumber(views.length, lang) })}
        </p>
        {/* Kept while there is nothing left to submit: it shows the last submission's result. */}
        {selectable && <BulkSubmit chosen={chosen} onDone={() => setSelected(new Set())} />}
        <ClearanceTable
          views={shown}
          selectable={selectable && submittable.size > 0}
          selectableIds={submittable}
          selected={selected}
          onSelectionChange={setSelected}
          sort={sort}
          onSortChange={setSort}
          onOpen={(id) => setParams((p) => (p.set("request", id), p))}
          now={now}
          thresholds={thresholds}
        />
      </section>
      <ClearanceDialog id={open} onClose={() => setParams((p) => (p.delete("request"), p))} now={now} thresholds={thresholds} scenario={scenario.data} />
    </div>
  );
}
