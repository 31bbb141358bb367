/**
 * The overview's headline figures: days left to the deadline, the forecast closure with its
 * slack, the people and cargo still in the country (actual against plan), and the movements.
 */
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/contract.ts";
import { formatDuration, formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { SITE_STATUS } from "./site-status.ts";

/** The figures of an overview. */
export function HeadlineFigures({ overview: o }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const total = o.sites.reduce(
    (a, s) => ({
      actualPeople: a.actualPeople + s.actual.personnel,
      plannedPeople: a.plannedPeople + s.planned.personnel,
      actualKg: a.actualKg + s.actual.cargoKg,
      plannedKg: a.plannedKg + s.planned.cargoKg,
    }),
    { actualPeople: 0, plannedPeople: 0, actualKg: 0, plannedKg: 0 },
  );
  const f = o.forecast;
  return (
    <dl className="figures">
      <div className="figure" data-testid="days-left">
        <dt>{t("Days left")}</dt>
        <dd>
          <span className="figure-value">{formatNumber(o.daysLeft, lang)}</span>
          <span className="figure-detail">
            {t("Deadline")} <DateTime iso={o.scenario.deadline} />
          </span>
        </dd>
      </div>
      <div className={`figure status-${f?.status ?? "none"}`} data-testid="forecast">
        <dt>{t("Forecast closure")}</dt>
        <dd>
          {f?.closureAt ? (
            <>
              <span className="figure-value figure-value-small">
                <DateTime iso={f.closureAt} />
              </span>
              <span className="figure-detail">
                {f.slackMinutes !== null && f.slackMinutes >= 0
                  ? t("Slack: {{duration}}", { duration: formatDuration(f.slackMinutes, lang) })
                  : t("Late by {{duration}}", { duration: formatDuration(-(f.slackMinutes ?? 0), lang) })}{" "}
                · <strong>{t(SITE_STATUS[f.status] ?? f.status)}</strong>
              </span>
            </>
          ) : (
            <span className="figure-detail">{t("No published plan to forecast from.")}</span>
          )}
        </dd>
      </div>
      <div className="figure" data-testid="people">
        <dt>{t("People in the country")}</dt>
        <dd>
          <span className="figure-value">{formatNumber(total.actualPeople, lang)}</span>
          {o.baseline !== null && <span className="figure-detail">{t("Plan for now: {{n}}", { n: formatNumber(total.plannedPeople, lang) })}</span>}
        </dd>
      </div>
      <div className="figure" data-testid="cargo">
        <dt>{t("Cargo to withdraw")}</dt>
        <dd>
          <span className="figure-value">{formatTonnes(total.actualKg, lang)}</span>
          {o.baseline !== null && <span className="figure-detail">{t("Plan for now: {{n}}", { n: formatTonnes(total.plannedKg, lang) })}</span>}
        </dd>
      </div>
      {o.baseline !== null && (
        <div className="figure" data-testid="movements">
          <dt>{t("Movements departed")}</dt>
          <dd>
            <span className="figure-value">
              {t("{{departed}} of {{planned}}", { departed: formatNumber(o.movements.departed, lang), planned: formatNumber(o.movements.planned, lang) })}
            </span>
            <span className="figure-detail">{t("Late: {{n}}", { n: formatNumber(o.movements.late, lang) })}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}
