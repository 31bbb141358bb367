/**
 * The burndown of people and cargo, one tab per host-country site and one for all of them:
 * plan, actual and the deadline on one chart, with the same figures as a table for those who
 * cannot see the chart.
 */
import { useMemo } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../api/contract.ts";
import { formatNumber, formatTonnes, formatUtcDateTime, formatUtcDay, type Lang } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { LazyChart } from "../../ui/lazy-chart.tsx";
import { type BurndownLabels, burndownOption } from "./burndown-option.ts";

type Burndown = NonNullable<Overview["burndown"]>;
type SiteSeries = Burndown["sites"][number];

/** The tabs and charts. */
export function BurndownPanel({ overview: o }: { overview: Overview }) {
  const { t } = useTranslation();
  const b = o.burndown;
  if (b === null) return null;
  const name = (site: string) => (site === "*" ? t("All host sites") : (o.sites.find((s) => s.id === site)?.name ?? site));
  return (
    <Tabs className="tabs">
      <TabList aria-label={t("Site")} className="tab-list">
        {b.sites.map((s) => (
          <Tab key={s.site} id={s.site} className="tab">
            {name(s.site)}
          </Tab>
        ))}
      </TabList>
      {b.sites.map((s) => (
        <TabPanel key={s.site} id={s.site} className="tab-panel">
          <SiteBurndown burndown={b} series={s} siteName={name(s.site)} deadline={o.scenario.deadline} />
        </TabPanel>
      ))}
    </Tabs>
  );
}

function SiteBurndown({ burndown: b, series, siteName, deadline }: { burndown: Burndown; series: SiteSeries; siteName: string; deadline: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo(() => {
    const labels: BurndownLabels = {
      peoplePlan: t("People, plan"),
      peopleActual: t("People, actual"),
      cargoPlan: t("Cargo (t), plan"),
      cargoActual: t("Cargo (t), actual"),
      people: t("People"),
      cargo: t("Cargo (t)"),
      deadline: t("Deadline"),
      now: t("Now"),
      description: t(
        "Burndown of {{site}}: people and tonnes of cargo still there each day, planned (dashed) and actual (solid), with the deadline. The table below gives the same figures.",
        { site: siteName },
      ),
    };
    return burndownOption({ days: b.days, actualAt: b.actualAt, deadline, series, labels, lang });
  }, [b, series, deadline, lang, siteName, t]);
  return (
    <figure className="burndown">
      <LazyChart option={option} height={340} testId="burndown-chart" />
      <figcaption>
        <details>
          <summary>{t("The figures of {{site}}, day by day", { site: siteName })}</summary>
          <BurndownTable burndown={b} series={series} lang={lang} />
        </details>
      </figcaption>
    </figure>
  );
}

function BurndownTable({ burndown: b, series, lang }: { burndown: Burndown; series: SiteSeries; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="burndown-table">
        <thead>
          <tr>
            <th scope="col">{t("Day (00:00 UTC)")}</th>
            <th scope="col">{t("People, plan")}</th>
            <th scope="col">{t("People, actual")}</th>
            <th scope="col">{t("Cargo, plan")}</th>
            <th scope="col">{t("Cargo, actual")}</th>
          </tr>
        </thead>
        <tbody>
          {b.days.map((day, i) => {
            const actualPeople = i < series.actual.personnel.length - 1 ? series.actual.personnel[i] : undefined;
            const actualKg = i < series.actual.cargoKg.length - 1 ? series.actual.cargoKg[i] : undefined;
            return (
              <tr key={day}>
                <th scope="row">{formatUtcDay(day, lang)}</th>
                <td>{formatNumber(series.plan.personnel[i] ?? 0, lang)}</td>
                <td>{actualPeople === undefined ? "—" : formatNumber(actualPeople, lang)}</td>
                <td>{formatTonnes(series.plan.cargoKg[i] ?? 0, lang)}</td>
                <td>{actualKg === undefined ? "—" : formatTonnes(actualKg, lang)}</td>
              </tr>
            );
          })}
          {series.actual.personnel.length > 0 && (
            <tr data-testid="burndown-now">
              <th scope="row">
                {t("Now")} <span className="muted">({formatUtcDateTime(b.actualAt, lang)} UTC)</span>
              </th>
              <td>—</td>
              <td>{formatNumber(series.actual.personnel.at(-1) ?? 0, lang)}</td>
              <td>—</td>
              <td>{formatTonnes(series.actual.cargoKg.at(-1) ?? 0, lang)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
