/**
 * The API's types, taken from the server's zod contract (`src/server/wire.ts` and the
 * `*-wire.ts` files of the web's read routes). Type imports only: nothing of the server is
 * bundled. This is the one file of the web app that reaches into `src/` (a test checks it).
 */
import type { z } from "zod";
import type { abilitiesSchema } from "../../../src/server/routes/abilities-wire.ts";
import type { mapMovementSchema, mapSchema, mapSiteSchema } from "../../../src/server/routes/map-wire.ts";
import type { overviewAlertSchema, overviewSchema, overviewSiteSchema } from "../../../src/server/routes/overview-wire.ts";
import type {
  checkpointSchema,
  clearanceSchema,
  dispositionSchema,
  handoverListSchema,
  historyEntrySchema,
  leafSchema,
  movementSchema,
  personnelEventSchema,
  personSchema,
  planVersionSchema,
  userSchema,
} from "../../../src/server/wire.ts";

export type User = z.infer<typeof userSchema>;
export type ClearanceRequest = z.infer<typeof clearanceSchema>;
export type Movement = z.infer<typeof movementSchema>;
export type Person = z.infer<typeof personSchema>;
export type PersonnelEvent = z.infer<typeof personnelEventSchema>;
export type CargoDisposition = z.infer<typeof dispositionSchema>;
export type HandoverList = z.infer<typeof handoverListSchema>;
export type PlanVersion = z.infer<typeof planVersionSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type LedgerLeaf = z.infer<typeof leafSchema>;
export type Abilities = z.infer<typeof abilitiesSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewSite = z.infer<typeof overviewSiteSchema>;
export type OverviewAlert = z.infer<typeof overviewAlertSchema>;
export type MapData = z.infer<typeof mapSchema>;
export type MapSite = z.infer<typeof mapSiteSchema>;
export type MapMovement = z.infer<typeof mapMovementSchema>;

/** A list answer. */
export interface ListOf<T> {
  readonly items: T[];
}

/** The caller, as `POST /api/auth/login` and `GET /api/auth/me` answer (the server's `Me` schema). */
export interface Me {
  readonly user: User;
  readonly party: { readonly code: string; readonly name: string; readonly side: string };
  readonly csrfToken: string;
}

/** `GET /api/scenario` (the server's `Scenario` schema, the fields the app reads). */
export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly parties: readonly { readonly code: string; readonly name: string; readonly role: string; readonly country: string }[];
  readonly sites: readonly { readonly id: string; readonly name: string; readonly country: string; readonly inHostCountry: boolean }[];
  readonly start: string;
  readonly deadline: string;
}
