import { blockMinutes } from "#domain/air-leg.ts";
import { allowableLoad } from "#domain/payload-range.ts";
import { formatInstant } from "#domain/time.ts";
import type { VerifyContext } from "./context.ts";
import { legGeometry } from "./leg-distance.ts";
import { parseTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((c) => y.has(c));
};

/**
 * `leg.route` (a listed air leg, either way, with its countries; their order is not compared since a
 * leg flown the other way crosses them backwards), `leg.block_time` and `leg.range`. Returns the legs checked.
 */
export function checkLegs(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  for (const s of ctx.plan.sorties) {
    const fleet = parseTail(ctx.fleet, s.aircraft).fleet;
    const type = ctx.types.get(s.type) ?? (fleet ? ctx.types.get(fleet.type) : undefined);
    s.legs.forEach((leg, i) => {
      checked++;
      const label = `${s.id} leg ${i + 1} ${leg.from}→${leg.to}`;
      const about = { movement: s.id };
      const { airLeg, distance } = legGeometry(ctx, leg);
      if (!airLeg)
        sink.add(violation("leg.route", `${label} is not an air leg of the scenario (either way)`, about));
      else if (!sameSet(leg.overflies, airLeg.overflies))
        sink.add(
          violation(
            "leg.route",
            `${label} states overflies [${leg.overflies.join(", ")}], the scenario's leg crosses [${airLeg.overflies.join(", ")}]`,
            about,
          ),
        );
      if (!type || distance === undefined) return;
      const dep = ctx.at(leg.departAt);
      const arr = ctx.at(leg.arriveAt);
      const block = blockMinutes(type, distance);
      if (arr - dep < block)
        sink.add(
          violation(
            "leg.block_time",
            `${label} departs ${formatInstant(dep)} and arrives ${formatInstant(arr)}: ${arr - dep} min, but a ${type.id} needs ${block} min for ${Math.round(distance)} km`,
            about,
          ),
        );
      if (allowableLoad(type, distance) === undefined) {
        const last = type.payloadRange[type.payloadRange.length - 1];
        sink.add(
          violation(
            "leg.range",
            `${label} is ${Math.round(distance)} km, beyond a ${type.id}'s range of ${Math.round(last?.range ?? 0)} km`,
            about,
          ),
        );
      }
    });
  }
  return checked;
}
