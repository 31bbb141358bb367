/**
 * Every migration, by name. Names sort in the order they run (`0001_…`, `0002_…`) and never
 * change once released; add a file and a line here for each new one.
 */
import type { Migration } from "kysely";
import * as initial from "./0001_initial.ts";
import * as workflow from "./0002_workflow.ts";

/** All migrations, keyed by their sortable names. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001_initial": initial,
  "0002_workflow": workflow,
};
