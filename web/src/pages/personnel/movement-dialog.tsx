/**
 * One movement, opened from the list: where and when it goes, its clearance requests, who is on
 * board (names and nationalities; document numbers only for those the server shows them to), and
 * — for the departing party's planners — scheduling, the manifest (who boards, from the people
 * recorded at its boarding site) and the departure, which records each passenger's exit.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Checkbox, CheckboxGroup, Dialog, Form, Heading, Input, Label, Link, Modal, ModalOverlay, TextField, FieldError } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useCan } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { Movement, Person, PersonPresence, ScenarioSummary } from "../../api/contract.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { Loading } from "../../ui/loading.tsx";
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { instantOfUtcInput } from "../../ui/utc-input.ts";
import { useMovement, useRefreshPersonnel } from "./use-personnel.ts";

const OPEN = ["planned", "scheduled", "cleared"];

/** A passenger as `GET /api/movements/{id}` lists them. */
interface Passenger {
  readonly id: string;
  readonly name: string;
  readonly nationality: string;
  readonly unit?: string;
  readonly documentNumber?: string;
}

const passengersOf = (m: Movement): Passenger[] =>
  (m.manifest.persons ?? []).flatMap((p) => (typeof p.id === "string" ? [{ id: p.id, name: String(p.name ?? ""), nationality: String(p.nationality ?? ""), ...(typeof p.unit === "string" ? { unit: p.unit } : {}), ...(typeof p.documentNumber === "string" ? { documentNumber: p.documentNumber } : {}) }] : []));

