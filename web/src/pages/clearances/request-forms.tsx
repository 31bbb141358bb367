/**
 * The forms of the changes to a request that need words or figures: the host's approval (its
 * clearance number and validity window), denial (a reason) and amendment (a reason and the
 * proposed times or airfield); the requester's edit of a draft, answer to an amendment, and
 * withdrawal. Times are entered in UTC. Each sends only what it changes.
 */
import { useState } from "react";
import { Button, FieldError, Form, Input, Label, TextArea, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ScenarioSummary } from "../../api/contract.ts";
import { SelectField } from "../../ui/select-field.tsx";
import { instantOfUtcInput, shiftHours, utcInputOf } from "../../ui/utc-input.ts";
import type { ClearanceView } from "./clearance-view.ts";

/** What a form hands back: the change's body. */
type Send = (body: Record<string, unknown>) => void;

interface FormProps {
  readonly view: ClearanceView;
  readonly onSend: Send;
  readonly onClose: () => void;
  readonly busy: boolean;
}

function Buttons({ submit, onClose, busy }: { submit: string; onClose: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-buttons">
      <Button type="submit" className="button button-primary" isDisabled={busy}>
        {submit}
      </Button>
      <Button className="button button-quiet" onPress={onClose}>
        {t("Close the form")}
      </Button>
    </div>
  );
}

function UtcField({ label, value, onChange, required = true }: { label: string; value: string; onChange: (v: string) => void; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      className="field field-short"
      value={value}
      onChange={onChange}
      isRequired={required}
      validate={(v) => (v === "" && !required ? null : instantOfUtcInput(v) === undefined ? t("A date and a time, in UTC.") : null)}
    >
      <Label>{label}</Label>
      <Input type="datetime-local" />
      <FieldError />
    </TextField>
  );
}

function TextBox({ label, value, onChange, required = false, multiline = false }: { label: string; value: string; onChange: (v: string) => void; required?: boolean; multiline?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField className="field" value={value} onChange={onChange} isRequired={required} validate={(v) => (required && v.trim() === "" ? t("Required.") : null)}>
      <Label>{label}</Label>
      {multiline ? <TextArea rows={3} /> : <Input />}
      <FieldError />
    </TextField>
  );
}

/** The host grants the request: its clearance number and the validity window (default: a day either side of the flight). */
export function ApproveForm({ view, onSend, onClose, busy }: FormProps) {
  const { t } = useTranslation();
  const [number, setNumber] = useState("");
  const [from, setFrom] = useState(utcInputOf(shiftHours(view.details.firstAt, -24)));
  const [to, setTo] = useState(utcInputOf(shiftHours(view.details.lastAt, 24)));
  const [remarks, setRemarks] = useState("");
  return (
    <Form
      className="action-form"
      aria-label={t("Approve the request")}
      onSubmit={(e) => {
        e.preventDefault();
        onSend({ clearanceNumber: number.trim(), validFrom: instantOfUtcInput(from), validTo: instantOfUtcInput(to), ...(remarks.trim() === "" ? {} : { remarks: remarks.trim() }) });
      }}
    >
      <TextBox label={t("Clearance number")} value={number} onChange={setNumber} required />
      <div className="form-row">
        <UtcField label={t("Valid from (UTC)")} value={from} onChange={setFrom} />
        <UtcField label={t("Valid to (UTC)")} value={to} onChange={setTo} />
      </div>
      <TextBox label={t("Remarks (optional)")} value={remarks} onChange={setRemarks} multiline />
      <Buttons submit={t("Approve")} onClose={onClose} busy={busy} />
    </Form>
  );
}

/** The host refuses the request, saying why. */
export function DenyForm({ onSend, onClose, busy }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <Form
      className="action-form"
      aria-label={t("Deny the request")}
      onSubmit={(e) => {
        e.preventDefault();
        onSend({ reason: reason.trim() });
      }}
    >
      <TextBox label={t("Reason for the denial")} value={reason} onChange={setReason} required multiline />
      <Buttons submit={t("Deny")} onClose={onClose} busy={busy} />
    </Form>
  );
}

/** The times (and airfield, for a landing) a counter-proposal may change; only what differs is sent. */
function useChangeFields(view: ClearanceView) {
  const d = view.details;
  const [firstAt, setFirstAt] = useState(utcInputOf(d.firstAt));
  const [lastAt, setLastAt] = useState(utcInputOf(d.lastAt));
  const [airfield, setAirfield] = useState(d.airfield ?? "");
  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const f = instantOfUtcInput(firstAt);
    const l = instantOfUtcInput(lastAt);
    if (f !== undefined && Date.parse(f) !== Date.parse(d.firstAt)) out.firstAt = f;
    if (l !== undefined && Date.parse(l) !== Date.parse(d.lastAt)) out.lastAt = l;
    if (d.airfield !== undefined && airfield !== "" && airfield !== d.airfield) out.airfield = airfield;
    return out;
  };
  return { firstAt, setFirstAt, lastAt, setLastAt, airfield, setAirfield, changes };
}

