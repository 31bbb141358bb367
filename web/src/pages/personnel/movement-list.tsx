/**
 * The movements (sorties, convoys, airline seats) with how many are booked and how many are on
 * board, filtered and in departure order; a row opens the movement's manifest. The departing
 * party's planners may create the plan's movements that do not exist yet (drafting clearances
 * creates the sorties' own).
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Input, Label, SearchField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Can } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { ListOf, Movement, ScenarioSummary } from "../../api/contract.ts";
import { formatNumber, formatUtcDateTime } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { ALL_MOVEMENTS, listedMovements, type MovementFilter } from "./movement-filter.ts";
import { useRefreshPersonnel } from "./use-personnel.ts";

/** The movements section. */
export function MovementList({
  movements,
  scenario,
  owner,
  onOpen,
}: {
  movements: readonly Movement[];
  scenario: ScenarioSummary | undefined;
  owner: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [filter, setFilter] = useState<MovementFilter>({ ...ALL_MOVEMENTS, status: "to_leave" });
  const site = (id: string) => scenario?.sites.find((s) => s.id === id)?.name ?? id;
  const shown = listedMovements(movements, filter);
  const set = (patch: Partial<MovementFilter>) => setFilter({ ...filter, ...patch });
  return (
    <>
      {owner !== undefined && <CreateFromPlan owner={owner} />}
      <div className="table-head">
        <h2 id="movements-heading">{t("Movements and manifests")}</h2>
        <CsvButton
          name={t("Movements")}
          table={() => ({
            header: [t("Movement"), t("Plan reference"), t("Kind"), t("State"), t("From"), t("To"), t("Departs (UTC)"), t("Departed (UTC)"), t("Booked"), t("On the manifest")],
            rows: shown.map((m) => [
              m.id,
              m.planRef,
              t(MOVEMENT_KINDS[m.kind] ?? m.kind),
              t(MOVEMENT_STATUSES[m.status] ?? m.status),
              site(m.from),
              site(m.to),
              formatUtcDateTime(m.departAt, lang),
              m.departedAt === undefined ? "" : formatUtcDateTime(m.departedAt, lang),
              m.plannedPassengers,
              m.manifest.passengers,
            ]),
          })}
        />
      </div>
      <div className="filters" role="group" aria-label={t("Filters")}>
        <SelectField
          label={t("State")}
          value={filter.status}
          onChange={(status) => set({ status })}
          options={[
            { id: "all", label: t("All states") },
            { id: "to_leave", label: t("Still to leave") },
            ...Object.entries(MOVEMENT_STATUSES).map(([id, label]) => ({ id, label: t(label) })),
          ]}
        />
        <SelectField
          label={t("Kind")}
          value={filter.kind}
          onChange={(kind) => set({ kind })}
          options={[{ id: "all", label: t("All kinds") }, ...Object.entries(MOVEMENT_KINDS).map(([id, label]) => ({ id, label: t(label) }))]}
        />
        <SelectField
          label={t("Site")}
          value={filter.site}
          onChange={(s) => set({ site: s })}
          options={[{ id: "all", label: t("All sites") }, ...(scenario?.sites ?? []).map((s) => ({ id: s.id, label: s.name }))]}
        />
        <SearchField className="field" value={filter.text} onChange={(text) => set({ text })}>
          <Label>{t("Movement or plan reference")}</Label>
          <Input />
        </SearchField>
      </div>
      <p className="muted" aria-live="polite" data-testid="movements-count">
        {t("Movements shown: {{shown}} of {{total}}", { shown: formatNumber(shown.length, lang), total: formatNumber(movements.length, lang) })}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="movements-heading" data-testid="movement-table">
          <thead>
            <tr>
              <th scope="col">{t("Movement")}</th>
              <th scope="col">{t("Kind")}</th>
              <th scope="col">{t("State")}</th>
              <th scope="col">{t("From")}</th>
              <th scope="col">{t("To")}</th>
              <th scope="col">{t("Departs")}</th>
              <th scope="col">{t("Booked")}</th>
              <th scope="col">{t("On the manifest")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {movements.length === 0 ? t("No movement is recorded yet.") : t("No movement matches these filters.")}
                </td>
              </tr>
            )}
            {shown.map((m) => (
              <tr key={m.id} data-plan-ref={m.planRef}>
                <th scope="row">
                  <Button className="link-button" onPress={() => onOpen(m.id)}>
                    {m.planRef === undefined ? m.id : `${m.planRef} · ${m.id}`}
                  </Button>
                </th>
                <td>{t(MOVEMENT_KINDS[m.kind] ?? m.kind)}</td>
                <td>
                  <span className={`state state-movement-${m.status}`}>{t(MOVEMENT_STATUSES[m.status] ?? m.status)}</span>
                </td>
                <td>{site(m.from)}</td>
                <td>{site(m.to)}</td>
                <td>
                  <DateTime iso={m.departedAt ?? m.departAt} />
                </td>
                <td>{formatNumber(m.plannedPassengers, lang)}</td>
                <td>{formatNumber(m.manifest.passengers, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "Create the plan's movements", for those who may create the departing party's movements. */
function CreateFromPlan({ owner }: { owner: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const create = useMutation({ mutationFn: () => api.send<ListOf<Movement>>("POST", "/api/movements/from-plan", { body: {} }), onSuccess: () => refresh() });
  return (
    <Can action="create" on={{ type: "movement", owner }}>
      <div className="bulk-bar">
        <p>{t("Convoys and airline seats get their movements here; sorties get theirs when their clearances are drafted.")}</p>
        <Button className="button" onPress={() => create.mutate()} isDisabled={create.isPending}>
          {t("Create the plan's movements")}
        </Button>
        {create.data !== undefined && (
          <p role="status" data-testid="created-movements">
            {t("Movements created: {{n}}", { n: formatNumber(create.data.items.length, lang) })}
          </p>
        )}
        {create.error !== null && <ProblemMessage error={create.error} />}
      </div>
    </Can>
  );
}
