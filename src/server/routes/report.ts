/**
 * The joint progress report: its figures (`GET /api/report`), the same report as a bilingual PDF
 * printed by Chromium from the web app's Report page (`GET /api/report/pdf`), and the movements'
 * calendar feed (see `calendar.ts`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { formatDay, formatInstant } from "#domain/time.ts";
import { listClearanceRequests } from "#store/clearance-requests.repository.ts";
import { listDispositions } from "#store/dispositions.repository.ts";
import { ledgerSize, listCosignatures } from "#store/ledger.repository.ts";
import { listMovements } from "#store/movements.repository.ts";
import { listPersonnelEvents, listPersons } from "#store/persons.repository.ts";
import { can } from "#workflow/policy.ts";
import { instantOf } from "../clock.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { verifierKeysOf } from "../ledger-keys.ts";
import { clearanceOfRow, dispositionOfRow, movementOfRow, personnelEventOfRow, personOfRow } from "../persistence.ts";
import { type AppEnv, jsonAnswer, PROBLEMS, problem, requireActor } from "../request.ts";
import { type RouteTable, SESSION } from "../route-table.ts";
import { SESSION_COOKIE } from "../session-service.ts";
import { registerCalendarRoutes } from "./calendar.ts";
import { PdfPrinter, PrintError } from "./report-pdf.ts";
import { clearanceSummary, dispositionSummary, movementSummary, personnelSummary } from "./report-summary.ts";
import { reportSchema } from "./report-wire.ts";

type Report = z.infer<typeof reportSchema>;

/** The report's figures, as the caller may read them (both parties read the whole joint record). */
async function makeReport(deps: ServerDeps, actor: ReturnType<typeof requireActor>): Promise<Report> {
  const readable = (type: "movement" | "clearance_request" | "cargo_disposition" | "person") => (o: { owner: string }) =>
    can(actor, "read", { type, owner: o.owner as never }, deps.settings);
  const rs = deps.scenario.resolved;
  const now = instantOf(deps.clock.now());
  const movements = (await listMovements(deps.db)).map(movementOfRow).filter(readable("movement"));
  const clearances = (await listClearanceRequests(deps.db)).map(clearanceOfRow).filter(readable("clearance_request"));
  const dispositions = (await listDispositions(deps.db)).map(dispositionOfRow).filter(readable("cargo_disposition"));
  const persons = (await listPersons(deps.db)).map(personOfRow).filter(readable("person"));
  const events = (await listPersonnelEvents(deps.db)).map(personnelEventOfRow);
  const keys = verifierKeysOf(deps.ledger.keys);
  const finalSize = await deps.ledger.finalSize(deps.db);
  const final = finalSize === 0 ? undefined : (await deps.ledger.checkpoints(deps.db)).find((c) => c.treeSize === finalSize);
  const keyIdOf = (party: string) => keys.parties[party]?.split("+")[1] ?? "";
  return {
    at: formatInstant(now),
    scenario: { id: rs.scenario.id, name: rs.scenario.name, start: formatInstant(rs.start), deadline: formatInstant(rs.deadline) },
    parties: [
      { code: deps.parties.departing, name: deps.parties.names[deps.parties.departing] ?? deps.parties.departing, role: "departing" },
      { code: deps.parties.host, name: deps.parties.names[deps.parties.host] ?? deps.parties.host, role: "host" },
    ],
    movements: movementSummary(movements),
    clearances: clearanceSummary(clearances),
    personnel: personnelSummary(persons, events, movements, now),
    dispositions: dispositionSummary(dispositions),
    ledger: {
      size: await ledgerSize(deps.db),
      finalSize,
      latestFinal:
        final === undefined
          ? null
          : {
              treeSize: final.treeSize,
              rootHash: final.rootHash,
              body: final.body,
              createdAt: final.createdAt,
              cosignatures: final.cosignatures.map((c) => ({ party: c.party, keyName: c.keyName, keyId: keyIdOf(c.party), at: new Date(c.timestamp * 1000).toISOString() })),
            },
      keys: { origin: keys.origin, log: keys.log, parties: { ...keys.parties } },
    },
  };
}

/** What the PDF route needs from its surroundings. */
export interface ReportOptions {
  /** Chromium's path (default `CHROMIUM_PATH`, else /usr/bin/chromium). */
  readonly chromium?: string;
}

/** Registers the report's routes and the calendar's. */
export function registerReportRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps, options: ReportOptions = {}): void {
  const printer = new PdfPrinter(options.chromium ?? process.env.CHROMIUM_PATH ?? undefined);
  // The last PDF, kept while nothing in the record changed (every decision adds an entry, every
  // cosignature a row) and the clock is in the same minute: a room of members downloading the
  // same report costs one print. The report is the same for every caller (it is joint).
  let cached: { key: string; pdf: Uint8Array } | undefined;

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/report",
        tags: ["progress"],
        summary: "The joint progress report's figures: movements done and planned, clearances by state, personnel in and out, asset disposition, the latest final checkpoint",
        responses: { 200: jsonAnswer(reportSchema, "The report"), ...PROBLEMS },
      }),
      SESSION,
    ),
    async (c) => c.json(await makeReport(deps, requireActor(c)), 200),
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/report/pdf",
        tags: ["progress"],
        summary: "The joint progress report as a bilingual PDF (English, then French), printed by Chromium from the web app's Report page",
        responses: {
          200: { description: "The PDF", content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } },
          ...PROBLEMS,
          503: problem("Chromium is not installed, or the web app is not built"),
        },
      }),
      SESSION,
    ),
    async (c) => {
      requireActor(c);
      const token = getCookie(c, SESSION_COOKIE) ?? "";
      if (deps.webRoot === undefined || !existsSync(join(deps.webRoot, "index.html")))
        throw new HttpError(503, "report.web_not_built", "The web app is not built", "the PDF is printed from the web app's Report page: run `npm run web:build` (npm install does it)");
      if (!printer.available())
        throw new HttpError(503, "report.no_chromium", "Chromium is not installed", `the report is printed with ${printer.chromiumPath}: install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH`);
      const key = [await ledgerSize(deps.db), (await listCosignatures(deps.db)).length, Math.floor(deps.clock.now().getTime() / 60_000)].join(":");
      let pdf = cached?.key === key ? cached.pdf : undefined;
      if (pdf === undefined) {
        try {
          pdf = await printer.print({
            path: "/report?print=1",
            cookie: `${SESSION_COOKIE}=${token}`,
            fetch: (r) => Promise.resolve(app.fetch(r)),
            readySelector: "[data-report-ready]",
            failSelector: "[data-report-error]",
          });
        } catch (e) {
          if (e instanceof PrintError && e.reason === "no_chromium") throw new HttpError(503, "report.no_chromium", "Chromium is not installed", "install it with `apt-get install -y chromium`");
          deps.logger.error("report.pdf_failed", { error: e instanceof Error ? e.message : String(e) });
          throw new HttpError(502, "report.print_failed", "The report could not be printed", e instanceof PrintError ? e.message : "Chromium failed; try again");
        }
        cached = { key, pdf };
      }
      const name = `drawdown-report-${deps.scenario.id}-${formatDay(instantOf(deps.clock.now()))}.pdf`;
      return c.body(pdf.slice().buffer, 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      });
    },
  );

  registerCalendarRoutes(app, table, deps);
}
