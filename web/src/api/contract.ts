/**
 * The API's types, taken from the server's zod contract (`src/server/wire.ts` and the
 * `*-wire.ts` files of the web's read routes). Type imports only: nothing of the server is
 * bundled. This is the one file of the web app that reaches into `src/` (a test checks it).
 */
import type { z } from "zod";
import type { abilitiesSchema } from "../../../src/server/routes/abilities-wire.ts";
import type { headcountSeriesSchema } from "../../../src/server/routes/headcount-series-wire.ts";
import type { presenceSchema } from "../../../src/server/routes/presence-wire.ts";
import type { mapMovementSchema, mapSchema, mapSiteSchema } from "../../../src/server/routes/map-wire.ts";
import type { overviewAlertSchema, overviewSchema, overviewSiteSchema } from "../../../src/server/routes/overview-wire.ts";
import type { reportMovementSchema, reportSchema } from "../../../src/server/routes/report-wire.ts";
import type { ganttConvoySchema, ganttSeatsSchema, ganttSortieSchema, planGanttSchema, sortieLoadSchema } from "../../../src/server/routes/plan-view-wire.ts";
import type { planRunRequestSchema, planRunResultSchema, runFailureSchema, runProgressSchema, variationSchema, whatIfRequestSchema, whatIfResultSchema } from "../../../src/server/routes/planner-runs-wire.ts";
import type {
  cargoImportPreviewSchema,
  cargoImportRequestSchema,
  cargoImportResultSchema,
  codedTextSchema,
  factFigureSchema,
  importIssueSchema,
  personnelImportPreviewSchema,
  personnelImportRequestSchema,
  personnelImportResultSchema,
  scenarioFactsSchema,
} from "../../../src/server/routes/scenario-page-wire.ts";
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
export type Report = z.infer<typeof reportSchema>;
export type ReportMovement = z.infer<typeof reportMovementSchema>;
export type PlanGantt = z.infer<typeof planGanttSchema>;
export type GanttSortie = z.infer<typeof ganttSortieSchema>;
export type GanttConvoy = z.infer<typeof ganttConvoySchema>;
export type GanttSeats = z.infer<typeof ganttSeatsSchema>;
export type SortieLoad = z.infer<typeof sortieLoadSchema>;
export type ScenarioFacts = z.infer<typeof scenarioFactsSchema>;
export type FactFigure = z.infer<typeof factFigureSchema>;
export type CargoImportRequest = z.input<typeof cargoImportRequestSchema>;
export type CargoImportPreview = z.infer<typeof cargoImportPreviewSchema>;
export type CargoImportResult = z.infer<typeof cargoImportResultSchema>;
export type CodedText = z.infer<typeof codedTextSchema>;
export type ImportIssue = z.infer<typeof importIssueSchema>;
export type PersonnelImportRequest = z.input<typeof personnelImportRequestSchema>;
export type PersonnelImportPreview = z.infer<typeof personnelImportPreviewSchema>;
export type PersonnelImportResult = z.infer<typeof personnelImportResultSchema>;
export type PlanRunRequest = z.input<typeof planRunRequestSchema>;
export type RunProgress = z.infer<typeof runProgressSchema>;
export type RunFailure = z.infer<typeof runFailureSchema>;
export type PlanRunResult = z.infer<typeof planRunResultSchema>;
export type Variation = z.infer<typeof variationSchema>;
export type WhatIfRequest = z.input<typeof whatIfRequestSchema>;
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;
export type HeadcountSeries = z.infer<typeof headcountSeriesSchema>;
export type PersonPresence = z.infer<typeof presenceSchema>;

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
