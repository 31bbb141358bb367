/** Where the withdrawal stands against the deadline, and each host site's progress (from the overview). */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/contract.ts";
import { formatDuration, formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { SITE_STATUS } from "../overview/site-status.ts";
import { ReportTable } from "./report-table.tsx";

const share = (start: number, now: number) => (start <= 0 ? 1 : Math.max(0, Math.min(1, 1 - now / start)));

/** The status section. */
export function ReportStatus({ overview: o }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const b = o.baseline;
  const f = o.forecast;
  const percent = (x: number) => formatNumber(x * 100, lang);
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>{t("Status against the deadline")}</h3>
      <dl className="report-facts" data-testid="report-status">
        <dt>{t("Deadline")}</dt>
        <dd>
          <DateTime iso={o.scenario.deadline} /> · {t("{{n}} days left", { n: formatNumber(o.daysLeft, lang) })}
        </dd>
        <dt>{t("Published plan")}</dt>
        <dd>
          {b === null ? (
            t("No plan is published yet")
          ) : (
            <>
              {t("Version {{n}}", { n: b.number })} · <DateTime iso={b.publishedAt} />
            </>
          )}
        </dd>
        <dt>{t("Planned closure")}</dt>
        <dd>{b === null ? "—" : <DateTime iso={b.closureAt} />}</dd>
        <dt>{t("Forecast closure")}</dt>
        <dd>
          {f?.closureAt ? (
            <>
              <DateTime iso={f.closureAt} /> ·{" "}
              {f.slackMinutes !== null && f.slackMinutes >= 0
                ? t("Slack: {{duration}}", { duration: formatDuration(f.slackMinutes, lang) })
                : t("Late by {{duration}}", { duration: formatDuration(-(f.slackMinutes ?? 0), lang) })}{" "}
              · <strong>{t(SITE_STATUS[f.status] ?? f.status)}</strong>
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("Movements departed")}</dt>
        <dd>{t("{{n}} of {{m}} planned", { n: formatNumber(o.movements.departed, lang), m: formatNumber(o.movements.planned, lang) })}</dd>
      </dl>
      <ReportTable
        name={t("Progress per site")}
        testId="report-sites"
        header={[t("Site"), t("People: at the start → now"), t("Cargo: at the start → now"), t("Forecast closure"), t("Status")]}
        csvHeader={[t("Site"), t("People at the start"), t("People by the plan now"), t("People now"), t("Cargo at the start (kg)"), t("Cargo by the plan now (kg)"), t("Cargo now (kg)"), t("Forecast closure (UTC)"), t("Slack (minutes)"), t("Status")]}
        rows={o.sites.map((s) => ({
          key: s.id,
          cells: [
            s.name,
            <>
              {formatNumber(s.initial.personnel, lang)} → {formatNumber(s.actual.personnel, lang)}{" "}
              <span className="muted">{t("({{p}} % gone)", { p: percent(share(s.initial.personnel, s.actual.personnel)) })}</span>
            </>,
            <>
              {formatTonnes(s.initial.cargoKg, lang)} → {formatTonnes(s.actual.cargoKg, lang)}{" "}
              <span className="muted">{t("({{p}} % gone)", { p: percent(share(s.initial.cargoKg, s.actual.cargoKg)) })}</span>
            </>,
            s.forecastClosureAt === null ? "—" : <DateTime iso={s.forecastClosureAt} />,
            t(SITE_STATUS[s.status] ?? s.status),
          ],
          csv: [s.name, s.initial.personnel, s.planned.personnel, s.actual.personnel, s.initial.cargoKg, s.planned.cargoKg, s.actual.cargoKg, s.forecastClosureAt, s.slackMinutes, t(SITE_STATUS[s.status] ?? s.status)],
        }))}
      />
    </section>
  );
}
