/**
 * Run the planner on the current scenario, with a progress bar: it plans in a worker on the server
 * while the page stays usable, can be cancelled, and publishes the plan as the new baseline when
 * asked. Only those the server lets publish plans (the departing party's planners and commission
 * members) see it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { Button, Checkbox, Input, Label, Link, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { PlanRunResult } from "../../api/contract.ts";
import { formatDuration, formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { ProblemMessage } from "../../ui/problem-message.tsx";
import { phaseWords } from "./plan-words.ts";
import { RunProgressBar } from "./run-progress.tsx";
import { usePlannerStream } from "./use-planner-stream.ts";

/** The panel. */
export function RunPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const queries = useQueryClient();
  const [publish, setPublish] = useState(true);
  const [note, setNote] = useState("");
  const onDone = useCallback((r: PlanRunResult) => {
    if (r.published !== null) void queries.invalidateQueries();
  }, [queries]);
  const run = usePlannerStream<PlanRunResult>("/api/plans/runs", onDone);
  const s = run.state;
  const running = s.status === "running";
  return (
    <section className="panel" aria-labelledby="run-heading" data-testid="run-panel">
      <h2 id="run-heading">{t("Run the planner")}</h2>
      <p>{t("The planner builds pallets, convoys, sorties and airline bookings for the scenario as it is now. It runs on the server; you can leave it running and come back, or cancel it.")}</p>
      <div className="run-form">
        <Checkbox className="checkbox" isSelected={publish} onChange={setPublish} isDisabled={running}>
          <span className="checkbox-box" aria-hidden="true" />
          {t("Publish the plan as the new baseline when it is made")}
        </Checkbox>
        {publish && (
          <TextField className="field" value={note} onChange={setNote} isDisabled={running} maxLength={2000}>
            <Label>{t("Note for the publication (optional)")}</Label>
            <Input />
          </TextField>
        )}
        <div className="button-row">
          <Button className="button button-primary" isDisabled={running} onPress={() => run.start({ publish, ...(publish && note.trim() !== "" ? { note: note.trim() } : {}) })}>
            {running ? t("Planning…") : t("Run the planner")}
          </Button>
          {running && (
            <Button className="button" onPress={run.cancel}>
              {t("Cancel")}
            </Button>
          )}
        </div>
      </div>
      {running && (
        <RunProgressBar
          label={t("Planning the withdrawal")}
          progress={s.progress === null ? null : { ...s.progress, phase: phaseWords(s.progress.phase, t) }}
        />
      )}
      {s.status === "cancelled" && <p role="status">{t("The run was cancelled; nothing was published.")}</p>}
      {s.status === "failed" && <ProblemMessage error={s.error} />}
      {s.status === "done" && (
        <div className="run-result" data-testid="run-result" role="status">
          <p>
            {s.result.summary.meetsDeadline && s.result.unplannedCount === 0 ? (
              <strong className="ok-text">{t("The plan meets the deadline with everything planned.")}</strong>
            ) : (
              <strong className="bad-text">
                {s.result.unplannedCount > 0
                  ? t("The plan is incomplete: {{n}} groups or cargo lines could not be moved.", { n: formatNumber(s.result.unplannedCount, lang) })
                  : t("The plan misses the deadline.")}
              </strong>
            )}{" "}
            {s.result.published !== null && (
              <>
                {t("Published as version {{n}}.", { n: s.result.published.number })} <Link href="/plan">{t("See it on the Plan page")}</Link>
              </>
            )}
          </p>
          <dl className="facts-list">
            <div>
              <dt>{t("Closure")}</dt>
              <dd>
                <DateTime iso={s.result.summary.closureAt} />
              </dd>
            </div>
            <div>
              <dt>{t("Slack")}</dt>
              <dd data-testid="run-slack">{formatDuration(Math.round(s.result.summary.slackHours * 60), lang)}</dd>
            </div>
            <div>
              <dt>{t("Sorties")}</dt>
              <dd data-testid="run-sorties">{formatNumber(s.result.summary.sorties, lang)}</dd>
            </div>
            <div>
              <dt>{t("Convoys")}</dt>
              <dd>{formatNumber(s.result.summary.convoys, lang)}</dd>
            </div>
            <div>
              <dt>{t("Airline seats")}</dt>
              <dd>{formatNumber(s.result.summary.commercialSeats, lang)}</dd>
            </div>
            <div>
              <dt>{t("Pallets")}</dt>
              <dd>{formatNumber(s.result.summary.pallets, lang)}</dd>
            </div>
            <div>
              <dt>{t("People and cargo out")}</dt>
              <dd>
                {t("{{people}} people, {{weight}}", { people: formatNumber(s.result.summary.personnel, lang), weight: formatTonnes(s.result.summary.cargoKg, lang) })}
              </dd>
            </div>
            <div>
              <dt>{t("Lower bound")}</dt>
              <dd>
                <DateTime iso={s.result.summary.lowerBoundAt} />
              </dd>
            </div>
          </dl>
          {s.result.unplanned.length > 0 && (
            <ul className="plain-list" lang="en">
              {s.result.unplanned.map((u) => (
                <li key={`${u.what}-${u.id}`}>
                  {u.what} {u.id}: {u.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
