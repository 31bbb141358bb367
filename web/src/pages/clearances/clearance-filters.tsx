/** The queue's filters: state, country, kind, site, flight days (UTC) and a search. */
import { Button, Input, Label, SearchField, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ScenarioSummary } from "../../api/contract.ts";
import { countryName } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { type ClearanceFilter, NO_FILTER } from "./clearance-filter.ts";
import { CLEARANCE_KINDS, CLEARANCE_STATUSES } from "./clearance-words.ts";

/** The filter controls. `countries` are those the requests name. */
export function ClearanceFilters({
  filter,
  onChange,
  countries,
  scenario,
}: {
  filter: ClearanceFilter;
  onChange: (f: ClearanceFilter) => void;
  countries: readonly string[];
  scenario: ScenarioSummary | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = (patch: Partial<ClearanceFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filters" role="group" aria-label={t("Filters")}>
      <SelectField
        label={t("State")}
        value={filter.status}
        onChange={(status) => set({ status })}
        options={[
          { id: "all", label: t("All states") },
          { id: "awaiting_host", label: t("Awaiting the host's decision") },
          ...Object.entries(CLEARANCE_STATUSES).map(([id, label]) => ({ id, label: t(label) })),
        ]}
      />
      <SelectField
        label={t("Country")}
        value={filter.country}
        onChange={(country) => set({ country })}
        options={[{ id: "all", label: t("All countries") }, ...countries.map((c) => ({ id: c, label: countryName(c, lang) }))]}
      />
      <SelectField
        label={t("Kind")}
        value={filter.kind}
        onChange={(kind) => set({ kind })}
        options={[{ id: "all", label: t("Landing and overflight") }, ...Object.entries(CLEARANCE_KINDS).map(([id, label]) => ({ id, label: t(label) }))]}
      />
      <SelectField
        label={t("Site")}
        value={filter.site}
        onChange={(site) => set({ site })}
        options={[{ id: "all", label: t("All sites") }, ...(scenario?.sites ?? []).map((s) => ({ id: s.id, label: s.name }))]}
      />
      <TextField className="field field-short" value={filter.fromDay} onChange={(fromDay) => set({ fromDay })}>
        <Label>{t("Flights from (UTC day)")}</Label>
        <Input type="date" />
      </TextField>
      <TextField className="field field-short" value={filter.toDay} onChange={(toDay) => set({ toDay })}>
        <Label>{t("Flights to (UTC day)")}</Label>
        <Input type="date" />
      </TextField>
      <SearchField className="field" value={filter.text} onChange={(text) => set({ text })}>
        <Label>{t("Request, sortie or call sign")}</Label>
        <Input />
      </SearchField>
      <Button className="button button-quiet" onPress={() => onChange({ ...NO_FILTER, status: "all" })}>
        {t("Show everything")}
      </Button>
    </div>
  );
}
