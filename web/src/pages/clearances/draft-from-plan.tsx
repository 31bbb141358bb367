/**
 * For the departing party's planners: draft the host's clearance requests from the published
 * plan's sorties, all of them or those named, with a call-sign prefix and the crew per aircraft
 * (the plan knows neither). Requests to third countries are filed with them, not here: the answer
 * says how many. Absent for everyone the server does not let draft.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, FieldError, Form, Input, Label, Text, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Can } from "../../abilities/can.tsx";
import { useApi } from "../../api/api-context.tsx";
import type { ClearanceRequest, Movement } from "../../api/contract.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { refreshAfterChange } from "./use-clearances.ts";

/** What `POST /api/clearances/drafts` answers. */
interface Drafts {
  readonly drafted: readonly ClearanceRequest[];
  readonly movements: readonly Movement[];
  readonly filedElsewhere: readonly Record<string, unknown>[];
  readonly alreadyDrafted: readonly string[];
}

/**
 * The sortie ids of a field's text: separated by commas or spaces, upper-cased; none for empty.
 *
 * @example
 * sortieIds("s0001, S0002  S0003"); // ["S0001", "S0002", "S0003"]
 */
export function sortieIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== "");
}

/** The panel, for those who may draft the departing party's requests. */
export function DraftFromPlan({ owner }: { owner: string }) {
  return (
    <Can action="create" on={{ type: "clearance_request", owner }}>
      <DraftForm />
    </Can>
  );
}

function DraftForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const queries = useQueryClient();
  const [sorties, setSorties] = useState("");
  const [prefix, setPrefix] = useState("RCH");
  const [crew, setCrew] = useState("5");
  const draft = useMutation({
    mutationFn: () => {
      const ids = sortieIds(sorties);
      return api.send<Drafts>("POST", "/api/clearances/drafts", {
        body: { ...(ids.length > 0 ? { sorties: ids } : {}), ...(prefix.trim() === "" ? {} : { callSignPrefix: prefix.trim().toUpperCase() }), ...(crew.trim() === "" ? {} : { crew: Number(crew) }) },
      });
    },
    onSuccess: () => refreshAfterChange(queries),
  });
  const r = draft.data;
  const elsewhere = r === undefined ? [] : [...new Set(r.filedElsewhere.map((x) => String(x.country ?? "")))].filter((c) => c !== "");
  return (
    <section className="panel" aria-labelledby="draft-heading" data-testid="draft-panel">
      <h2 id="draft-heading">{t("Draft from the published plan")}</h2>
      <p>{t("Drafts the host's landing and overflight requests for the plan's sorties, each linked to its movement. Review the drafts, then submit them.")}</p>
      <Form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          draft.mutate();
        }}
      >
        <TextField className="field" value={sorties} onChange={setSorties} validate={(v) => (sortieIds(v).every((s) => /^[A-Z0-9-]{1,64}$/.test(s)) ? null : t("Sortie ids are letters, digits and dashes."))}>
          <Label>{t("Sorties")}</Label>
          <Input placeholder="S0001 S0002" />
          <Text slot="description">{t("Separated by spaces or commas; empty: every sortie of the plan.")}</Text>
          <FieldError />
        </TextField>
        <TextField className="field field-short" value={prefix} onChange={setPrefix} validate={(v) => (v.trim() === "" || /^[A-Za-z]{2,6}$/.test(v.trim()) ? null : t("2 to 6 letters, e.g. RCH."))}>
          <Label>{t("Call-sign prefix")}</Label>
          <Input />
          <Text slot="description">{t("RCH gives RCH0001 for sortie S0001.")}</Text>
          <FieldError />
        </TextField>
        <TextField className="field field-short" value={crew} onChange={setCrew} validate={(v) => (v.trim() === "" || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 50) ? null : t("A whole number from 1 to 50."))}>
          <Label>{t("Crew per aircraft")}</Label>
          <Input inputMode="numeric" />
          <FieldError />
        </TextField>
        <Button type="submit" className="button button-primary" isDisabled={draft.isPending}>
          {draft.isPending ? t("Drafting…") : t("Draft requests")}
        </Button>
      </Form>
      {draft.error !== null && <ProblemMessage error={draft.error} />}
      {r !== undefined && (
        <p role="status" data-testid="draft-result">
          {t("Requests drafted: {{n}} (sorties: {{m}}).", { n: formatNumber(r.drafted.length, lang), m: formatNumber(new Set(r.drafted.map((d) => (d.source as { sortie?: string } | undefined)?.sortie)).size, lang) })}
          {r.alreadyDrafted.length > 0 && ` ${t("Drafted before and left as they are: {{n}}.", { n: formatNumber(r.alreadyDrafted.length, lang) })}`}
          {elsewhere.length > 0 &&
            ` ${t("Requests to other countries, filed with them and not here: {{n}} ({{countries}}).", {
              n: formatNumber(r.filedElsewhere.length, lang),
              countries: elsewhere.map((c) => countryName(c, lang)).join(", "),
            })}`}
        </p>
      )}
    </section>
  );
}
