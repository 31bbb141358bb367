/** The words and colours of the Plan page's states, as English keys (translate with `t`). */
import type { GanttSortie } from "../../api/contract.ts";
import { msg } from "../../i18n/msg.ts";

type ClearanceState = GanttSortie["clearance"];

/** What a sortie's clearance state means, for its bar, the legend and the table. */
export const CLEARANCE_STATES: Readonly<Record<ClearanceState, string>> = {
  none: msg("no request on the server"),
  draft: msg("requests drafted, not filed"),
  pending: msg("awaiting the host's decision"),
  approved: msg("cleared by the host"),
  denied: msg("denied by the host"),
  expired: msg("clearance expired"),
};

/** Fill colours of sortie bars by clearance state (white text on each keeps 4.5:1). */
export const CLEARANCE_COLOURS: Readonly<Record<ClearanceState, string>> = {
  none: "#4a5563",
  draft: "#0b5cad",
  pending: "#8a4b00",
  approved: "#1d6b3a",
  denied: "#a4161a",
  expired: "#5b2a86",
};

/** Fill colours of the other bars. */
export const CONVOY_COLOUR = "#00707a";
export const SEATS_COLOUR = "#6d4c9e";

/** The parts of an aircraft's load model that may be assumptions, as English keys. */
export const MODEL_PARTS: Readonly<Record<string, string>> = {
  model: msg("the model as a whole"),
  positions: msg("pallet positions"),
  mac: msg("mean aerodynamic chord"),
  envelope: msg("balance limits"),
  operating: msg("operating weight and arm"),
  seatZones: msg("seat zones"),
  floorZones: msg("floor zones"),
};
