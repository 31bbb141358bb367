/**
 * Submitting the selected drafts in one go (`POST /api/clearances/submit`): each is filed or
 * refused on its own — a draft past its filing time does not hold back the others — and the
 * answer says which were refused and why.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/api-context.tsx";
import { msg } from "../../i18n/msg.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import type { ClearanceView } from "./clearance-view.ts";
import { refreshAfterChange } from "./use-clearances.ts";

/** One request's outcome. */
interface BulkResult {
  readonly id: string;
  readonly ok: boolean;
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
}

/** Why the server refused to file a request, by its code (other codes show the server's words). */
const REFUSALS: Readonly<Record<string, string>> = {
  "clearance.lead_time": msg("its latest filing time has passed"),
  "clearance.flight_in_past": msg("its flight has begun"),
  "clearance.incomplete": msg("it lacks a call sign or the crew count"),
  "clearance.not_submittable": msg("it is no longer a draft"),
  "conflict.version": msg("someone changed it first: look at it again"),
};

/** The bar above the table: how many are selected and the button. */
export function BulkSubmit({ chosen, onDone }: { chosen: readonly ClearanceView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const queries = useQueryClient();
  const submit = useMutation({
    mutationFn: (items: readonly ClearanceView[]) =>
      api.send<{ submitted: number; results: BulkResult[] }>("POST", "/api/clearances/submit", { body: { items: items.map((v) => ({ id: v.request.id, version: v.request.version })) } }),
    onSuccess: async () => {
      onDone();
      await refreshAfterChange(queries);
    },
  });
  const r = submit.data;
  const refused = r?.results.filter((x) => !x.ok) ?? [];
  return (
    <div className="bulk-bar" data-testid="bulk-submit">
      <p className="bulk-count" aria-live="polite">
        {t("Selected drafts: {{n}}", { n: formatNumber(chosen.length, lang) })}
      </p>
      <Button className="button button-primary" isDisabled={chosen.length === 0 || submit.isPending} onPress={() => submit.mutate(chosen)}>
        {submit.isPending ? t("Submitting…") : t("Submit the selected drafts")}
      </Button>
      {submit.error !== null && <ProblemMessage error={submit.error} />}
      {r !== undefined && (
        <div role="status" data-testid="bulk-result">
          <p>{t("Submitted {{n}} of {{m}}.", { n: formatNumber(r.submitted, lang), m: formatNumber(r.results.length, lang) })}</p>
          {refused.length > 0 && (
            <>
              <p>{t("Refused:")}</p>
              <ul className="plain-list">
                {refused.map((x) => (
                  <li key={x.id}>
                    <code>{x.id}</code>: {x.code !== undefined && REFUSALS[x.code] !== undefined ? t(REFUSALS[x.code] ?? "") : (x.detail ?? x.code ?? String(x.status))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
