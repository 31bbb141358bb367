/**
 * The what-if form's data without React: a variant as the form edits it, turned into the API's
 * variation, described in words, and the comparison's changes computed from the raw figures (so
 * they read in the reader's language).
 */
import type { Variation } from "../../api/contract.ts";
import { msg } from "../../i18n/msg.ts";

/** The kinds of change the form offers. */
export type ChangeKind = "fleet" | "clearance-delay" | "deny" | "deadline-shift";

/** One variant as edited. */
export interface VariantDraft {
  readonly kind: ChangeKind;
  readonly type: string;
  readonly delta: number;
  readonly target: string;
  readonly hours: number;
  readonly country: string;
  readonly days: number;
}

/** A new variant: one more aircraft of the first type. */
export const newDraft = (type: string, target: string, country: string): VariantDraft => ({ kind: "fleet", type, delta: 1, target, hours: 72, country, days: -7 });

/**
 * The API's variation of a draft, or the reason it is not one yet (an English key).
 *
 * @example
 * toVariation({ ...draft, kind: "deadline-shift", days: -7 }); // { ok: true, variation: { kind: "deadline-shift", hours: -168 } }
 */
export function toVariation(d: VariantDraft): { ok: true; variation: Variation } | { ok: false; reason: string } {
  switch (d.kind) {
    case "fleet":
      if (!Number.isInteger(d.delta) || d.delta === 0) return { ok: false, reason: msg("Give a change of at least one aircraft.") };
      return { ok: true, variation: { kind: "fleet", type: d.type, delta: d.delta } };
    case "clearance-delay":
      if (!(d.hours > 0)) return { ok: false, reason: msg("Give a delay of more than 0 hours.") };
      if (d.target.trim().length < 2) return { ok: false, reason: msg("Name a country (NE) or an airfield (DRRN).") };
      return { ok: true, variation: { kind: "clearance-delay", target: d.target.trim().toUpperCase(), hours: d.hours } };
    case "deny":
      if (!/^[A-Za-z]{2}$/.test(d.country.trim())) return { ok: false, reason: msg("Give a two-letter country code, e.g. DZ.") };
      return { ok: true, variation: { kind: "deny", country: d.country.trim().toUpperCase() } };
    case "deadline-shift":
      if (!Number.isFinite(d.days) || d.days === 0) return { ok: false, reason: msg("Give a number of days other than 0.") };
      return { ok: true, variation: { kind: "deadline-shift", hours: d.days * 24 } };
  }
}

/** A figure's change from the scenario as it is to the variant, as a number of its unit (hours for instants). */
export function changeOf(key: string, base: number | string | boolean | null, variant: number | string | boolean | null, instants: boolean): number | null {
  if (instants && typeof base === "string" && typeof variant === "string") return (Date.parse(variant) - Date.parse(base)) / 3_600_000;
  if (typeof base === "number" && typeof variant === "number") return variant - base;
  return null;
}
