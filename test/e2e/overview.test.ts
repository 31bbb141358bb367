/**
 * The Overview in Chromium on the Niger scenario, eight days into the withdrawal (replay clock at
 * 2024-05-28 06:00Z): the planner publishes the plan from the page; days left, the burndown chart,
 * the sites and the alerts show; a movement departs and the people in the country and the
 * burndown drop; the host's commission member sees the same, in French.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, type E2eBrowser, launchBrowser, logIn, screenshot, seriousViolations } from "./browser.ts";
import { type E2eServer, startServer } from "./server.ts";

const CLOCK = "2024-05-28T06:00Z";
const DEADLINE = "2024-09-15T22:59:00Z";
const DAY = 86_400_000;

let server: E2eServer;
let browser: E2eBrowser;

beforeAll(async () => {
  server = await startServer({
    clock: CLOCK,
    users: { planner: { party: "US", role: "movement_planner" }, member: { party: "NE", role: "commission_member" } },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function user(name: string) {
  const u = server.users[name];
  if (u === undefined) throw new Error(`no user ${name}`);
  return u;
}

interface Overview {
  daysLeft: number;
  alerts: { total: number; items: { kind: string; subject: string }[] };
  sites: { id: string; name: string; actual: { personnel: number } }[];
}

const figure = async (page: Page, id: string) => (await page.getByTestId(id).locator(".figure-value").textContent()) ?? "";
const integer = (s: string) => Number(s.replace(/[^\d-]/g, ""));

describe("Overview", () => {
  it("lets the planner publish the plan, then shows days left, the burndown, the sites and the alerts", async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, user("planner"));
    await page.getByRole("button", { name: "Run the planner and publish the plan" }).click();
    await page.getByRole("heading", { level: 2, name: "Burndown" }).waitFor({ timeout: 60_000 });

    // Days left: whole days from the clock to the deadline, rounded up (the clock moved seconds at most).
    expect(integer(await figure(page, "days-left"))).toBe(Math.ceil((Date.parse(DEADLINE) - Date.parse(CLOCK)) / DAY));

    // The chart is drawn as SVG, with the plan, the actual and the deadline.
    const chart = page.getByTestId("burndown-chart");
    await chart.locator("svg path").first().waitFor({ state: "attached" });
    expect(await chart.locator("svg").count()).toBe(1);
    const chartText = (await chart.textContent()) ?? "";
    for (const word of ["People, plan", "People, actual", "Cargo (t), plan", "Cargo (t), actual", "Deadline"]) expect(chartText).toContain(word);

    // One tab per host site besides all of them; the sites table has both bases.
    expect(await page.getByRole("tab").allTextContents()).toEqual(["All host sites", "Air Base 101, Niamey (Diori Hamani International Airport)", "Air Base 201, Agadez"]);
    await page.getByRole("tab", { name: "Air Base 201, Agadez" }).click();
    await page.getByTestId("burndown-chart").locator("svg path").first().waitFor({ state: "attached" });
    expect(await page.getByTestId("site-table").locator("tbody tr").count()).toBe(2);

    // The alerts are the server's, the most urgent first.
    const api = (await apiCall<Overview>(page, "GET", "/api/overview")).body;
    expect(api.alerts.total).toBeGreaterThan(0);
    const items = page.getByTestId("alerts").locator("li");
    expect(await items.count()).toBe(api.alerts.items.length);
    for (const [i, a] of api.alerts.items.slice(0, 5).entries()) expect(await items.nth(i).textContent()).toContain(a.subject);
    expect(await items.first().textContent()).toMatch(/^(Critical|Warning)/);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "overview");
    await page.close();
  });

  it("counts a departed movement: the people in the country and the burndown drop, and its late alert goes", async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, user("planner"));
    await page.getByTestId("site-table").waitFor();
    const before = integer(await figure(page, "people"));

    expect((await apiCall(page, "POST", "/api/movements/from-plan", {})).status).toBe(201);
    const list = await apiCall<{ items: { id: string; planRef: string; version: number; plannedPassengers: number; from: string }[] }>(page, "GET", "/api/movements?kind=commercial");
    const seats = list.body.items.sort((a, b) => a.planRef.localeCompare(b.planRef))[0];
    if (seats === undefined) throw new Error("the Niger plan has airline seats");
    const alertsBefore = (await apiCall<Overview>(page, "GET", "/api/overview")).body.alerts.items;
    expect(alertsBefore.some((a) => a.kind === "movement_late" && a.subject === seats.planRef)).toBe(true);
    const scheduled = await apiCall<{ version: number; status: string }>(page, "POST", `/api/movements/${seats.id}/schedule`, {}, seats.version);
    expect(scheduled.body.status).toBe("cleared");
    expect((await apiCall(page, "POST", `/api/movements/${seats.id}/depart`, {}, scheduled.body.version)).status).toBe(200);

    await page.reload();
    await page.getByTestId("site-table").waitFor();
    expect(integer(await figure(page, "people"))).toBe(before - seats.plannedPassengers);
    // "1 of 88": one movement departed.
    expect((await figure(page, "movements")).startsWith("1 of ")).toBe(true);
    expect(await page.getByTestId("alerts").textContent()).not.toContain(`Movement ${seats.planRef} `);

    // The day-by-day table of all host sites ends with the people there now.
    await page.getByText("The figures of All host sites, day by day").click();
    const now = page.getByTestId("burndown-now").locator("td");
    expect(integer((await now.nth(1).textContent()) ?? "")).toBe(before - seats.plannedPassengers);
    await screenshot(page, "overview-after-departure");
    await page.close();
  });

  it("shows the host's commission member the same record, without the planner's action, in French", async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, user("member"));
    await page.getByTestId("site-table").waitFor();
    expect(await page.getByRole("button", { name: /publish/i }).count()).toBe(0);
    const api = (await apiCall<Overview>(page, "GET", "/api/overview")).body;
    const people = api.sites.reduce((n, s) => n + s.actual.personnel, 0);
    expect(integer(await figure(page, "people"))).toBe(people);

    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 2, name: "Avancement du retrait" }).waitFor();
    expect(await page.getByTestId("alerts").locator("li").first().textContent()).toMatch(/^(Critique|Avertissement)/);
    expect(await page.getByTestId("site-table").textContent()).toMatch(/\d{1,2} (mai|juin|juil\.|août) 2024, \d\d:\d\d UTC/);
    expect(await page.getByTestId("cargo").textContent()).toMatch(/\d,\d t/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "overview-member-fr");
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });
});
