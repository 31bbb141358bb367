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
  { path: "/plan", label: msg("Plan") },
  { path: "/clearances", label: msg("Clearances") },
  { path: "/personnel", label: msg("Personnel") },
  { path: "/ledger", label: msg("Ledger") },
  { path: "/scenario", label: msg("Scenario") },
  { path: "/report", label: msg("Report") },
];