/** The dialog of movement `id` (closed when null). */
export function MovementDialog({
  id,
  onClose,
  scenario,
  persons,
  presence,
}: {
  id: string | null;
  onClose: () => void;
  scenario: ScenarioSummary | undefined;
  persons: readonly Person[];
  presence: readonly PersonPresence[];
}) {
  const { t } = useTranslation();
  const one = useMovement(id);
  const m = one.data;
  return (
    <ModalOverlay className="modal-overlay" isOpen={id !== null} isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog" data-testid="movement-dialog">
          <div className="dialog-head">
            <Heading slot="title">{t("Movement {{id}}", { id: m?.planRef === undefined ? (id ?? "") : `${m.planRef} · ${m.id}` })}</Heading>
            <Button className="button button-quiet" onPress={onClose}>
              {t("Close")}
            </Button>
          </div>
          {one.isPending && <Loading />}
          {one.isError && <ProblemMessage error={one.error} onRetry={() => void one.refetch()} />}
          {m !== undefined && <MovementBody key={m.id} movement={m} scenario={scenario} persons={persons} presence={presence} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function MovementBody({ movement: m, scenario, persons, presence }: { movement: Movement; scenario: ScenarioSummary | undefined; persons: readonly Person[]; presence: readonly PersonPresence[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const site = (id: string) => scenario?.sites.find((s) => s.id === id)?.name ?? id;
  const passengers = passengersOf(m);
  // Columns the caller is shown nothing in are left out (the host sees no unit or document number).
  const documents = passengers.some((p) => p.documentNumber !== undefined);
  const units = passengers.some((p) => p.unit !== undefined);
  return (
    <>
      <MovementActions movement={m} />
      <dl className="facts" data-testid="movement-facts">
        <div>
          <dt>{t("State")}</dt>
          <dd>
            <span className={`state state-movement-${m.status}`}>{t(MOVEMENT_STATUSES[m.status] ?? m.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("Kind")}</dt>
          <dd>{t(MOVEMENT_KINDS[m.kind] ?? m.kind)}</dd>
        </div>
        <div>
          <dt>{t("From")}</dt>
          <dd>
            {site(m.from)} · <DateTime iso={m.departAt} />
          </dd>
        </div>
        <div>
          <dt>{t("To")}</dt>
          <dd>
            {site(m.to)} · <DateTime iso={m.arriveAt} />
          </dd>
        </div>
        {m.departedAt !== undefined && (
          <div>
            <dt>{t("Departed")}</dt>
            <dd>
              <DateTime iso={m.departedAt} />
            </dd>
          </div>
        )}
        {m.arrivedAt !== undefined && (
          <div>
            <dt>{t("Arrived")}</dt>
            <dd>
              <DateTime iso={m.arrivedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("Booked")}</dt>
          <dd>{formatNumber(m.plannedPassengers, lang)}</dd>
        </div>
        <div>
          <dt>{t("Cargo on the manifest")}</dt>
          <dd>{t("Pallets: {{pallets}}, loose items: {{items}}", { pallets: formatNumber(m.manifest.pallets.length, lang), items: formatNumber(m.manifest.items.reduce((n, i) => n + i.quantity, 0), lang) })}</dd>
        </div>
        {m.clearances.length > 0 && (
          <div>
            <dt>{t("Clearance requests")}</dt>
            <dd>
              <ul className="plain-list">
                {m.clearances.map((c) => (
                  <li key={c}>
                    <Link href={`/clearances?request=${encodeURIComponent(c)}`}>{c}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <div className="table-head">
        <h3 id="manifest-heading">{t("On board: {{n}}", { n: formatNumber(passengers.length, lang) })}</h3>
        <CsvButton
          name={t("Manifest of {{id}}", { id: m.planRef ?? m.id })}
          table={() => ({
            header: [t("Person"), t("Name"), t("Nationality"), ...(units ? [t("Unit")] : []), ...(documents ? [t("Document number")] : [])],
            rows: passengers.map((p) => [p.id, p.name, countryName(p.nationality, lang), ...(units ? [p.unit] : []), ...(documents ? [p.documentNumber] : [])]),
          })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="manifest-heading" data-testid="manifest">
          <thead>
            <tr>
              <th scope="col">{t("Name")}</th>
              <th scope="col">{t("Nationality")}</th>
              {units && <th scope="col">{t("Unit")}</th>}
              {documents && <th scope="col">{t("Document number")}</th>}
              <th scope="col">{t("Person")}</th>
            </tr>
          </thead>
          <tbody>
            {passengers.length === 0 && (
              <tr>
                <td colSpan={3 + (units ? 1 : 0) + (documents ? 1 : 0)} className="muted">
                  {t("Nobody is on the manifest yet.")}
                </td>
              </tr>
            )}
            {passengers.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name === "" ? t("(personal data erased)") : p.name}</th>
                <td>{p.nationality === "" ? "" : countryName(p.nationality, lang)}</td>
                {units && <td>{p.unit ?? ""}</td>}
                {documents && <td>{p.documentNumber ?? ""}</td>}
                <td>
                  <code>{p.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ManifestEditor movement={m} persons={persons} presence={presence} siteName={site(m.from)} />
    </>
  );
}

/** Schedule, depart, record the arrival: as the movement's state and the caller's abilities allow. */
function MovementActions({ movement: m }: { movement: Movement }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const [at, setAt] = useState("");
  const step = useMutation({
    mutationFn: (s: { path: "schedule" | "depart" | "arrive"; body: Record<string, unknown> }) =>
      api.send<Movement | { movement: Movement; exits: number; clearancesUsed: number }>("POST", `/api/movements/${encodeURIComponent(m.id)}/${s.path}`, { body: s.body, ifMatch: m.version }),
    onSuccess: () => refresh(),
  });
  const schedule = m.status === "planned" && can("schedule", m);
  const depart = m.status === "cleared" && can("depart", m);
  const arrive = m.status === "departed" && can("arrive", m);
  const result = step.data !== undefined && "exits" in step.data ? step.data : undefined;
  if (!schedule && !depart && !arrive && step.data === undefined && step.error === null) {
    return m.status === "scheduled" && can("depart", m) ? (
      <p className="muted" data-testid="awaits-clearances">
        {t("It departs once cleared: the server marks it cleared when every clearance request it needs is approved.")}
      </p>
    ) : null;
  }
  const time = () => {
    const iso = instantOfUtcInput(at);
    return iso === undefined ? {} : { at: iso };
  };
  return (
    <section className="actions-panel" aria-labelledby="movement-actions-heading" data-testid="movement-actions">
      <h3 id="movement-actions-heading">{t("What you can do")}</h3>
      {schedule && (
        <Button className="button button-primary" isDisabled={step.isPending} onPress={() => step.mutate({ path: "schedule", body: {} })}>
          {t("Schedule it")}
        </Button>
      )}
      {(depart || arrive) && (
        <Form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ path: depart ? "depart" : "arrive", body: time() });
          }}
        >
          <TextField className="field field-short" value={at} onChange={setAt} validate={(v) => (v === "" || instantOfUtcInput(v) !== undefined ? null : t("A date and a time, in UTC."))}>
            <Label>{depart ? t("Departed at (UTC; empty: now)") : t("Arrived at (UTC; empty: now)")}</Label>
            <Input type="datetime-local" />
            <FieldError />
          </TextField>
          <Button type="submit" className="button button-primary form-row-button" isDisabled={step.isPending}>
            {depart ? t("Record the departure") : t("Record the arrival")}
          </Button>
        </Form>
      )}
      {step.error !== null && <ProblemMessage error={step.error} />}
      {step.isSuccess && (
        <p role="status" className="done" data-testid="movement-done">
          {result !== undefined
            ? t("Departed. Exits recorded: {{exits}}; clearances used: {{used}}.", { exits: formatNumber(result.exits, lang), used: formatNumber(result.clearancesUsed, lang) })
            : t("Recorded.")}
        </p>
      )}
    </section>
  );
}

/** Who boards: the people recorded at the boarding site, ticked on or off, until departure. */
function ManifestEditor({ movement: m, persons, presence, siteName }: { movement: Movement; persons: readonly Person[]; presence: readonly PersonPresence[]; siteName: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const api = useApi();
  const refresh = useRefreshPersonnel();
  const aboard = passengersOf(m).map((p) => p.id);
  const [chosen, setChosen] = useState<string[]>(aboard);
  const save = useMutation({
    mutationFn: (ids: string[]) =>
      api.send<Movement>("PUT", `/api/movements/${encodeURIComponent(m.id)}/manifest`, {
        body: { persons: ids, items: m.manifest.items, pallets: m.manifest.pallets, ...(m.manifest.payloadKg === undefined ? {} : { payloadKg: m.manifest.payloadKg }) },
        ifMatch: m.version,
      }),
    onSuccess: () => refresh(),
  });
  if (!OPEN.includes(m.status) || !can("record_manifest", m)) return null;
  const here = new Set(presence.filter((p) => p.status === "in_country" && p.site === m.from).map((p) => p.person));
  const candidates = persons.filter((p) => here.has(p.id) || aboard.includes(p.id));
  return (
    <section className="actions-panel" aria-labelledby="manifest-editor-heading" data-testid="manifest-editor">
      <h3 id="manifest-editor-heading">{t("Who boards")}</h3>
      {candidates.length === 0 ? (
        <p className="muted">{t("Nobody is recorded at {{site}}: record their entry on the People tab first.", { site: siteName })}</p>
      ) : (
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(chosen);
          }}
        >
          <CheckboxGroup className="checkbox-group" value={chosen} onChange={setChosen}>
            <Label>{t("People recorded at {{site}}", { site: siteName })}</Label>
            {candidates.map((p) => (
              <Checkbox key={p.id} value={p.id} className="checkbox checkbox-line">
                {({ isSelected }) => (
                  <>
                    <span className="checkbox-box" aria-hidden="true">
                      {isSelected ? "✓" : ""}
                    </span>{" "}
                    {p.name} <span className="muted">({p.id})</span>
                  </>
                )}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
            {t("Save the manifest")}
          </Button>
        </Form>
      )}
      {save.error !== null && <ProblemMessage error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="done" data-testid="manifest-saved">
          {t("The manifest is saved.")}
        </p>
      )}
    </section>
  );
}
