/**
 * The Personnel page in Chromium on the Niger scenario (replay clock 2024-05-20 08:00Z), for each
 * role: the US planner creates the plan's movements, registers people and records their entries,
 * boards one on an airline flight and departs it (the exit is recorded with it), and records the
 * exit a reconciliation finds missing; a stale record is refused with a 409 the page explains.
 * Niger's clearance officer (in French) sees names and nationalities but no document number and
 * no action; commission members and an observer read, the US member with document numbers. CSV
 * export, and axe-core on every tab and the movement dialog.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, logIn, screenshot, seriousViolations } from "./browser.ts";
import {
  boardOpenMovement,
  chooseLanguage,
  closeMovement,
  departOpenMovement,
  exactly,
  integer,
  openMovement,
  openPersonnelTab,
  recordEntryAt,
  registerPerson,
  scheduleOpenMovement,
} from "./flow-steps.ts";
import { accounts, e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-05-20T08:00Z",
  users: accounts("planner", "officer", "usMember", "neMember", "observer"),
});

async function pageOf(name: string, path = "/personnel"): Promise<Page> {
  const page = await e2e.logInAs(name, path);
  await page.getByTestId("headcount-now").waitFor();
  return page;
}

interface Movement {
  id: string;
  planRef?: string;
  kind: string;
  from: string;
  departAt: string;
  version: number;
}

const NIAMEY = "Air Base 101, Niamey (Diori Hamani International Airport)";
const AMY = { name: "Amy Adams", document: "X4471002" };
const BOB = { name: "Bob Brown", document: "X4471003" };
const CY = { name: "Cy Clark", document: "X4471004" };
const ids: Record<string, string> = {};

describe("Personnel", () => {
  it("lets the US planner create the movements, register and record people, board and depart an airline flight", async () => {
    const page = await pageOf("planner");
    expect((await apiCall(page, "POST", "/api/plans", { note: "baseline" })).status).toBe(201);
    await page.reload();
    await page.getByTestId("movement-table").waitFor();
    expect(await page.getByTestId("movement-table").textContent()).toContain("No movement is recorded yet.");
    await page.getByRole("button", { name: "Create the plan's movements" }).click();
    const created = integer(await page.getByTestId("created-movements").textContent());
    const all = (await apiCall<{ items: Movement[] }>(page, "GET", "/api/movements")).body.items;
    expect(created).toBe(all.length);
    expect(created).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-movements");

    for (const p of [AMY, BOB, CY]) ids[p.name] = await registerPerson(page, "en", { name: p.name, nationality: "US", documentNumber: p.document, unit: "409th Air Expeditionary Group" });
    const amy = { id: ids[AMY.name] ?? "", name: AMY.name };
    await recordEntryAt(page, "en", amy, NIAMEY);
    expect(await page.getByTestId("people-table").textContent()).toContain(AMY.document);
    expect(integer(await page.getByTestId("headcount-total").locator(".figure-value").textContent())).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-people");

    // The first airline flight from Niamey: scheduled (no clearance needed: cleared at once), Amy boards, it departs.
    const flight = all.filter((m) => m.kind === "commercial" && m.from === "NIAMEY").sort((a, b) => Date.parse(a.departAt) - Date.parse(b.departAt))[0];
    if (flight?.planRef === undefined) throw new Error("the Niger plan has airline seats from Niamey");
    const dialog = await openMovement(page, "en", flight.planRef);
    await scheduleOpenMovement(dialog, "en");
    await dialog.getByTestId("movement-facts").filter({ hasText: "cleared" }).waitFor();
    await boardOpenMovement(dialog, "en", [AMY.name]);
    expect(await dialog.getByTestId("manifest").textContent()).toContain(AMY.document);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-movement-dialog");
    // The page says what the server recorded with the departure (an airline flight's exits: see the next test).
    expect(await departOpenMovement(dialog, "en")).toMatch(/^Departed\. Exits recorded: \d+; clearances used: 0\.$/);
    // Departed, the manifest is frozen: no editor, no action left but reading.
    await dialog.getByTestId("manifest-editor").waitFor({ state: "detached" });
    await dialog.getByTestId("movement-facts").filter({ hasText: "departed" }).waitFor();
    await closeMovement(page, "en");
    const headcount = (await apiCall<{ total: number }>(page, "GET", "/api/personnel/headcount")).body.total;
    await expect.poll(async () => integer(await page.getByTestId("headcount-total").locator(".figure-value").textContent())).toBe(headcount);
    await page.close();
  });

  it("finds a departure nobody recorded as an exit, and records it from the reconciliation", async () => {
    const page = await pageOf("planner");
    // Bob boarded the next airline flight before his presence was recorded (set up through the API).
    const all = (await apiCall<{ items: (Movement & { status: string })[] }>(page, "GET", "/api/movements")).body.items;
    const next = all.filter((m) => m.kind === "commercial" && m.from === "NIAMEY" && m.status === "planned").sort((a, b) => Date.parse(a.departAt) - Date.parse(b.departAt))[0];
    if (next === undefined) throw new Error("a second airline flight from Niamey");
    const scheduled = await apiCall<{ version: number }>(page, "POST", `/api/movements/${next.id}/schedule`, {}, next.version);
    const boarded = await apiCall<{ version: number }>(page, "PUT", `/api/movements/${next.id}/manifest`, { persons: [ids[BOB.name]] }, scheduled.body.version);
    expect(boarded.status).toBe(200);
    expect((await apiCall<{ exits: number }>(page, "POST", `/api/movements/${next.id}/depart`, {}, boarded.body.version)).body.exits).toBe(0);

    // His entry, recorded late with the hour he was there.
    await page.reload();
    await openPersonnelTab(page, "en", "People");
    const row = page.locator(`[data-person="${ids[BOB.name]}"]`);
    await row.getByRole("button", { name: `Record the entry of ${BOB.name}` }).click();
    await row.getByLabel("When (UTC; empty: now)").fill("2024-05-20T07:00");
    await row.getByRole("button", { name: exactly("Record the entry") }).click();
    await row.filter({ hasText: "In the country" }).waitFor();

    await openPersonnelTab(page, "en", "Reconciliation");
    const unrecorded = page.getByTestId("part-leftUnrecorded");
    const report = (await apiCall<{ leftUnrecorded: { person: string }[] }>(page, "GET", "/api/personnel/reconciliation")).body;
    expect(report.leftUnrecorded.map((x) => x.person)).toContain(ids[BOB.name]);
    expect(await unrecorded.getByRole("heading").textContent()).toBe(`Left unrecorded (${report.leftUnrecorded.length})`);
    expect(await unrecorded.textContent()).toContain(BOB.name);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-reconciliation");
    // Each exit the manifests say happened is recorded from here.
    for (let left = report.leftUnrecorded.length; left > 0; left--) {
      await unrecorded.getByRole("button", { name: /^Record the exit of / }).first().click();
      await expect.poll(() => unrecorded.getByRole("heading").textContent()).toBe(`Left unrecorded (${left - 1})`);
    }
    expect(await page.getByTestId("part-left").getByRole("heading").textContent()).toBe("Left the country (2)");
    expect(await page.getByTestId("part-inCountry").getByRole("heading").textContent()).toBe("Still in the country (0)");
    expect(await page.getByTestId("part-neverEntered").textContent()).toContain(CY.name);

    // Every table exports what it shows.
    await openPersonnelTab(page, "en", "People");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Export CSV.*People$/ }).click();
    const text = readFileSync(await (await download).path(), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Person,Name,Nationality,Unit,Document number,Where,Site,Since (UTC)");
    expect(lines.find((l) => l.includes(AMY.name))).toContain(`,${AMY.document},Left,`);
    await openPersonnelTab(page, "en", "Headcount over time");
    // The tab renders its table after the click: poll rather than read the headers once.
    await expect.poll(() => page.getByTestId("headcount-table").locator("thead th").allTextContents()).toEqual(["Day (00:00 UTC)", "In the country", NIAMEY]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("explains a record someone made first (409) and shows the person as they now are", async () => {
    const page = await pageOf("planner", "/personnel?tab=people");
    const row = page.locator(`[data-person="${ids[CY.name]}"]`);
    await row.getByRole("button", { name: `Record the entry of ${CY.name}` }).click();
    // Meanwhile a colleague records Cy's entry.
    expect((await apiCall(page, "POST", `/api/persons/${ids[CY.name]}/entries`, { site: "AGADEZ" }, 0)).status).toBe(201);
    await row.getByRole("button", { name: exactly("Record the entry") }).click();
    await row.getByRole("alert").filter({ hasText: "Someone changed this while you were looking at it." }).waitFor();
    await row.filter({ hasText: "Air Base 201, Agadez" }).waitFor();
    await page.close();
  });

  it("shows Niger's clearance officer (in French) names and nationalities, no document number and no action", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.server.url);
    await chooseLanguage(page, "fr");
    await logIn(page, e2e.server.url, e2e.user("officer"), "/personnel?tab=people");
    await page.getByRole("heading", { level: 1, name: "Personnel" }).waitFor();
    const people = page.getByTestId("people-table");
    await people.getByText(AMY.name).waitFor();
    const text = (await people.textContent()) ?? "";
    for (const p of [AMY, BOB, CY]) {
      expect(text).toContain(p.name);
      expect(text).not.toContain(p.document);
    }
    expect(text).toContain("États-Unis");
    expect(await people.locator("thead th").allTextContents()).not.toContain("Numéro de document");
    expect(await page.getByTestId("register-person").count()).toBe(0);
    expect(await people.getByRole("button").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-officer-fr");

    const all = (await apiCall<{ items: Movement[] }>(page, "GET", "/api/movements?status=departed")).body.items;
    const flight = all.find((m) => m.kind === "commercial");
    if (flight?.planRef === undefined) throw new Error("a departed airline flight");
    const dialog = await openMovement(page, "fr", flight.planRef);
    expect(await dialog.getByTestId("manifest").textContent()).toContain(AMY.name);
    expect(await dialog.textContent()).not.toContain(AMY.document);
    expect(await dialog.getByTestId("movement-actions").count()).toBe(0);
    expect(await dialog.getByTestId("manifest-editor").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "personnel-officer-fr-movement");
    await page.getByTestId("movement-dialog").getByRole("button", { name: exactly("Fermer") }).click();
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });

  it("lets commission members and an observer read without acting: the US member sees document numbers, Niger's does not", async () => {
    for (const [name, documents] of [
      ["usMember", true],
      ["neMember", false],
      ["observer", false],
    ] as const) {
      const page = await pageOf(name, "/personnel?tab=people");
      const people = page.getByTestId("people-table");
      await people.getByText(AMY.name).waitFor();
      expect((await people.textContent())?.includes(AMY.document), name).toBe(documents);
      expect(await page.getByTestId("register-person").count(), name).toBe(0);
      expect(await people.getByRole("button").count(), name).toBe(0);
      await openPersonnelTab(page, "en", "Movements");
      expect(await page.getByRole("button", { name: "Create the plan's movements" }).count(), name).toBe(0);
      await openPersonnelTab(page, "en", "Reconciliation");
      expect(await page.getByRole("button", { name: /^Record the exit/ }).count(), name).toBe(0);
      expect(await seriousViolations(page), name).toEqual([]);
      await page.close();
    }
  });
});
