/**
 * What needs attention now, the most urgent first: each alert worded from its facts (the server
 * sends ids and instants, not sentences), its severity in words as well as colour, and its time.
 */
import { useTranslation } from "react-i18next";
import type { Overview, OverviewAlert } from "../../api/contract.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";
import { DateTime } from "../../ui/date-time.tsx";
import { MOVEMENT_STATUSES } from "../../ui/movement-words.ts";
import { shortName } from "../../ui/site-name.ts";

/** The alerts of an overview. */
export function AlertList({ overview: o }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const siteName = (id: string | undefined) => shortName(o.sites.find((s) => s.id === id)?.name ?? id ?? "");
  const a = o.alerts;
  if (a.total === 0) return <p data-testid="no-alerts">{t("Nothing needs attention now.")}</p>;
  return (
    <>
      <p>
        {t("{{count}} alerts", { count: a.total, formatted: formatNumber(a.total, lang) })}
        {a.total > a.items.length && ` ${t("(the {{n}} most urgent are shown)", { n: formatNumber(a.items.length, lang) })}`}
      </p>
      <ul className="alerts" data-testid="alerts">
        {a.items.map((x) => (
          <li key={`${x.kind}|${x.subject}`} className={`alert alert-${x.severity}`} data-kind={x.kind}>
            <span className="alert-severity">{x.severity === "critical" ? t("Critical") : t("Warning")}</span>
            <span className="alert-text">{alertText(x, t, (c) => countryName(c, lang), siteName)}</span>
            <span className="alert-due">
              {dueLabel(x, t)} <DateTime iso={x.due} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

/** The sentence of an alert. */
export function alertText(x: OverviewAlert, t: T, country: (code: string) => string, site: (id: string | undefined) => string): string {
  const c = x.country === undefined ? "" : country(x.country);
  switch (x.kind) {
    case "clearance_not_filed":
      return x.severity === "critical"
        ? t("Request {{id}} for sortie {{sortie}} ({{country}}) missed its filing time and is not filed.", { id: x.subject, sortie: x.sortie, country: c })
        : t("Request {{id}} for sortie {{sortie}} ({{country}}) is not filed yet.", { id: x.subject, sortie: x.sortie, country: c });
    case "clearance_pending":
      return t("Request {{id}} for sortie {{sortie}} still awaits the decision of {{country}}, and the flight is close.", { id: x.subject, sortie: x.sortie, country: c });
    case "movement_late":
      return x.status === "not_created"
        ? t("Movement {{id}} from {{site}} should have left; it is not recorded yet.", { id: x.subject, site: site(x.site) })
        : t("Movement {{id}} from {{site}} should have left; it is still {{status}}.", { id: x.subject, site: site(x.site), status: t(MOVEMENT_STATUSES[x.status ?? ""] ?? x.status ?? "") });
    case "site_at_risk":
      return x.severity === "critical"
        ? t("{{site}} is forecast to close after the deadline.", { site: site(x.site) })
        : t("The closure of {{site}} is at risk: less than three days of slack.", { site: site(x.site) });
  }
}

function dueLabel(x: OverviewAlert, t: T): string {
  switch (x.kind) {
    case "clearance_not_filed":
      return t("File by");
    case "clearance_pending":
      return t("Flight");
    case "movement_late":
      return t("Was due");
    case "site_at_risk":
      return t("Forecast closure");
  }
}
