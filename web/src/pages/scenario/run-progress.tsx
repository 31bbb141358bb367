/** A planner run's progress bar: the share done, the plan being made and the planner's phase, announced politely. */
import { Label, ProgressBar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { RunProgress } from "../../api/contract.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";

/** The bar; `label` names what runs. */
export function RunProgressBar({ progress, label }: { progress: RunProgress | null; label: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  const phase = progress === null ? t("starting the planner…") : progress.steps > 1 ? t("plan {{step}} of {{steps}}: {{phase}}", { step: progress.step + 1, steps: progress.steps, phase: progress.phase }) : progress.phase;
  return (
    <ProgressBar className="run-progress" value={percent} valueLabel={`${formatNumber(percent, lang)} % · ${phase}`} data-testid="run-progress">
      {({ percentage, valueText }) => (
        <>
          <div className="run-progress-head">
            <Label>{label}</Label>
            <span className="run-progress-value">{valueText}</span>
          </div>
          <div className="run-progress-track">
            <div className="run-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
