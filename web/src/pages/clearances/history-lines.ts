/**
 * What each event of a request's history changed, as facts the page words in the reader's
 * language: the decision's data (clearance number and validity, a reason) and, for edits,
 * amendments and resubmissions, each field that changed with its new value. Resubmissions carry
 * the whole request, so they are compared with the request as it stood before.
 */
import type { HistoryEntry } from "../../api/contract.ts";
import { changesOf, type RequestChanges } from "./clearance-view.ts";

/** A value as it is shown. */
export type LineValue =
  | { readonly text: string }
  | { readonly instant: string }
  | { readonly number: number }
  | { readonly legs: number }
  | { readonly declarations: number };

/** One fact of an event: a field (an English key) and its value. */
export interface HistoryLine {
  readonly field: string;
  readonly value: LineValue;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function changeLines(c: RequestChanges): HistoryLine[] {
  const out: HistoryLine[] = [];
  if (c.airfield !== undefined) out.push({ field: "airfield", value: { text: c.airfield } });
  if (c.aircraft !== undefined) out.push({ field: "aircraft", value: { text: [c.aircraft.type, c.aircraft.tailNumber, c.aircraft.callSign].filter(Boolean).join(" · ") } });
  if (c.itinerary !== undefined) out.push({ field: "itinerary", value: { legs: c.itinerary.length } });
  if (c.firstAt !== undefined) out.push({ field: "firstAt", value: { instant: c.firstAt } });
  if (c.lastAt !== undefined) out.push({ field: "lastAt", value: { instant: c.lastAt } });
  if (c.passengers !== undefined) out.push({ field: "passengers", value: { number: c.passengers } });
  if (c.crew !== undefined) out.push({ field: "crew", value: { number: c.crew } });
  if (c.dangerousCargo !== undefined) out.push({ field: "dangerousCargo", value: { declarations: c.dangerousCargo.length } });
  if (c.weapons !== undefined) out.push({ field: "weapons", value: { declarations: c.weapons.length } });
  if (c.remarks !== undefined) out.push({ field: "remarks", value: { text: c.remarks } });
  return out;
}

/** The fields of `next` that differ from `before` (compared as JSON). */
function changed(before: RequestChanges, next: RequestChanges): RequestChanges {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) if (JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])) out[k] = v;
  return out as RequestChanges;
}

/**
 * The lines of every event, in the history's order.
 *
 * @example
 * historyLines(request.history)[2]; // [{ field: "clearanceNumber", value: { text: "NE-2024-117" } }, …]
 */
export function historyLines(history: readonly HistoryEntry[]): HistoryLine[][] {
  let current: RequestChanges = {};
  return history.map((e) => {
    const d = e.data;
    switch (e.type) {
      case "clearance.drafted": {
        current = changesOf(d.details);
        const source = d.source as { sortie?: unknown } | undefined;
        const sortie = str(source?.sortie);
        return sortie === undefined ? [] : [{ field: "sortie", value: { text: sortie } }];
      }
      case "clearance.updated": {
        const c = changesOf(d.changes);
        current = { ...current, ...c };
        return changeLines(c);
      }
      case "clearance.submitted":
      case "clearance.amendment_accepted":
      case "clearance.resubmitted": {
        const next = changesOf(d.details);
        const lines = e.type === "clearance.submitted" ? [] : changeLines(changed(current, next));
        current = next;
        const remarks = str(d.remarks);
        return e.type === "clearance.resubmitted" && remarks !== undefined ? [...lines.filter((l) => l.field !== "remarks"), { field: "note", value: { text: remarks } }] : lines;
      }
      case "clearance.approved":
        return [
          { field: "clearanceNumber", value: { text: str(d.clearanceNumber) ?? "" } },
          { field: "validFrom", value: { instant: str(d.validFrom) ?? "" } },
          { field: "validTo", value: { instant: str(d.validTo) ?? "" } },
          ...(str(d.remarks) === undefined ? [] : [{ field: "remarks", value: { text: str(d.remarks) ?? "" } }]),
        ];
      case "clearance.denied":
        return [{ field: "reason", value: { text: str(d.reason) ?? "" } }];
      case "clearance.amended":
        return [{ field: "reason", value: { text: str(d.reason) ?? "" } }, ...changeLines(changesOf(d.changes))];
      case "clearance.cancelled":
        return str(d.reason) === undefined ? [] : [{ field: "reason", value: { text: str(d.reason) ?? "" } }];
      case "clearance.expired":
        return [{ field: "validTo", value: { instant: str(d.validTo) ?? "" } }];
      case "clearance.used":
        return [
          { field: "movement", value: { text: str(d.movement) ?? "" } },
          { field: "departedAt", value: { instant: str(d.at) ?? "" } },
        ];
      default:
        return [];
    }
  });
}
