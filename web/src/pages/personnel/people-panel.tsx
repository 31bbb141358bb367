/**
 * The persons of the departing party as the caller may see them (the host: names and
 * nationalities, not document numbers), where each is by the records, and — for the departing
 * party's planners — registering a person and recording an entry (at a site, or arriving on a
 * movement) or a move between sites. Exits are recorded with the departure of their movement.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, FieldError, Form, Input, Label, SearchField, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Can, useCan } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { Movement, Person, PersonPresence, ScenarioSummary } from "../../api/contract.ts";
import { countryName, formatNumber, formatUtcDateTime } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { instantOfUtcInput } from "../../ui/utc-input.ts";
import { PRESENCE_STATUSES } from "./personnel-words.ts";
import { useRefreshPersonnel } from "./use-personnel.ts";

/** The people section. */
export function PeoplePanel({
  persons,
  presence,
  movements,
  scenario,
  owner,
}: {
  persons: readonly Person[];
  presence: readonly PersonPresence[];
  movements: readonly Movement[];
  scenario: ScenarioSummary | undefined;
  owner: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState("");
  const [status, setStatus] = useState("all");
  const [open, setOpen] = useState<{ person: string; kind: "entry" | "transfer" } | null>(null);
  const site = (id: string | undefined) => (id === undefined ? "" : (scenario?.sites.find((s) => s.id === id)?.name ?? id));
  const where = new Map(presence.map((p) => [p.person, p]));
  // Columns the caller is shown nothing in are left out (the host sees no unit or document number).
  const documents = persons.some((p) => p.documentNumber !== undefined);
  const units = persons.some((p) => p.unit !== undefined);
  const can = useCan();
  const records = owner !== undefined && (can("record_entry", { type: "personnel_event", owner }) || can("record_transfer", { type: "personnel_event", owner }));
  const columns = 4 + (documents ? 1 : 0) + (units ? 1 : 0) + (records ? 1 : 0);
  const q = text.trim().toLowerCase();
  const shown = persons
    .filter((p) => status === "all" || (where.get(p.id)?.status ?? "not_entered") === status)
    .filter((p) => q === "" || `${p.id} ${p.name} ${p.unit ?? ""}`.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return (
    <>
      {owner !== undefined && (
        <Can action="create" on={{ type: "person", owner }}>
          <RegisterPerson />
        </Can>
      )}
      <div className="table-head">
        <h2 id="people-heading">{t("People")}</h2>
        <CsvButton
          name={t("People")}
          table={() => ({
            header: [t("Person"), t("Name"), t("Nationality"), ...(units ? [t("Unit")] : []), ...(documents ? [t("Document number")] : []), t("Where"), t("Site"), t("Since (UTC)")],
            rows: shown.map((p) => {
              const pr = where.get(p.id);
              return [p.id, p.name, countryName(p.nationality, lang), ...(units ? [p.unit] : []), ...(documents ? [p.documentNumber] : []), t(PRESENCE_STATUSES[pr?.status ?? "not_entered"] ?? ""), site(pr?.site), pr?.since === undefined ? "" : formatUtcDateTime(pr.since, lang)];
            }),
          })}
        />
      </div>
      <div className="filters" role="group" aria-label={t("Filters")}>
        <SelectField
          label={t("Where")}
          value={status}
          onChange={setStatus}
          options={[{ id: "all", label: t("Everyone") }, ...Object.entries(PRESENCE_STATUSES).map(([id, label]) => ({ id, label: t(label) }))]}
        />
        <SearchField className="field" value={text} onChange={setText}>
          <Label>{t("Name, unit or person id")}</Label>
          <Input />
        </SearchField>
      </div>
      <p className="muted" aria-live="polite" data-testid="people-count">
        {t("People shown: {{shown}} of {{total}}", { shown: formatNumber(shown.length, lang), total: formatNumber(persons.length, lang) })}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="people-heading" data-testid="people-table">
          <thead>
            <tr>
              <th scope="col">{t("Name")}</th>
              <th scope="col">{t("Nationality")}</th>
              {units && <th scope="col">{t("Unit")}</th>}
              {documents && <th scope="col">{t("Document number")}</th>}
              <th scope="col">{t("Where")}</th>
              <th scope="col">{t("Since")}</th>
              {records && <th scope="col">{t("Records")}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns} className="muted">
                  {persons.length === 0 ? t("No person is registered yet.") : t("Nobody matches these filters.")}
                </td>
              </tr>
            )}
            {shown.map((p) => {
              const pr = where.get(p.id);
              const state = pr?.status ?? "not_entered";
              return (
                <tr key={p.id} data-person={p.id}>
                  <th scope="row">
                    {p.erased === true ? t("(personal data erased)") : p.name} <span className="muted">({p.id})</span>
                  </th>
                  <td>{p.nationality === "" ? "" : countryName(p.nationality, lang)}</td>
                  {units && <td>{p.unit ?? ""}</td>}
                  {documents && <td>{p.documentNumber ?? ""}</td>}
                  <td>
                    {t(PRESENCE_STATUSES[state] ?? state)}
                    {pr?.site !== undefined && <> · {site(pr.site)}</>}
                  </td>
                  <td>{pr?.since === undefined ? "—" : <DateTime iso={pr.since} />}</td>
                  {records && (
                    <td>
                      <PresenceButtons person={p} state={state} onOpen={(kind) => setOpen(open?.person === p.id && open.kind === kind ? null : { person: p.id, kind })} />
                      {open?.person === p.id && (
                        <PresenceForm
                          key={open.kind}
                          kind={open.kind}
                          person={p}
                          presence={pr ?? { person: p.id, status: "not_entered", version: 0 }}
                          movements={movements}
                          scenario={scenario}
                          onDone={() => setOpen(null)}
                        />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PresenceButtons({ person, state, onOpen }: { person: Person; state: string; onOpen: (kind: "entry" | "transfer") => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const target = { type: "personnel_event", owner: person.owner };
  return (
    <div className="actions">
      {state !== "in_country" && can("record_entry", target) && (
        <Button className="button" aria-label={t("Record the entry of {{name}}", { name: person.name })} onPress={() => onOpen("entry")}>
          {t("Entry…")}
        </Button>
      )}
      {state === "in_country" && can("record_transfer", target) && (
        <Button className="button" aria-label={t("Record a move of {{name}}", { name: person.name })} onPress={() => onOpen("transfer")}>
          {t("Move…")}
        </Button>
      )}
    </div>
  );
}

/** Records an entry (at a site, or arriving on a movement) or a move between sites. */
function PresenceForm({
  kind,
  person,
  presence,
  movements,
  scenario,
  onDone,
}: {
  kind: "entry" | "transfer";
  person: Person;
  presence: PersonPresence;
  movements: readonly Movement[];
  scenario: ScenarioSummary | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const sites = (scenario?.sites ?? []).filter((s) => s.inHostCountry && s.id !== presence.site);
  const arrived = movements.filter((m) => m.status === "arrived" && sites.some((s) => s.id === m.to));
  const [site, setSite] = useState(sites[0]?.id ?? "");
  const [movement, setMovement] = useState("none");
  const [at, setAt] = useState("");
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.send("POST", `/api/persons/${encodeURIComponent(person.id)}/${kind === "entry" ? "entries" : "transfers"}`, { body, ifMatch: presence.version }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  return (
    <Form
      className="action-form"
      aria-label={kind === "entry" ? t("Record the entry of {{name}}", { name: person.name }) : t("Record a move of {{name}}", { name: person.name })}
      onSubmit={(e) => {
        e.preventDefault();
        const time = instantOfUtcInput(at);
        record.mutate({ ...(movement === "none" ? { site } : { movement }), ...(time === undefined ? {} : { at: time }) });
      }}
    >
      {kind === "entry" && arrived.length > 0 && (
        <SelectField
          label={t("Arrived on")}
          value={movement}
          onChange={setMovement}
          options={[{ id: "none", label: t("No movement: present at the site") }, ...arrived.map((m) => ({ id: m.id, label: `${m.planRef ?? m.id} → ${m.to}` }))]}
        />
      )}
      {movement === "none" && <SelectField label={t("Site")} value={site} onChange={setSite} options={sites.map((s) => ({ id: s.id, label: s.name }))} />}
      <TextField className="field field-short" value={at} onChange={setAt} validate={(v) => (v === "" || instantOfUtcInput(v) !== undefined ? null : t("A date and a time, in UTC."))}>
        <Label>{t("When (UTC; empty: now)")}</Label>
        <Input type="datetime-local" />
        <FieldError />
      </TextField>
      <Button type="submit" className="button button-primary" isDisabled={record.isPending}>
        {kind === "entry" ? t("Record the entry") : t("Record the move")}
      </Button>
      {record.error !== null && <ProblemMessage error={record.error} />}
    </Form>
  );
}

/** Registers a person: the minimal personal data (name, nationality, document number, unit). */
function RegisterPerson() {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const [name, setName] = useState("");
  const [nationality, setNationality] = useState("US");
  const [documentNumber, setDocumentNumber] = useState("");
  const [unit, setUnit] = useState("");
  const register = useMutation({
    mutationFn: () => api.send<Person>("POST", "/api/persons", { body: { personal: { name: name.trim(), nationality: nationality.trim().toUpperCase(), documentNumber: documentNumber.trim(), unit: unit.trim() } } }),
    onSuccess: async () => {
      setName("");
      setDocumentNumber("");
      await refresh();
    },
  });
  const required = (v: string) => (v.trim() === "" ? t("Required.") : null);
  return (
    <details className="panel-details" data-testid="register-person">
      <summary>{t("Register a person")}</summary>
      <p className="muted">{t("Only what the procedures need. The name and document number stay in this record and never enter the ledger.")}</p>
      <Form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate();
        }}
      >
        <TextField className="field" value={name} onChange={setName} isRequired validate={required}>
          <Label>{t("Name")}</Label>
          <Input autoComplete="off" />
          <FieldError />
        </TextField>
        <TextField className="field field-short" value={nationality} onChange={setNationality} isRequired validate={(v) => (/^[A-Za-z]{2,3}$/.test(v.trim()) ? null : t("A country code, e.g. US."))}>
          <Label>{t("Nationality (country code)")}</Label>
          <Input />
          <FieldError />
        </TextField>
        <TextField className="field field-short" value={documentNumber} onChange={setDocumentNumber} isRequired validate={required}>
          <Label>{t("Document number")}</Label>
          <Input autoComplete="off" />
          <FieldError />
        </TextField>
        <TextField className="field" value={unit} onChange={setUnit} isRequired validate={required}>
          <Label>{t("Unit")}</Label>
          <Input />
          <FieldError />
        </TextField>
        <Button type="submit" className="button button-primary form-row-button" isDisabled={register.isPending}>
          {t("Register")}
        </Button>
      </Form>
      {register.error !== null && <ProblemMessage error={register.error} />}
      {register.data !== undefined && (
        <p role="status" className="done" data-testid="registered">
          {t("Registered as {{id}}.", { id: register.data.id })}
        </p>
      )}
    </details>
  );
}
