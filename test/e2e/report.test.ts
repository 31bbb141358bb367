/**
 * The Report page in Chromium on the Niger scenario, for both parties: the joint report in English
 * then in French, with the figures of the records; each table's CSV (UTF-8 with BOM); the PDF the
 * server prints from this page; the sites and routes as GeoJSON; a calendar link that a calendar
 * client can fetch without a session. axe-core finds no serious or critical violation.
 */
import { readFileSync } from "node:fs";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, logIn, screenshot, seriousViolations } from "./browser.ts";
import { accounts, e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-05-20T08:00Z",
  users: accounts("planner", "usMember", "neMember", "neObserver"),
});
const user = e2e.user;

async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const ready = (page: Page) => page.locator("[data-report-ready]").waitFor({ timeout: 30_000 });

describe("the Report page", () => {
  it("shows the departing party's member the joint report in English then French, with a CSV for each table", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"));
    expect((await apiCall(page, "POST", "/api/plans", {})).status).toBe(201);
    expect((await apiCall(page, "POST", "/api/movements/from-plan", {})).status).toBe(201);
    expect((await apiCall(page, "POST", "/api/dispositions/from-scenario", {})).status).toBe(201);
    const latest = (await apiCall<{ latestCheckpoint: number }>(page, "GET", "/api/ledger/final")).body.latestCheckpoint;

    await logIn(page, e2e.server.url, user("usMember"));
    expect((await apiCall(page, "POST", `/api/ledger/checkpoints/${latest}/cosignatures/US`, {})).status).toBe(200);
    await logIn(page, e2e.server.url, user("neMember"));
    expect((await apiCall(page, "POST", `/api/ledger/checkpoints/${latest}/cosignatures/NE`, {})).status).toBe(200);

    await logIn(page, e2e.server.url, user("usMember"), "/report");
    await ready(page);
    const en = page.getByTestId("report-en");
    const fr = page.getByTestId("report-fr");
    expect(await en.getAttribute("lang")).toBe("en");
    expect(await fr.getAttribute("lang")).toBe("fr-NE");
    expect(await en.getByRole("heading", { level: 2 }).textContent()).toBe("Joint progress report");
    expect(await fr.getByRole("heading", { level: 2 }).textContent()).toBe("Rapport conjoint d’avancement");
    expect(await en.getByTestId("report-status").textContent()).toMatch(/Sep 15, 2024, 22:59 UTC/);
    expect(await fr.getByTestId("report-status").textContent()).toMatch(/15 sept\. 2024, 22:59 UTC/);

    // The figures are the records': movements planned, and the checkpoint both parties cosigned.
    const report = (await apiCall<{ movements: { planned: unknown[] }; ledger: { latestFinal: { treeSize: number; rootHash: string } } }>(page, "GET", "/api/report")).body;
    expect(report.ledger.latestFinal.treeSize).toBe(latest);
    expect(await en.getByTestId("report-checkpoint").textContent()).toContain(report.ledger.latestFinal.rootHash);
    expect(await en.getByTestId("report-cosignatures").locator("tbody tr").count()).toBe(2);
    expect(await en.getByTestId("report-movements-planned").locator("tbody tr").count()).toBe(Math.min(15, report.movements.planned.length));
    expect(await en.getByTestId("report-sites").locator("tbody tr").count()).toBe(2);

    // The planned movements' CSV: UTF-8 with a BOM, every movement (the table shows the first 15).
    const csv = await saved(Promise.all([page.waitForEvent("download"), en.getByRole("button", { name: "Export CSV: Movements planned" }).click()]).then(([d]) => d));
    expect(csv.name).toBe("movements-planned.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Movement,Kind,From,To,Planned departure (UTC),Planned arrival (UTC),Departed (UTC),Arrived (UTC),Passengers,Status");
    expect(lines).toHaveLength(report.movements.planned.length + 1);
    // The French half's CSV speaks French.
    const csvFr = await saved(Promise.all([page.waitForEvent("download"), fr.getByRole("button", { name: "Exporter en CSV: Avancement par site" }).click()]).then(([d]) => d));
    expect(csvFr.bytes.toString("utf8").slice(1).split("\r\n")[0]).toMatch(/^Site,Personnes au début,/);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "report-us-member");
    await page.close();
  });

  it("gives the PDF printed from this page, the GeoJSON and a calendar link, to the host's observer too", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("neObserver"), "/report");
    await ready(page);
    expect(await seriousViolations(page)).toEqual([]);

    const pdf = await saved(Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("report-pdf").click()]).then(([d]) => d));
    expect(pdf.name).toMatch(/^drawdown-report-niger-2024-2024-05-20\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((pdf.bytes.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);

    const geo = await saved(Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Sites and routes as GeoJSON" }).click()]).then(([d]) => d));
    const g = JSON.parse(geo.bytes.toString("utf8")) as { type: string; features: { geometry: { type: string }; properties: { feature: string; name?: string } }[] };
    expect(g.type).toBe("FeatureCollection");
    expect(g.features.filter((f) => f.properties.feature === "site").map((f) => f.properties.name)).toContain("Air Base 201, Agadez");
    expect(g.features.some((f) => f.geometry.type === "LineString")).toBe(true);

    await page.getByRole("button", { name: "Make my calendar link" }).click();
    const field = page.getByLabel("Calendar link, events in English");
    await field.waitFor();
    const url = await field.inputValue();
    expect(url.startsWith(`${e2e.server.url}/api/calendar.ics?token=`)).toBe(true);
    // A calendar client: no cookie, the link only.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics.split("BEGIN:VEVENT").length - 1).toBe(report(await apiCall<{ movements: { planned: unknown[]; done: unknown[] } }>(page, "GET", "/api/report")));
    expect((await fetch(await page.getByLabel("Calendar link, events in French").inputValue()).then((r) => r.text()))).toContain("SUMMARY:Sortie aérienne");
    // A new link stops the old one.
    await page.getByRole("button", { name: "Make a new link (the old one stops)" }).click();
    await page.waitForFunction(`document.querySelector("[data-testid=calendar-links] input")?.value !== ${JSON.stringify(url)}`);
    expect((await fetch(url)).status).toBe(401);

    // The frame in French: the downloads speak French, the report's halves keep their languages.
    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 2, name: "Téléchargements" }).waitFor();
    expect(await page.getByTestId("report-en").getByRole("heading", { level: 2 }).textContent()).toBe("Joint progress report");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "report-ne-observer-fr");
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });
});

/** Movements in the report: planned and done (cancelled ones are in the feed too, none here). */
function report(r: { body: { movements: { planned: unknown[]; done: unknown[] } } }): number {
  return r.body.movements.planned.length + r.body.movements.done.length;
}
