/** Each host-country site against the deadline: what it still holds, planned and forecast closure, slack. */
import { useTranslation } from "react-i18next";
import type { OverviewSite } from "../../api/contract.ts";
import { formatDuration, formatNumber, formatTonnes } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { SITE_STATUS } from "./site-status.ts";

/** The table of sites. */
export function SiteTable({ sites }: { sites: readonly OverviewSite[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="site-table">
        <thead>
          <tr>
            <th scope="col">{t("Site")}</th>
            <th scope="col">{t("People (plan for now)")}</th>
            <th scope="col">{t("Cargo (plan for now)")}</th>
            <th scope="col">{t("Planned closure")}</th>
            <th scope="col">{t("Forecast closure")}</th>
            <th scope="col">{t("Slack")}</th>
            <th scope="col">{t("Status")}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.id} className={`status-${s.status}`}>
              <th scope="row">{s.name}</th>
              <td>
                {formatNumber(s.actual.personnel, lang)} <span className="muted">({formatNumber(s.planned.personnel, lang)})</span>
              </td>
              <td>
                {formatTonnes(s.actual.cargoKg, lang)} <span className="muted">({formatTonnes(s.planned.cargoKg, lang)})</span>
              </td>
              <td>{s.plannedClosureAt === null ? "—" : <DateTime iso={s.plannedClosureAt} />}</td>
              <td>{s.forecastClosureAt === null ? "—" : <DateTime iso={s.forecastClosureAt} />}</td>
              <td>{s.slackMinutes === null ? "—" : formatDuration(s.slackMinutes, lang)}</td>
              <td>
                <span className={`status-label status-${s.status}`}>{t(SITE_STATUS[s.status] ?? s.status)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
