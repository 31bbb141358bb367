import type { Hazard } from "#domain/cargo.ts";
import { compatible, formatHazard, type SegregationLevel } from "#domain/hazard-compatibility.ts";
import type { VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** A cargo line with its hazard. */
interface Hazardous {
  readonly cargo: string;
  readonly hazard: Hazard;
}

/** The hazardous cargo lines among these ids, each once (pieces of one line are one article). */
function hazardousLines(ctx: VerifyContext, ids: Iterable<string>): Hazardous[] {
  const out = new Map<string, Hazardous>();
  for (const id of ids) {
    const hazard = ctx.cargo.get(id)?.hazard;
    if (hazard && !out.has(id)) out.set(id, { cargo: id, hazard });
  }
  return [...out.values()];
}

/** Every pair of lines that may not travel together at this level. */
function conflicts(lines: readonly Hazardous[], level: SegregationLevel): [Hazardous, Hazardous][] {
  const out: [Hazardous, Hazardous][] = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a && b && !compatible(a.hazard, b.hazard, level)) out.push([a, b]);
    }
  return out;
}

const name = (h: Hazardous) => `${h.cargo} (${formatHazard(h.hazard)})`;

/**
 * `load.hazard`: no two cargo lines on one loaded leg (one aircraft), loose or on pallets, carry
 * hazards that may not share an aircraft, and no pallet holds two that may not share a pallet
 * (`compatible` in `src/domain/hazard-compatibility.ts`). Applies with or without a `loadPlan`.
 * Returns the legs and pallets checked.
 */
export function checkLoadHazards(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const p of ctx.plan.pallets) {
    checked++;
    for (const [a, b] of conflicts(
      hazardousLines(
        ctx,
        p.items.map((i) => i.cargo),
      ),
      "pallet",
    ))
      sink.add(
        violation("load.hazard", `pallet ${p.id} holds ${name(a)} and ${name(b)}, which may not share a pallet: build them on separate pallets`, {
          subject: p.id,
        }),
      );
  }
  for (const m of ctx.movements) {
    if (m.kind !== "leg" || (m.pallets.length === 0 && m.items.length === 0)) continue;
    checked++;
    const ids = [...m.items.map((i) => i.cargo), ...m.pallets.flatMap((id) => ctx.pallets.get(id)?.items.map((i) => i.cargo) ?? [])];
    for (const [a, b] of conflicts(hazardousLines(ctx, ids), "aircraft"))
      sink.add(
        violation("load.hazard", `${m.label} carries ${name(a)} and ${name(b)}, which may not share an aircraft: fly them on different sorties`, {
          movement: m.id,
          subject: a.cargo,
        }),
      );
  }
  return checked;
}
