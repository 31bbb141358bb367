/** Which movements the Personnel page lists: by state, kind, site and a search, in departure order. */
import type { Movement } from "../../api/contract.ts";

/** What the reader asked to see. */
export interface MovementFilter {
  /** "all", "to_leave" (planned, scheduled or cleared), or one state. */
  readonly status: string;
  /** "all" or a kind (sortie, convoy, commercial). */
  readonly kind: string;
  /** "all" or a site the movement leaves from or goes to. */
  readonly site: string;
  /** Part of the movement's id or plan reference; empty: any. */
  readonly text: string;
}

/** Every movement. */
export const ALL_MOVEMENTS: MovementFilter = { status: "all", kind: "all", site: "all", text: "" };

const TO_LEAVE = ["planned", "scheduled", "cleared"];

/**
 * The movements that pass the filter, by planned departure then plan reference.
 *
 * @example
 * listedMovements(movements, { ...ALL_MOVEMENTS, status: "to_leave", site: "AGADEZ" });
 */
export function listedMovements(movements: readonly Movement[], f: MovementFilter): Movement[] {
  const text = f.text.trim().toLowerCase();
  return movements
    .filter((m) => (f.status === "to_leave" ? TO_LEAVE.includes(m.status) : f.status === "all" || m.status === f.status))
    .filter((m) => f.kind === "all" || m.kind === f.kind)
    .filter((m) => f.site === "all" || m.from === f.site || m.to === f.site)
    .filter((m) => text === "" || `${m.id} ${m.planRef ?? ""}`.toLowerCase().includes(text))
    .sort((a, b) => Date.parse(a.departAt) - Date.parse(b.departAt) || (a.planRef ?? a.id).localeCompare(b.planRef ?? b.id));
}
