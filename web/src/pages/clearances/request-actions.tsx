/**
 * What the caller may do to a request now: the server's abilities say who (`useCan`), the
 * request's state says when. Actions the caller may not take are absent. Submitting and accepting
 * an amendment take one press; the others open their form.
 */
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useCan } from "../../abilities/can.tsx";
import type { ScenarioSummary } from "../../api/contract.ts";
import { msg } from "../../i18n/msg.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { awaitsHost, type ClearanceView } from "./clearance-view.ts";
import { AmendForm, ApproveForm, CancelForm, DenyForm, EditDraftForm, ResubmitForm } from "./request-forms.tsx";
import { type RequestChange, useRequestChange } from "./use-clearances.ts";

type Step = RequestChange["step"];

/** Each action: the policy's name for it, its button, the states it applies to, and whether it needs a form. */
const ACTIONS: readonly { step: Step; ability: string; label: string; when: (v: ClearanceView) => boolean; form: boolean; primary?: boolean }[] = [
  { step: "approve", ability: "approve", label: msg("Approve…"), when: (v) => awaitsHost(v.request.status), form: true, primary: true },
  { step: "deny", ability: "deny", label: msg("Deny…"), when: (v) => awaitsHost(v.request.status), form: true },
  { step: "amend", ability: "amend", label: msg("Amend…"), when: (v) => awaitsHost(v.request.status), form: true },
  { step: "submit", ability: "submit", label: msg("Submit to the host"), when: (v) => v.request.status === "draft", form: false, primary: true },
  { step: "", ability: "update", label: msg("Edit the draft…"), when: (v) => v.request.status === "draft", form: true },
  { step: "accept-amendment", ability: "accept_amendment", label: msg("Accept the amendment"), when: (v) => v.request.status === "amended", form: false, primary: true },
  { step: "resubmit", ability: "resubmit", label: msg("Resubmit with changes…"), when: (v) => v.request.status === "amended", form: true },
  {
    step: "cancel",
    ability: "cancel",
    label: msg("Withdraw…"),
    when: (v) => ["draft", "submitted", "resubmitted", "amended"].includes(v.request.status) || (v.request.status === "approved" && v.used === undefined),
    form: true,
  },
];

/** What each change did, said once it is done. */
const DONE: Readonly<Record<Step, string>> = {
  "": msg("The draft is saved."),
  submit: msg("Submitted to the host."),
  approve: msg("Approved."),
  deny: msg("Denied."),
  amend: msg("Sent back to the requester with the proposed changes."),
  "accept-amendment": msg("Amendment accepted: the request goes back to the host."),
  resubmit: msg("Resubmitted to the host."),
  cancel: msg("Withdrawn."),
};

/** The actions of one request. */
export function RequestActions({ view, scenario }: { view: ClearanceView; scenario: ScenarioSummary | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const change = useRequestChange();
  const [open, setOpen] = useState<Step | null>(null);
  const [done, setDone] = useState<Step | null>(null);
  const available = ACTIONS.filter((a) => can(a.ability, view.request) && a.when(view));
  const send = (step: Step) => (body: Record<string, unknown>) => {
    setDone(null);
    change.mutate(
      { request: view.request, step, body },
      {
        onSuccess: () => {
          setOpen(null);
          setDone(step);
        },
      },
    );
  };
  // A form stays open only while its action is still possible (someone may have decided first).
  const shows = (step: Step) => open === step && available.some((a) => a.step === step);
  if (available.length === 0 && done === null && change.error === null) return null;
  const props = { view, onClose: () => setOpen(null), busy: change.isPending };
  return (
    <section className="actions-panel" aria-labelledby="actions-heading" data-testid="request-actions">
      <h3 id="actions-heading">{t("What you can do")}</h3>
      {available.length > 0 && (
        <div className="actions">
          {available.map((a) => (
            <Button
              key={a.step}
              className={`button${a.primary === true ? " button-primary" : ""}`}
              isDisabled={change.isPending}
              {...(a.form ? { "aria-expanded": open === a.step } : {})}
              onPress={() => (a.form ? setOpen(open === a.step ? null : a.step) : send(a.step)({}))}
            >
              {t(a.label)}
            </Button>
          ))}
        </div>
      )}
      {shows("approve") && <ApproveForm {...props} onSend={send("approve")} />}
      {shows("deny") && <DenyForm {...props} onSend={send("deny")} />}
      {shows("amend") && <AmendForm {...props} onSend={send("amend")} scenario={scenario} />}
      {shows("") && <EditDraftForm {...props} onSend={send("")} />}
      {shows("resubmit") && <ResubmitForm {...props} onSend={send("resubmit")} scenario={scenario} />}
      {shows("cancel") && <CancelForm {...props} onSend={send("cancel")} />}
      {change.error !== null && <ProblemMessage error={change.error} />}
      {done !== null && change.error === null && (
        <p role="status" className="done" data-testid="action-done">
          {t(DONE[done])}
        </p>
      )}
    </section>
  );
}
