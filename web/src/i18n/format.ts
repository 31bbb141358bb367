/**
 * Dates, times and numbers for people, through `Intl` only, in the app's two languages. Times
 * are shown in UTC (what clearances and schedules use) with the local time in Niamey beside.
 * Pure functions of their arguments: the language is passed in, never read from a global.
 */

/** The languages of the app. */
export const LANGUAGES = ["en", "fr"] as const;
/** One language of the app. */
export type Lang = (typeof LANGUAGES)[number];

/** The `Intl` locale of each language: French as written in Niger. */
export const LOCALES: Record<Lang, string> = { en: "en", fr: "fr-NE" };

/** The host country's time zone, shown beside UTC. */
export const LOCAL_TIME_ZONE = "Africa/Niamey";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

const dateTime = (lang: Lang, zone: string, options: Intl.DateTimeFormatOptions) =>
  cached(`dt|${lang}|${zone}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: zone, hourCycle: "h23" }));
const number = (lang: Lang, options: Intl.NumberFormatOptions = {}) =>
  cached(`n|${lang}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(LOCALES[lang], options));

/** Whether a text is a language of the app. */
export const isLang = (s: string | null | undefined): s is Lang => s === "en" || s === "fr";

/**
 * A date and time in UTC: `Sep 15, 2024, 22:59` / `15 sept. 2024, 22:59`.
 *
 * @example
 * formatUtcDateTime("2024-09-15T22:59:00Z", "fr"); // "15 sept. 2024, 22:59"
 */
export function formatUtcDateTime(iso: string, lang: Lang): string {
  return dateTime(lang, "UTC", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/**
 * The time of day in Niamey: `23:59`, with the date when it differs from the UTC date.
 *
 * @example
 * formatLocalTime("2024-09-15T23:30:00Z", "en"); // "Sep 16, 00:30"
 */
export function formatLocalTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const utcDay = dateTime(lang, "UTC", { year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const localDay = dateTime(lang, LOCAL_TIME_ZONE, { year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  return utcDay === localDay
    ? dateTime(lang, LOCAL_TIME_ZONE, { hour: "2-digit", minute: "2-digit" }).format(d)
    : dateTime(lang, LOCAL_TIME_ZONE, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
}

/**
 * A calendar day in UTC: `Sep 15, 2024` / `15 sept. 2024`.
 *
 * @example
 * formatUtcDay("2024-06-03T00:00:00Z", "en"); // "Jun 3, 2024"
 */
export function formatUtcDay(iso: string, lang: Lang): string {
  return dateTime(lang, "UTC", { dateStyle: "medium" }).format(new Date(iso));
}

/**
 * A short day for chart axes: `Jun 3` / `3 juin`.
 *
 * @example
 * formatShortDay(Date.parse("2024-06-03T00:00:00Z"), "fr"); // "3 juin"
 */
export function formatShortDay(ms: number, lang: Lang): string {
  return dateTime(lang, "UTC", { month: "short", day: "numeric" }).format(new Date(ms));
}

/**
 * A time of day in UTC, 24-hour, for chart axes: `06:00`.
 *
 * @example
 * formatUtcTime(Date.parse("2024-06-03T06:00:00Z"), "fr"); // "06:00"
 */
export function formatUtcTime(ms: number, lang: Lang): string {
  return dateTime(lang, "UTC", { hour: "2-digit", minute: "2-digit" }).format(new Date(ms));
}

/**
 * A number with the language's grouping and decimal marks.
 *
 * @example
 * formatNumber(2086064.9, "fr"); // "2 086 064,9" (narrow no-break spaces)
 */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 0): string {
  return number(lang, { maximumFractionDigits }).format(n);
}

/**
 * Kilograms as tonnes with one decimal: `2,086.1 t` / `2 086,1 t`.
 *
 * @example
 * formatTonnes(2086064.9, "en"); // "2,086.1 t"
 */
export function formatTonnes(kg: number, lang: Lang): string {
  return `${number(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(kg / 1000)} t`;
}

/**
 * A duration in minutes as days and hours: `54 days 16h` / `54 j 16h`; negative durations
 * keep their sign on the days (`-2 days 3h`).
 *
 * @example
 * formatDuration(78_720 + 960, "en"); // "54 days 16h"
 */
export function formatDuration(minutes: number, lang: Lang): string {
  const sign = minutes < 0 ? -1 : 1;
  const total = Math.round(Math.abs(minutes) / 60);
  const days = Math.floor(total / 24);
  const hours = total % 24;
  const d = number(lang, { style: "unit", unit: "day", unitDisplay: "short" }).format(sign * days);
  const h = number(lang, { style: "unit", unit: "hour", unitDisplay: "narrow" }).format(hours);
  if (days === 0) return number(lang, { style: "unit", unit: "hour", unitDisplay: "narrow" }).format(sign * hours);
  return hours === 0 ? d : `${d} ${h}`;
}

/**
 * A country's name from its ISO 3166-1 alpha-2 code: `Algeria` / `Algérie`.
 *
 * @example
 * countryName("DZ", "fr"); // "Algérie"
 */
export function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
