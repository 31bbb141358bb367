/**
 * The README's picture: the Overview of the Niger scenario on the first morning of the withdrawal,
 * captured in Chromium from a real server (`npm run docs:screenshot` writes docs/overview.png).
 * The planner publishes the plan, drafts and files every clearance request with Niger, and Niger's
 * officer approves them, so the page shows the plan's burndown against the deadline rather than a
 * wall of alerts. Kept out of `npm test`: it rewrites a committed file.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "#test/scenarios.ts";
import { apiCall, launchBrowser, logIn } from "./browser.ts";
import { startServer } from "./server.ts";

/** Where the picture goes, and the most it may weigh. */
export const OVERVIEW_PNG = join(ROOT, "docs/overview.png");
const MAX_BYTES = 300_000;
const CLOCK = "2024-05-20T05:00Z";
const DAY = 86_400_000;

interface Request {
  id: string;
  version: number;
  details: { firstAt: string; lastAt: string };
}

const server = await startServer({ clock: CLOCK, users: { planner: { party: "US", role: "movement_planner" }, officer: { party: "NE", role: "clearance_officer" } } });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 1180 });
  const { planner, officer } = server.users;
  if (planner === undefined || officer === undefined) throw new Error("no planner or officer");
  const step = async <T>(method: string, path: string, body?: unknown, version?: number): Promise<T> => {
    const r = await apiCall<T>(page, method, path, body, version);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await logIn(page, server.url, planner);
  await step("POST", "/api/plans", { note: "baseline" });
  const drafts = await step<{ drafted: { id: string; version: number }[] }>("POST", "/api/clearances/drafts", { callSignPrefix: "RCH", crew: 5 });
  await step("POST", "/api/clearances/submit", { items: drafts.drafted.map((d) => ({ id: d.id, version: d.version })) });
  await logIn(page, server.url, officer);
  const submitted = (await step<{ items: Request[] }>("GET", "/api/clearances?status=submitted")).items;
  for (const r of submitted) {
    const validFrom = new Date(Date.parse(r.details.firstAt) - DAY).toISOString();
    await step("POST", `/api/clearances/${r.id}/approve`, { clearanceNumber: `NE-2024-${r.id}`, validFrom, validTo: new Date(Date.parse(r.details.lastAt) + DAY).toISOString() }, r.version);
  }
  process.stderr.write(`${submitted.length} clearance requests filed and approved\n`);
  await logIn(page, server.url, planner);
  await page.goto(`${server.url}/`);
  await page.getByTestId("burndown-chart").locator("svg path").first().waitFor({ state: "attached" });
  await page.waitForTimeout(500); // the chart's entry animation
  await page.screenshot({ path: OVERVIEW_PNG, fullPage: false });
  const bytes = statSync(OVERVIEW_PNG).size;
  process.stderr.write(`wrote ${OVERVIEW_PNG} (${Math.round(bytes / 1000)} kB)\n`);
  if (bytes > MAX_BYTES) throw new Error(`the picture weighs ${bytes} bytes, more than ${MAX_BYTES}: make the viewport smaller`);
} finally {
  await browser.close();
  await server.stop();
}
