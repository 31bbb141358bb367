import type { AircraftType } from "./aircraft-type.ts";
import type { Site } from "./site.ts";
import { type Minutes, minutes } from "./units.ts";

/**
 * Minutes an aircraft stays on the ground at a stop: unloading plus loading, and never less than
 * a servicing (refuel) stop. A site's own figures for the type override the type's defaults.
 */
export function groundMinutes(
  type: AircraftType,
  site: Site,
  work: { readonly unloading: boolean; readonly loading: boolean },
): Minutes {
  const local = site.groundTimes?.[type.id];
  const onload = local?.onload ?? type.groundTime.onload ?? 0;
  const offload = local?.offload ?? type.groundTime.offload ?? 0;
  const refuel = local?.refuel ?? type.groundTime.refuel ?? 0;
  return minutes(Math.max(refuel, (work.unloading ? offload : 0) + (work.loading ? onload : 0)));
}
