/**
 * The in-country headcount by the records: now, by site, and over time as a chart with the same
 * figures as a table (day by day at 00:00 UTC, and now).
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { HeadcountSeries } from "../../api/contract.ts";
import { formatNumber, formatUtcDateTime, formatUtcDay } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { CsvButton } from "../../ui/csv-button.tsx";
import { LazyChart } from "../../ui/lazy-chart.tsx";
import { headcountOption } from "./headcount-option.ts";

/** The figures of now: everyone, then each site. */
export function HeadcountNow({ series, siteName }: { series: HeadcountSeries; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const last = series.total.length - 1;
  const bySite = series.sites.filter((s) => (s.counts[last] ?? 0) > 0);
  return (
    <dl className="figures" data-testid="headcount-now">
      <div className="figure" data-testid="headcount-total">
        <dt>{t("In the country by the records")}</dt>
        <dd>
          <span className="figure-value">{formatNumber(series.total[last] ?? 0, lang)}</span>
          <span className="figure-detail">
            {t("At {{time}} UTC", { time: formatUtcDateTime(series.at, lang) })}
          </span>
        </dd>
      </div>
      {bySite.map((s) => (
        <div className="figure" key={s.site} data-testid={`headcount-${s.site}`}>
          <dt>{siteName(s.site)}</dt>
          <dd>
            <span className="figure-value">{formatNumber(s.counts[last] ?? 0, lang)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The chart and its table. */
export function HeadcountOverTime({ series, siteName }: { series: HeadcountSeries; siteName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo(
    () =>
      headcountOption({
        series,
        siteName,
        labels: {
          total: t("In the country"),
          people: t("People"),
          description: t("People in the country by the records, each day at 00:00 UTC and now, in total and at each site. The table below gives the same figures."),
        },
        lang,
      }),
    [series, siteName, t, lang],
  );
  const last = series.points.length - 1;
  const when = (i: number) => (i === last ? `${t("Now")} (${formatUtcDateTime(series.points[i] ?? "", lang)} UTC)` : formatUtcDay(series.points[i] ?? "", lang));
  return (
    <figure className="headcount">
      {series.total.every((n) => n === 0) ? (
        <p className="muted" data-testid="headcount-empty">
          {t("Nobody is recorded in the country yet: the headcount counts persons whose entry is recorded.")}
        </p>
      ) : (
        <LazyChart option={option} height={300} testId="headcount-chart" />
      )}
      <figcaption>
        <div className="table-head">
          <h3 id="headcount-table-heading">{t("Headcount, day by day")}</h3>
          <CsvButton
            name={t("Headcount by site")}
            table={() => ({
              header: [t("Day (00:00 UTC)"), t("In the country"), ...series.sites.map((s) => siteName(s.site))],
              rows: series.points.map((p, i) => [i === last ? formatUtcDateTime(p, lang) : formatUtcDay(p, lang), series.total[i] ?? 0, ...series.sites.map((s) => s.counts[i] ?? 0)]),
            })}
          />
        </div>
        <div className="table-scroll headcount-table">
          <table className="data-table" aria-labelledby="headcount-table-heading" data-testid="headcount-table">
            <thead>
              <tr>
                <th scope="col">{t("Day (00:00 UTC)")}</th>
                <th scope="col">{t("In the country")}</th>
                {series.sites.map((s) => (
                  <th scope="col" key={s.site}>
                    {siteName(s.site)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.points.map((p, i) => (
                <tr key={p} data-testid={i === last ? "headcount-row-now" : undefined}>
                  <th scope="row">{when(i)}</th>
                  <td>{formatNumber(series.total[i] ?? 0, lang)}</td>
                  {series.sites.map((s) => (
                    <td key={s.site}>{formatNumber(s.counts[i] ?? 0, lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figcaption>
    </figure>
  );
}
