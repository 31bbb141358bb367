/** The planner's phases and the what-if figures in words, as English keys (translate with `t`). */
import type { useTranslation } from "react-i18next";
import { msg } from "../../i18n/msg.ts";

type T = ReturnType<typeof useTranslation>["t"];

/** A planner phase as people read it: `sorties (plan 2/3)` → "sorties, try 2 of 3". */
export function phaseWords(phase: string, t: T): string {
  const attempt = /^sorties \(plan (\d+)\/(\d+)\)$/.exec(phase);
  if (attempt) return t("sorties, try {{i}} of {{n}}", { i: attempt[1], n: attempt[2] });
  if (phase.startsWith("fixes")) return t("searching what would fix it");
  const known: Record<string, string> = {
    bounds: msg("lower bounds"),
    convoys: msg("convoys"),
    sorties: msg("sorties"),
    "sorties (airline seats)": msg("sorties with airline seats"),
    done: msg("done"),
  };
  return known[phase] === undefined ? phase : t(known[phase] ?? phase);
}

/** The label of a what-if row by its key: `sorties.C-17A` → "Sorties C-17A". */
export function rowLabel(key: string, t: T, site: (id: string) => string): string {
  const [head, rest] = [key.split(".")[0] ?? key, key.split(".").slice(1).join(".")];
  const fixed: Record<string, string> = {
    closure: msg("Closure"),
    deadline: msg("Deadline"),
    slackHours: msg("Slack"),
    meetsDeadline: msg("Meets the deadline with everything planned"),
    unplanned: msg("Not planned"),
    lowerBoundAt: msg("Lower bound"),
    bindingBound: msg("Binding bound"),
    closureRatio: msg("Closure / bound"),
    sorties: msg("Sorties"),
    flyingHours: msg("Flying hours"),
    convoys: msg("Convoys"),
    commercialSeats: msg("Airline seats"),
    clearanceRequests: msg("Clearance requests"),
    firstFiling: msg("First filing by"),
  };
  if (rest === "") return fixed[head] === undefined ? key : t(fixed[head] ?? key);
  if (head === "fleet") return t("Aircraft {{type}}", { type: rest });
  if (head === "sorties") return t("Sorties {{type}}", { type: rest });
  if (head === "closeout") return t("Close-out of {{site}}", { site: site(rest) });
  return key;
}

/** Whether a what-if row holds instants (ISO strings). */
export const isInstantRow = (key: string): boolean => ["closure", "deadline", "lowerBoundAt", "firstFiling"].includes(key) || key.startsWith("closeout.");
