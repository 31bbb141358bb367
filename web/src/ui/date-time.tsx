/**
 * An instant for people: the UTC date and time (what schedules and clearances use) with the
 * local time in Niamey beside it, in a `<time>` element carrying the exact instant.
 */
import { useTranslation } from "react-i18next";
import { formatLocalTime, formatUtcDateTime, formatUtcDay } from "../i18n/format.ts";
import { useLang } from "../i18n/use-lang.ts";

/** `Sep 15, 2024, 22:59 UTC (23:59 Niamey)`; `dayOnly` shows the UTC day alone. */
export function DateTime({ iso, dayOnly = false }: { iso: string; dayOnly?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (dayOnly) return <time dateTime={iso}>{formatUtcDay(iso, lang)}</time>;
  return (
    <time dateTime={iso} className="date-time">
      {t("{{time}} UTC", { time: formatUtcDateTime(iso, lang) })}{" "}
      <span className="local-time">{t("({{time}} Niamey)", { time: formatLocalTime(iso, lang) })}</span>
    </time>
  );
}
