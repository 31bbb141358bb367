/**
 * Flow 4 in Chromium, on the Niger scenario: decisions are made through the API (plan published,
 * clearance requests drafted and submitted, the host approves one and denies one); each party's
 * commission member cosigns the latest checkpoint from the Ledger page; the page then shows both
 * cosignatures and the entries final, and "verify here" succeeds in the e2e.browser. Then a row of the
 * ledger is changed directly in the SQLite database, and "verify here" names that entry.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, logIn, screenshot, seriousViolations } from "./browser.ts";
import { accounts, e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-05-20T08:00Z",
  users: accounts("planner", "officer", "usMember", "neMember"),
});
const user = e2e.user;

interface Request {
  id: string;
  version: number;
  source: { sortie: string };
  details: { firstAt: string; lastAt: string };
}

const latestState = (page: Page) => page.getByTestId("latest-state").textContent();
const cosignButton = (page: Page) => page.getByRole("button", { name: /^Cosign checkpoint \d+ for / });
let deniedLeaf = -1;

describe("flow 4: the ledger shows both cosignatures and verifies in the browser", () => {
  it("records the decisions of both parties", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"));
    expect((await apiCall(page, "POST", "/api/plans", { note: "baseline" })).status).toBe(201);
    const drafts = await apiCall<{ drafted: { id: string; version: number }[] }>(page, "POST", "/api/clearances/drafts", { sorties: ["S0001", "S0002"], callSignPrefix: "RCH", crew: 5 });
    expect(drafts.status).toBe(201);
    const submit = await apiCall<{ submitted: number }>(page, "POST", "/api/clearances/submit", { items: drafts.body.drafted.map((d) => ({ id: d.id, version: d.version })) });
    expect(submit.status).toBe(200);
    expect(submit.body.submitted, JSON.stringify(submit.body)).toBe(drafts.body.drafted.length);

    // The planner may not cosign: the action is absent from the page.
    await page.goto(`${e2e.server.url}/ledger`);
    await page.getByTestId("checkpoint-table").waitFor();
    expect(await cosignButton(page).count()).toBe(0);

    await logIn(page, e2e.server.url, user("officer"));
    const list = (await apiCall<{ items: Request[] }>(page, "GET", "/api/clearances?status=submitted")).body.items;
    const day = 86_400_000;
    const approve = list.find((r) => r.source.sortie === "S0001");
    const deny = list.find((r) => r.source.sortie === "S0002");
    if (approve === undefined || deny === undefined) throw new Error("the Niger plan's first sorties need clearances");
    const approved = await apiCall(page, "POST", `/api/clearances/${approve.id}/approve`, {
      clearanceNumber: "NE-2024-0001",
      validFrom: new Date(Date.parse(approve.details.firstAt) - day).toISOString(),
      validTo: new Date(Date.parse(approve.details.lastAt) + day).toISOString(),
    }, approve.version);
    expect(approved.status).toBe(200);
    expect((await apiCall(page, "POST", `/api/clearances/${deny.id}/deny`, { reason: "apron closed for works" }, deny.version)).status).toBe(200);

    const leaves = (await apiCall<{ items: { index: number; data: string }[] }>(page, "GET", "/api/ledger/leaves")).body.items;
    deniedLeaf = leaves.find((l) => l.data.includes('"type":"clearance.denied"'))?.index ?? -1;
    expect(deniedLeaf).toBeGreaterThan(0);
    // The officer (not a commission member) has no cosign button either.
    await page.goto(`${e2e.server.url}/ledger`);
    await page.getByTestId("checkpoint-table").waitFor();
    expect(await cosignButton(page).count()).toBe(0);
    await page.close();
  });

  it("lets each party's commission member cosign the latest checkpoint from the page", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("usMember"), "/ledger");
    expect(await latestState(page)).toMatch(/awaits the cosignature of United States of America, Republic of Niger|awaits the cosignature of .+, .+/);
    expect(await seriousViolations(page)).toEqual([]);
    await cosignButton(page).click();
    await page.getByText("Cosigned for").waitFor();
    expect(await latestState(page)).toMatch(/awaits the cosignature of [^,]+\.$|awaits the cosignature of [^,]+\. /);
    // The US column of the newest checkpoint now says when it was cosigned, Niger's still waits.
    const newest = page.getByTestId("checkpoint-table").locator("tbody tr").first();
    expect(await newest.locator('[data-party="US"]').textContent()).toMatch(/^Cosigned May 20, 2024, 08:\d\d UTC/);
    expect(await newest.locator('[data-party="NE"]').textContent()).toBe("Awaiting NE");
    await screenshot(page, "ledger-us-cosigned");

    await logIn(page, e2e.server.url, user("neMember"), "/ledger");
    await cosignButton(page).click();
    await page.getByText("Cosigned for").waitFor();
    expect(await latestState(page)).toContain("carries both parties' cosignatures");
    expect(await page.getByTestId("final-count").locator(".figure-value").textContent()).toBe(await page.getByTestId("entry-count").locator(".figure-value").textContent());
    const row = page.getByTestId("checkpoint-table").locator("tbody tr").first();
    expect(await row.locator('[data-party="NE"]').textContent()).toMatch(/^Cosigned /);
    expect(await row.locator("td").last().textContent()).toBe("Final");
    expect(await cosignButton(page).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "ledger-both-cosigned");
    await page.close();
  });

  it("verifies the ledger in the browser: every entry, root, proof, signature and both cosignatures", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("neMember"), "/ledger");
    await page.getByRole("button", { name: "Verify here" }).click();
    const result = page.getByTestId("verify-result");
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute("data-ok")).toBe("true");
    expect(await result.textContent()).toMatch(/Verified in this browser\. \d+ entries and \d+ checkpoints/);
    const newest = page.getByTestId("check-table").locator("tbody tr").first();
    expect(await newest.locator("td").allTextContents()).toEqual(expect.arrayContaining(["Valid"]));
    expect(await newest.locator('[data-party="US"]').textContent()).toMatch(/^Valid /);
    expect(await newest.locator('[data-party="NE"]').textContent()).toMatch(/^Valid /);
    expect(await page.getByTestId("key-table").locator("tbody tr").count()).toBe(3);
    // The browser did the work: the server was asked for proofs, and nothing left the e2e.server.
    expect(e2e.browser.requests.some((u) => u.includes("/api/ledger/consistency?"))).toBe(true);
    expect(e2e.browser.requests.every((u) => u.startsWith(e2e.server.url) || u.startsWith("data:") || u.startsWith("blob:"))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "ledger-verified");
    await page.close();
  });

  it("names the first bad entry after a row is changed directly in the database", async () => {
    const db = new Database(join(e2e.server.dataDir, "drawdown.sqlite"));
    db.pragma("busy_timeout = 5000");
    const changed = db
      .prepare("update ledger_leaves set leaf_data = replace(leaf_data, 'apron closed for works', 'apron open') where idx = ?")
      .run(deniedLeaf);
    db.close();
    expect(changed.changes).toBe(1);

    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("usMember"), "/ledger");
    await page.getByRole("button", { name: "Verify here" }).click();
    const result = page.getByTestId("verify-result");
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute("data-ok")).toBe("false");
    expect(await result.textContent()).toContain(`First bad entry: Entry ${deniedLeaf} does not match its hash: its row was changed.`);
    // The checkpoints from that entry on no longer match their signed roots.
    const bad = page.getByTestId("check-table").locator('tbody tr[data-ok="false"]');
    expect(await bad.count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "ledger-tampered");

    // The same, in French.
    await page.getByRole("radio", { name: "Français" }).click();
    expect(await result.textContent()).toContain(`Première entrée fautive : L’entrée ${deniedLeaf} ne correspond pas à son empreinte`);
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });
});
