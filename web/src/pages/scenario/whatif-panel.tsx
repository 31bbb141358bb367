/**
 * What-if: the scenario planned as it is and with up to three variants — more or fewer aircraft,
 * slower clearances, a country that denies its airspace, an earlier or later deadline — side by
 * side on the key figures, with what each change did and, when asked, what would fix a variant
 * that misses the deadline. Nothing is stored; everyone may compare.
 */
import { useState } from "react";
import { Button, Checkbox, Input, Label, ListBox, ListBoxItem, NumberField, Popover, Select, SelectValue, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ScenarioFacts, WhatIfResult } from "../../api/contract.ts";
import { sayText } from "../../i18n/coded.ts";
import { formatDuration, formatNumber } from "../../i18n/format.ts";
import { msg } from "../../i18n/msg.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { DateTime } from "../../ui/date-time.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { TableRegion } from "../../ui/table-region.tsx";
import { isInstantRow, phaseWords, rowLabel } from "./plan-words.ts";
import { RunProgressBar } from "./run-progress.tsx";
import { usePlannerStream } from "./use-planner-stream.ts";
import { type ChangeKind, changeOf, newDraft, toVariation, type VariantDraft } from "./whatif-model.ts";

const KINDS: readonly { id: ChangeKind; label: string }[] = [
  { id: "fleet", label: msg("More or fewer aircraft") },
  { id: "clearance-delay", label: msg("Clearances take longer") },
  { id: "deny", label: msg("A country denies its airspace") },
  { id: "deadline-shift", label: msg("The deadline moves") },
];

const MAX_VARIANTS = 3;
const LETTERS = ["A", "B", "C"] as const;

