/**
 * The Clearances page in Chromium on the Niger scenario (replay clock 2024-05-20 08:00Z), for
 * every role that uses it: the US planner drafts from the plan and submits in bulk; Niger's
 * clearance officer works the queue (approve, deny, amend) and sees each request's history; the
 * planner answers the amendment and withdraws a draft; Niger's commission member, a US observer
 * and a US clearance officer read without any action. Filters, CSV export, a 409 conflict, and
 * axe-core on the page and its dialog for each role.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, screenshot, seriousViolations } from "./browser.ts";
import { approveOpenRequest, choose, closeRequest, denyOpenRequest, draftRequests, exactly, openRequest, requestRows, submitDrafts, words } from "./flow-steps.ts";
import { accounts, e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-05-20T08:00Z",
  users: accounts("planner", "officer", "usOfficer", "member", "observer"),
});

async function pageOf(name: string, path = "/clearances"): Promise<Page> {
  const page = await e2e.logInAs(name, path);
  await page.getByTestId("clearance-table").waitFor();
  return page;
}

interface Request {
  id: string;
  status: string;
  version: number;
  source: { sortie: string };
  details: { firstAt: string };
}
const requests = async (page: Page) => (await apiCall<{ items: Request[] }>(page, "GET", "/api/clearances")).body.items;
const en = words("en");

describe("Clearances", () => {
  it("lets the US planner draft from the plan, select drafts and submit them together", async () => {
    const page = await pageOf("planner");
    expect((await apiCall(page, "POST", "/api/plans", { note: "baseline" })).status).toBe(201);
    await page.reload();
    await page.getByTestId("clearance-table").waitFor();
    expect(await page.getByText("No request matches these filters.").count()).toBe(1);

    // Drafting: the host's (Niger's) requests enter the queue; Algeria's are filed with Algeria.
    const drafted = await draftRequests(page, "en", ["S0001", "S0002", "S0003"]);
    expect(drafted).toContain("Requests drafted: 6 (sorties: 3).");
    expect(drafted).toMatch(/Requests to other countries, filed with them and not here: 3 \(Algeria\)\./);
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 6 of 6");
    // Ten days before the first flight, no lead time presses.
    expect(await page.getByTestId("lead-time").count()).toBe(0);

    // Bulk submission of S0001's and S0002's four drafts; S0003's stay drafts.
    const result = await submitDrafts(page, "en", ["S0001", "S0002"]);
    expect(result).toContain("Submitted 4 of 4.");
    const after = await requests(page);
    expect(after.filter((r) => r.status === "submitted").map((r) => r.source.sortie).sort()).toEqual(["S0001", "S0001", "S0002", "S0002"]);
    await expect.poll(() => requestRows(page, "S0001").first().textContent()).toContain("Submitted");
    expect(await requestRows(page, "S0003").first().textContent()).toContain("Draft");

    // The planner's dialog: a filed request can be withdrawn, not decided.
    const dialog = await openRequest(page, "S0001");
    expect(await dialog.getByRole("button", { name: "Withdraw…" }).count()).toBe(1);
    for (const name of ["Approve…", "Deny…", "Amend…", "Submit to the host"]) expect(await dialog.getByRole("button", { name }).count(), name).toBe(0);
    expect(await dialog.getByTestId("history").textContent()).toMatch(/Drafted.*You \(United States Department of Defense\).*Submitted to the host/s);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "clearances-planner-dialog");
    await closeRequest(page, "en");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "clearances-planner");
    await page.close();
  });

  it("gives Niger's officer the queue: approve, deny with a reason, amend; each in the history", async () => {
    const page = await pageOf("officer");
    // The officer starts on what awaits the host's decision; nothing to draft or select.
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 4 of 6");
    expect(await page.getByTestId("draft-panel").count()).toBe(0);
    expect(await page.getByTestId("clearance-table").getByRole("checkbox").count()).toBe(0);
    expect(await page.getByRole("heading", { level: 2, name: "The queue" }).count()).toBe(1);

    let dialog = await openRequest(page, "S0001", 0);
    expect(await dialog.getByRole("button", { name: "Withdraw…" }).count()).toBe(0);
    await approveOpenRequest(dialog, "en", "NE-2024-0001");
    const history = (await dialog.getByTestId("history").textContent()) ?? "";
    expect(history).toMatch(/Approved.*You \(Ministry of National Defence of the Republic of Niger\).*Clearance number: NE-2024-0001.*Valid from: Jun 2, 2024/s);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "clearances-officer-approved");
    await closeRequest(page, "en");

    dialog = await openRequest(page, "S0002", 0);
    await denyOpenRequest(dialog, "en", "Apron closed for works");
    expect(await dialog.getByTestId("history").textContent()).toContain("Reason: Apron closed for works");
    await closeRequest(page, "en");

    // An amendment: the host proposes another entry time.
    dialog = await openRequest(page, "S0002", 0);
    await dialog.getByRole("button", { name: "Amend…" }).click();
    await dialog.getByLabel("Reason for the amendment").fill("Arrive six hours later");
    const entry = dialog.getByLabel("Enters the country (UTC)");
    const before = await entry.inputValue();
    const later = new Date(Date.parse(`${before}:00Z`) + 6 * 3_600_000).toISOString().slice(0, 16);
    await entry.fill(later);
    await dialog.getByRole("button", { name: "Send the amendment" }).click();
    await dialog.getByTestId("action-done").filter({ hasText: "Sent back to the requester with the proposed changes." }).waitFor();
    expect(await dialog.getByTestId("decision").textContent()).toContain("The host proposes changes");
    await closeRequest(page, "en");

    // What is left awaiting the host: S0001's other request.
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 1 of 6");
    const statuses = (await requests(page)).map((r) => `${r.source.sortie} ${r.status}`).sort();
    expect(statuses).toEqual(["S0001 approved", "S0001 submitted", "S0002 amended", "S0002 denied", "S0003 draft", "S0003 draft"]);
    await page.close();
  });

  it("lets the planner resubmit an amended request with a note, and withdraw a draft", async () => {
    const page = await pageOf("planner");
    await choose(page, "State", en("Amended by the host"));
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 1 of 6");
    const dialog = await openRequest(page, "S0002");
    expect(await dialog.getByTestId("decision").textContent()).toContain("Reason: Arrive six hours later");
    for (const name of ["Accept the amendment", "Resubmit with changes…", "Withdraw…"]) expect(await dialog.getByRole("button", { name }).count(), name).toBe(1);
    await dialog.getByRole("button", { name: "Resubmit with changes…" }).click();
    await dialog.getByLabel("Note to the host (optional)").fill("Six hours later suits us");
    await dialog.getByRole("button", { name: exactly("Resubmit") }).click();
    await dialog.getByTestId("action-done").filter({ hasText: "Resubmitted to the host." }).waitFor();
    const history = (await dialog.getByTestId("history").textContent()) ?? "";
    expect(history).toMatch(/Amended by the host.*Republic of Niger, account U-[0-9a-f]+.*Reason: Arrive six hours later.*Enters the country:/s);
    expect(history).toMatch(/Resubmitted.*You \(United States Department of Defense\).*Note: Six hours later suits us/s);
    await closeRequest(page, "en");

    await choose(page, "State", en("Draft"));
    const withdraw = await openRequest(page, "S0003");
    await withdraw.getByRole("button", { name: "Withdraw…" }).click();
    await withdraw.getByLabel("Reason (optional)").fill("Sortie merged with S0004");
    await withdraw.getByRole("button", { name: "Withdraw the request" }).click();
    await withdraw.getByTestId("action-done").filter({ hasText: "Withdrawn." }).waitFor();
    expect(await withdraw.getByTestId("decision").textContent()).toContain("Reason: Sortie merged with S0004");
    // A withdrawn request offers nothing more.
    expect(await withdraw.getByRole("button", { name: /…$/ }).count()).toBe(0);
    await closeRequest(page, "en");
    await page.close();
  });

  it("filters by state, country, kind, site and text, sorts, and exports what it shows as CSV", async () => {
    const page = await pageOf("planner");
    const all = (await apiCall<{ items: (Request & { kind: string; details: { airfield?: string; itinerary: { from: string; to: string }[] } })[] }>(page, "GET", "/api/clearances")).body.items;
    const shown = async () => Number(((await page.getByTestId("shown-count").textContent()) ?? "").match(/shown: (\d+) of/)?.[1]);
    const landings = all.filter((r) => r.kind === "landing");
    await choose(page, "Kind", "Landing");
    await expect.poll(shown).toBe(landings.length);
    await choose(page, "Site", "Air Base 201, Agadez");
    await expect.poll(shown).toBe(landings.filter((r) => r.details.airfield === "AGADEZ" || r.details.itinerary.some((l) => l.from === "AGADEZ" || l.to === "AGADEZ")).length);
    await page.getByRole("button", { name: "Show everything" }).click();
    await page.getByLabel("Request, sortie or call sign").fill("rch0002");
    await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 2 of 6");
    await page.getByRole("button", { name: "Show everything" }).click();
    await expect.poll(shown).toBe(6);

    // Sorted by flight (first soonest), then latest first.
    const flight = page.getByRole("columnheader", { name: /^Flight/ });
    expect(await flight.getAttribute("aria-sort")).toBe("ascending");
    await flight.click();
    expect(await flight.getAttribute("aria-sort")).toBe("descending");
    const latest = [...all].sort((a, b) => Date.parse(b.details.firstAt) - Date.parse(a.details.firstAt))[0];
    expect(await page.getByTestId("clearance-table").getByRole("row").nth(1).textContent()).toContain(latest?.id ?? "?");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Export CSV.*Clearance requests$/ }).click();
    const file = await (await download).path();
    const text = readFileSync(file, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Request,Sortie,State,Country,Kind,Airfield,Aircraft,Call sign,Enters the country (UTC),Leaves the country (UTC),File by (UTC),Lead time,Clearance number,Valid from (UTC),Valid to (UTC),Reason");
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.includes("NE-2024-0001"))).toMatch(/^CR-[0-9a-f]+,S0001,Approved,Niger,/);
    expect(lines.some((l) => l.includes("Apron closed for works"))).toBe(true);
    await page.close();
  });

  it("tells the officer when someone decided first (409) and shows the request as it now is", async () => {
    const page = await pageOf("officer");
    const dialog = await openRequest(page, "S0001", 0);
    await dialog.getByRole("button", { name: "Approve…" }).click();
    await dialog.getByLabel("Clearance number").fill("NE-2024-0002");
    // Meanwhile a colleague approves it.
    const pending = (await requests(page)).find((r) => r.status === "submitted");
    if (pending === undefined) throw new Error("one request still awaits the host");
    const day = 86_400_000;
    const colleague = await apiCall(page, "POST", `/api/clearances/${pending.id}/approve`, {
      clearanceNumber: "NE-2024-0003",
      validFrom: new Date(Date.parse(pending.details.firstAt) - day).toISOString(),
      validTo: new Date(Date.parse(pending.details.firstAt) + 2 * day).toISOString(),
    }, pending.version);
    expect(colleague.status).toBe(200);
    await dialog.getByRole("button", { name: exactly("Approve") }).click();
    await dialog.getByRole("alert").filter({ hasText: "Someone changed this while you were looking at it." }).waitFor();
    await dialog.getByTestId("decision").filter({ hasText: "NE-2024-0003" }).waitFor();
    expect(await dialog.getByRole("button", { name: "Approve…" }).count()).toBe(0);
    await closeRequest(page, "en");
    await page.close();
  });

  it("shows read-only roles every request and no action: Niger's member (in French), a US observer and a US officer", async () => {
    for (const name of ["member", "observer", "usOfficer"]) {
      const page = await pageOf(name);
      await page.getByRole("button", { name: "Show everything" }).click();
      await expect.poll(() => page.getByTestId("shown-count").textContent()).toBe("Requests shown: 6 of 6");
      expect(await page.getByTestId("draft-panel").count(), name).toBe(0);
      expect(await page.getByTestId("bulk-submit").count(), name).toBe(0);
      expect(await page.getByTestId("clearance-table").getByRole("checkbox").count(), name).toBe(0);
      if (name === "member") {
        await page.getByRole("radio", { name: "Français" }).click();
        await page.getByRole("heading", { level: 1, name: "Autorisations" }).waitFor();
        expect(await page.getByTestId("shown-count").textContent()).toBe("Demandes affichées : 6 sur 6");
      }
      const dialog = await openRequest(page, "S0001", 0);
      expect(await dialog.getByTestId("request-actions").count(), name).toBe(0);
      expect(await dialog.getByRole("button").allTextContents(), name).toEqual(expect.arrayContaining([name === "member" ? "Fermer" : "Close"]));
      if (name === "member") expect(await dialog.getByTestId("history").textContent()).toMatch(/Déposée auprès du pays hôte/);
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, `clearances-${name}`);
      await closeRequest(page, name === "member" ? "fr" : "en");
      if (name === "member") await page.getByRole("radio", { name: "English" }).click();
      await page.close();
    }
  });
});