function ChangeFields({ view, fields, scenario }: { view: ClearanceView; fields: ReturnType<typeof useChangeFields>; scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const airfields = (scenario?.sites ?? []).filter((s) => s.country === view.request.country);
  return (
    <div className="form-row">
      <UtcField label={t("Enters the country (UTC)")} value={fields.firstAt} onChange={fields.setFirstAt} />
      <UtcField label={t("Leaves the country (UTC)")} value={fields.lastAt} onChange={fields.setLastAt} />
      {view.details.airfield !== undefined && airfields.length > 0 && (
        <SelectField label={t("Airfield")} value={fields.airfield} onChange={fields.setAirfield} options={airfields.map((s) => ({ id: s.id, label: s.name }))} />
      )}
    </div>
  );
}

/** The host proposes other terms: a reason and at least one change. */
export function AmendForm({ view, onSend, onClose, busy, scenario }: FormProps & { scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const fields = useChangeFields(view);
  const [reason, setReason] = useState("");
  const [remarks, setRemarks] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Form
      className="action-form"
      aria-label={t("Amend the request")}
      onSubmit={(e) => {
        e.preventDefault();
        const changes = { ...fields.changes(), ...(remarks.trim() === "" ? {} : { remarks: remarks.trim() }) };
        if (Object.keys(changes).length === 0) return setProblem(t("Change at least one time, the airfield or the remarks."));
        setProblem(null);
        onSend({ reason: reason.trim(), changes });
      }}
    >
      <TextBox label={t("Reason for the amendment")} value={reason} onChange={setReason} required multiline />
      <ChangeFields view={view} fields={fields} scenario={scenario} />
      <TextBox label={t("Remarks for the requester (optional)")} value={remarks} onChange={setRemarks} multiline />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <Buttons submit={t("Send the amendment")} onClose={onClose} busy={busy} />
    </Form>
  );
}

/** The requester answers an amendment with its own terms (optionally changed) and a note. */
export function ResubmitForm({ view, onSend, onClose, busy, scenario }: FormProps & { scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const fields = useChangeFields(view);
  const [note, setNote] = useState("");
  return (
    <Form
      className="action-form"
      aria-label={t("Resubmit with changes")}
      onSubmit={(e) => {
        e.preventDefault();
        const changes = fields.changes();
        onSend({ ...(Object.keys(changes).length === 0 ? {} : { changes }), ...(note.trim() === "" ? {} : { remarks: note.trim() }) });
      }}
    >
      <ChangeFields view={view} fields={fields} scenario={scenario} />
      <TextBox label={t("Note to the host (optional)")} value={note} onChange={setNote} multiline />
      <Buttons submit={t("Resubmit")} onClose={onClose} busy={busy} />
    </Form>
  );
}

/** The requester completes a draft: call sign, crew, remarks. */
export function EditDraftForm({ view, onSend, onClose, busy }: FormProps) {
  const { t } = useTranslation();
  const d = view.details;
  const [callSign, setCallSign] = useState(d.aircraft.callSign ?? "");
  const [crew, setCrew] = useState(String(d.crew));
  const [remarks, setRemarks] = useState(d.remarks ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Form
      className="action-form"
      aria-label={t("Edit the draft")}
      onSubmit={(e) => {
        e.preventDefault();
        const body: Record<string, unknown> = {};
        const cs = callSign.trim().toUpperCase();
        if (cs !== (d.aircraft.callSign ?? "") && cs !== "") body.aircraft = { type: d.aircraft.type, tailNumber: d.aircraft.tailNumber, callSign: cs };
        if (Number(crew) !== d.crew) body.crew = Number(crew);
        if (remarks.trim() !== (d.remarks ?? "") && remarks.trim() !== "") body.remarks = remarks.trim();
        if (Object.keys(body).length === 0) return setProblem(t("Nothing was changed."));
        setProblem(null);
        onSend(body);
      }}
    >
      <div className="form-row">
        <TextField className="field field-short" value={callSign} onChange={setCallSign} validate={(v) => (v === "" || /^[A-Za-z0-9]{2,10}$/.test(v) ? null : t("2 to 10 letters and digits, e.g. RCH123."))}>
          <Label>{t("Call sign")}</Label>
          <Input />
          <FieldError />
        </TextField>
        <TextField className="field field-short" value={crew} onChange={setCrew} validate={(v) => (/^\d{1,2}$/.test(v) ? null : t("A whole number from 0 to 50."))}>
          <Label>{t("Crew")}</Label>
          <Input inputMode="numeric" />
          <FieldError />
        </TextField>
      </div>
      <TextBox label={t("Remarks")} value={remarks} onChange={setRemarks} multiline />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <Buttons submit={t("Save the draft")} onClose={onClose} busy={busy} />
    </Form>
  );
}

/** The requester withdraws the request, optionally saying why. */
export function CancelForm({ onSend, onClose, busy }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <Form
      className="action-form"
      aria-label={t("Withdraw the request")}
      onSubmit={(e) => {
        e.preventDefault();
        onSend(reason.trim() === "" ? {} : { reason: reason.trim() });
      }}
    >
      <TextBox label={t("Reason (optional)")} value={reason} onChange={setReason} multiline />
      <Buttons submit={t("Withdraw the request")} onClose={onClose} busy={busy} />
    </Form>
  );
}