/** The panel. */
export function WhatIfPanel({ facts }: { facts: ScenarioFacts }) {
  const { t } = useTranslation();
  const types = [...new Set(facts.fleet.map((f) => f.type))];
  const host = facts.agreement.parties.find((p) => p.role === "host")?.country ?? "";
  const foreign = facts.clearanceRules.find((r) => r.country !== host)?.country ?? host;
  const [drafts, setDrafts] = useState<VariantDraft[]>([newDraft(types[0] ?? "", host, foreign)]);
  const [fixes, setFixes] = useState(false);
  const run = usePlannerStream<WhatIfResult>("/api/whatif");
  const s = run.state;
  const running = s.status === "running";
  const made = drafts.map(toVariation);
  const ready = made.every((m) => m.ok);
  const site = (id: string) => facts.sites.find((x) => x.id === id)?.name.split(/[,(]/)[0]?.trim() ?? id;
  const update = (i: number, patch: Partial<VariantDraft>) => setDrafts((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <section className="panel" aria-labelledby="whatif-heading" data-testid="whatif-panel">
      <h2 id="whatif-heading">{t("What if…")}</h2>
      <p>{t("Compare the plan of the scenario as it is with plans of changed scenarios. Nothing is stored.")}</p>
      <ol className="variants">
        {drafts.map((d, i) => (
          <li key={LETTERS[i]} className="variant" aria-label={t("Variant {{letter}}", { letter: LETTERS[i] })}>
            <h3>{t("Variant {{letter}}", { letter: LETTERS[i] })}</h3>
            <div className="variant-fields">
              <Select className="select-field" selectedKey={d.kind} onSelectionChange={(k) => update(i, { kind: String(k) as ChangeKind })} isDisabled={running}>
                <Label>{t("Change")}</Label>
                <Button className="button">
                  <SelectValue />
                </Button>
                <Popover className="popover">
                  <ListBox className="listbox">
                    {KINDS.map((k) => (
                      <ListBoxItem key={k.id} id={k.id} className="listbox-item">
                        {t(k.label)}
                      </ListBoxItem>
                    ))}
                  </ListBox>
                </Popover>
              </Select>
              {d.kind === "fleet" && (
                <>
                  <Select className="select-field" selectedKey={d.type} onSelectionChange={(k) => update(i, { type: String(k) })} isDisabled={running}>
                    <Label>{t("Aircraft type")}</Label>
                    <Button className="button">
                      <SelectValue />
                    </Button>
                    <Popover className="popover">
                      <ListBox className="listbox">
                        {types.map((ty) => (
                          <ListBoxItem key={ty} id={ty} className="listbox-item">
                            {ty}
                          </ListBoxItem>
                        ))}
                      </ListBox>
                    </Popover>
                  </Select>
                  <NumberField className="field" value={d.delta} onChange={(v) => update(i, { delta: v })} minValue={-20} maxValue={20} step={1} isDisabled={running} formatOptions={{ signDisplay: "exceptZero" }}>
                    <Label>{t("Aircraft more (+) or fewer (−)")}</Label>
                    <Input />
                  </NumberField>
                </>
              )}
              {d.kind === "clearance-delay" && (
                <>
                  <TextField className="field" value={d.target} onChange={(v) => update(i, { target: v })} isDisabled={running}>
                    <Label>{t("Country or airfield (NE, DRRN)")}</Label>
                    <Input />
                  </TextField>
                  <NumberField className="field" value={d.hours} onChange={(v) => update(i, { hours: v })} minValue={1} maxValue={1440} isDisabled={running}>
                    <Label>{t("Hours longer")}</Label>
                    <Input />
                  </NumberField>
                </>
              )}
              {d.kind === "deny" && (
                <TextField className="field" value={d.country} onChange={(v) => update(i, { country: v })} isDisabled={running} maxLength={2}>
                  <Label>{t("Country (two-letter code)")}</Label>
                  <Input />
                </TextField>
              )}
              {d.kind === "deadline-shift" && (
                <NumberField className="field" value={d.days} onChange={(v) => update(i, { days: v })} minValue={-120} maxValue={365} isDisabled={running} formatOptions={{ signDisplay: "exceptZero" }}>
                  <Label>{t("Days later (+) or earlier (−)")}</Label>
                  <Input />
                </NumberField>
              )}
              {drafts.length > 1 && (
                <Button className="button button-quiet" onPress={() => setDrafts((list) => list.filter((_, j) => j !== i))} isDisabled={running}>
                  {t("Remove variant {{letter}}", { letter: LETTERS[i] })}
                </Button>
              )}
            </div>
            {(() => {
              const m = made[i];
              return m !== undefined && !m.ok ? (
                <p className="field-error" role="alert">
                  {t(m.reason)}
                </p>
              ) : null;
            })()}
          </li>
        ))}
      </ol>
      <div className="button-row">
        {drafts.length < MAX_VARIANTS && (
          <Button className="button" onPress={() => setDrafts((list) => [...list, newDraft(types[0] ?? "", host, foreign)])} isDisabled={running}>
            {t("Add a variant")}
          </Button>
        )}
        <Checkbox className="checkbox" isSelected={fixes} onChange={setFixes} isDisabled={running}>
          <span className="checkbox-box" aria-hidden="true" />
          {t("For a variant that misses the deadline, search what would fix it (plans many more times)")}
        </Checkbox>
      </div>
      <div className="button-row">
        <Button
          className="button button-primary"
          isDisabled={running || !ready}
          onPress={() =>
            run.start({
              fixes,
              variants: made.flatMap((m, i) => (m.ok ? [{ name: t("Variant {{letter}}", { letter: LETTERS[i] }), variations: [m.variation] }] : [])),
            })
          }
        >
          {running ? t("Comparing…") : t("Compare")}
        </Button>
        {running && (
          <Button className="button" onPress={run.cancel}>
            {t("Cancel")}
          </Button>
        )}
      </div>
      {running && <RunProgressBar label={t("Planning the variants")} progress={s.progress === null ? null : { ...s.progress, phase: phaseWords(s.progress.phase, t) }} />}
      {s.status === "cancelled" && <p role="status">{t("The comparison was cancelled.")}</p>}
      {s.status === "failed" && <ProblemMessage error={s.error} />}
      {s.status === "done" && <Comparison result={s.result} site={site} />}
    </section>
  );
}

type Value = number | string | boolean | null;

function Comparison({ result: r, site }: { result: WhatIfResult; site: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const keys = r.variants[0]?.rows.map((x) => x.key) ?? [];
  const value = (key: string, v: Value): string => {
    if (v === null) return "—";
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (key === "slackHours" && typeof v === "number") return formatDuration(Math.round(v * 60), lang);
    if (typeof v === "number") return formatNumber(v, lang, key === "closureRatio" ? 3 : 1);
    return v;
  };
  const cell = (key: string, v: Value) => (isInstantRow(key) && typeof v === "string" ? <DateTime iso={v} /> : <>{value(key, v)}</>);
  const change = (key: string, base: Value, variant: Value): string => {
    const instants = isInstantRow(key);
    const d = changeOf(key, base, variant, instants);
    if (d === null) return base === variant ? "" : typeof base === "boolean" ? `${value(key, base)} → ${value(key, variant)}` : t("changed");
    if (d === 0) return "";
    if (instants || key === "slackHours") return `${d > 0 ? "+" : "−"}${formatDuration(Math.abs(Math.round(d * 60)), lang)}`;
    return `${d > 0 ? "+" : "−"}${formatNumber(Math.abs(d), lang, key === "closureRatio" ? 3 : 1)}`;
  };
  const base = (key: string) => r.variants[0]?.rows.find((x) => x.key === key)?.base ?? null;
  return (
    <div className="whatif-result" data-testid="whatif-result">
      <div className="table-head">
        <h3>{t("Side by side")}</h3>
        <CsvButton
          name={t("What-if comparison")}
          table={() => ({
            header: [t("Figure"), t("As it is"), ...r.variants.flatMap((v) => [v.name, t("Change")])],
            rows: keys.map((k) => [rowLabel(k, t, site), numberOrText(base(k)), ...r.variants.flatMap((v) => {
              const row = v.rows.find((x) => x.key === k);
              return [numberOrText(row?.variant ?? null), change(k, row?.base ?? null, row?.variant ?? null)];
            })]),
          })}
        />
      </div>
      <TableRegion label={t("Side by side")}>
        <table className="data-table" data-testid="whatif-table">
          <thead>
            <tr>
              <th scope="col">{t("Figure")}</th>
              <th scope="col">{t("As it is")}</th>
              {r.variants.map((v) => (
                <th key={v.name} scope="col">
                  {v.name}
                  <div className="muted variant-change" lang="en">
                    {v.variations.join("; ")}
                  </div>
                  <span className={v.meets ? "ok-text" : "bad-text"}>{v.meets ? t("meets the deadline") : t("misses the deadline")}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-key={k}>
                <th scope="row">{rowLabel(k, t, site)}</th>
                <td>{cell(k, base(k))}</td>
                {r.variants.map((v) => {
                  const row = v.rows.find((x) => x.key === k);
                  const c = change(k, row?.base ?? null, row?.variant ?? null);
                  return (
                    <td key={v.name}>
                      {cell(k, row?.variant ?? null)}
                      {c !== "" && <span className="change"> ({c})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {r.variants.map((v) => (
        <div key={v.name} className="variant-notes">
          {(v.notes.length > 0 || v.unplannedCount > 0 || v.fixes !== null) && <h4>{v.name}</h4>}
          {v.notes.length > 0 && (
            <ul className="plain-list">
              {v.notes.map((n) => {
                const said = sayText(n, lang);
                return (
                  <li key={n.text} lang={said.lang === lang ? undefined : said.lang}>
                    {said.text}
                  </li>
                );
              })}
            </ul>
          )}
          {v.unplannedCount > 0 && (
            <p>
              {t("Not planned: {{n}} groups or cargo lines.", { n: formatNumber(v.unplannedCount, lang) })}{" "}
              <span lang="en">{v.unplanned.map((u) => `${u.what} ${u.id}: ${u.reason}`).join("; ")}</span>
            </p>
          )}
          {v.fixes?.needed === true && (
            <>
              <p>{t("What would fix it, each found by planning again ({{n}} plans):", { n: formatNumber(v.fixes.plansRun, lang) })}</p>
              <ul className="plain-list">
                {v.fixes.blocked !== null && <li lang="en">{v.fixes.blocked}</li>}
                {v.fixes.fixes.map((f) => (
                  <li key={f.description}>
                    <span lang="en">{f.description}</span> — {t("closes")} <DateTime iso={f.closureAt} />, {t("slack {{duration}}", { duration: formatDuration(Math.round(f.slackHours * 60), lang) })}
                  </li>
                ))}
                {v.fixes.noFix.map((f) => (
                  <li key={f.subject} lang="en">
                    {f.subject}: {f.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

const numberOrText = (v: Value): string | number => (v === null ? "" : typeof v === "boolean" ? String(v) : v);
