/**
 * The what-if comparison's coded texts, as the server sends them (`notes` of each variant): the
 * catalogue lives with the planner that says them (src/planner/whatif/whatif-notes.ts); the web app
 * has their French (web/src/i18n/fr-whatif-codes.ts).
 */
export { WHATIF_NOTES as WHATIF_TEXTS } from "#planner/whatif/whatif-notes.ts";
