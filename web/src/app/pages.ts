/**
 * Every page of the app, in the navigation's order: its path, its name (an English key) and how
 * to load it. Each page is its own chunk, loaded when first opened. To add a page, add a row
 * here and a folder under `pages/` (see web/README.md); a page not built yet has no `load`.
 */
import type { ComponentType } from "react";
import { msg } from "../i18n/msg.ts";

/** One page. */
export interface PageEntry {
  readonly path: string;
  /** Its name, an English i18n key. */
  readonly label: string;
  /** Loads its component; absent: the page says it is not built yet. */
  readonly load?: () => Promise<ComponentType>;
}

export const PAGES: readonly PageEntry[] = [
  { path: "/", label: msg("Overview"), load: async () => (await import("../pages/overview/overview-page.tsx")).OverviewPage },
  { path: "/map", label: msg("Map"), load: async () => (await import("../pages/map/map-page.tsx")).MapPage },
  { path: "/plan", label: msg("Plan"), load: async () => (await import("../pages/plan/plan-page.tsx")).PlanPage },
  { path: "/clearances", label: msg("Clearances"), load: async () => (await import("../pages/clearances/clearances-page.tsx")).ClearancesPage },
  { path: "/personnel", label: msg("Personnel"), load: async () => (await import("../pages/personnel/personnel-page.tsx")).PersonnelPage },
  { path: "/ledger", label: msg("Ledger"), load: async () => (await import("../pages/ledger/ledger-page.tsx")).LedgerPage },
  { path: "/scenario", label: msg("Scenario"), load: async () => (await import("../pages/scenario/scenario-page.tsx")).ScenarioPage },
  { path: "/report", label: msg("Report"), load: async () => (await import("../pages/report/report-page.tsx")).ReportPage },
];
