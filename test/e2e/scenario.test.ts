/**
 * The Scenario page in Chromium on the Niger scenario (replay clock at 2024-05-20 08:00Z): the facts
 * with their sources and assumptions; a cargo spreadsheet with errors previewed (every problem
 * shown, nothing written), then a good one imported; the planner run with its progress bar to a
 * published plan, and a run cancelled; two what-if variants side by side; the host's officer sees
 * no planner actions and reads the page in French.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall, logIn, screenshot, seriousViolations } from "./browser.ts";
import { e2eSetup } from "./setup.ts";

const e2e = e2eSetup({
  clock: "2024-05-20T08:00Z",
  users: { planner: { party: "US", role: "movement_planner" }, officer: { party: "NE", role: "clearance_officer" } },
});
const user = e2e.user;

interface Facts {
  version: number;
  cargo: { lines: { id: string }[] };
}

const HEADER = "id,description,site,quantity,weight (kg),length (cm),width (cm),height (cm),kind";
const BAD = `${HEADER}\ne2e-ok,Tool kits,NIAMEY,4,40,60,40,40,box\ne2e-bad,Generators,NIAMEY,2,12O0,250,110,150,box\ne2e-site,Spares,NIAMY,1,10,10,10,10,box\n`;
const GOOD = `${HEADER}\ne2e-kits,Tool kits,NIAMEY,4,40,60,40,40,box\ne2e-gens,Generators,AGADEZ,2,1200,250,110,150,box\n`;

async function choose(page: Page, name: string, text: string, panel = "import-panel", shown = "import-file") {
  await page.getByTestId(panel).locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByTestId(shown).getByText(name).waitFor();
}

const ROSTER_HEADER = "name,nationality,document_number,unit,site,entry_time";
const ROSTER_BAD = `${ROSTER_HEADER}\n"DOE, Jane",US,E2E-1,724 EABS,AGADEZ,2024-05-19 06:00\n"ROE, Rick",Niger,E2E-2,724 EABS,NIAMY,\n`;
const ROSTER_GOOD = `${ROSTER_HEADER}\n"DOE, Jane",US,E2E-1,724 EABS,AGADEZ,2024-05-19 06:00\n"ROE, Rick",US,E2E-2,Security forces,NIAMEY,\n"POE, Ed",US,E2E-3,Liaison,,\n`;

describe("Scenario", () => {
  it("shows the facts, each figure with its source or marked an assumption", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/scenario");
    await page.getByRole("heading", { level: 2, name: "The agreement" }).waitFor();
    expect(await page.getByTestId("facts-deadline").textContent()).toContain("Sep 15, 2024, 22:59 UTC");
    // The C-17 count is an assumption: its rationale opens on demand.
    const count = page.getByTestId("fleet-count-C17");
    expect(await count.textContent()).toMatch(/^1\s*Assumption/);
    await count.getByText("Assumption").click();
    expect(await count.textContent()).toContain("Withdrawal flights were C-17s");
    // The road's distance is sourced.
    expect(await page.getByTestId("facts-roads").textContent()).toContain("905 km");
    expect(await page.getByTestId("figures-count").textContent()).toMatch(/\d+ figures with a source, \d+ marked as assumptions/);
    expect(await page.getByRole("button", { name: /^Export CSV/ }).count()).toBeGreaterThan(5);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scenario");
    await page.close();
  });

  it("previews a spreadsheet with errors, writing nothing, then imports a good one", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/scenario");
    await page.getByTestId("import-panel").waitFor();
    const before = (await apiCall<Facts>(page, "GET", "/api/scenario/facts")).body;

    await choose(page, "cargo-bad.csv", BAD);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByTestId("import-refused").waitFor();
    expect(await page.getByTestId("import-refused").textContent()).toContain("Problems in cargo-bad.csv: 2, in 2 of its 3 rows. Nothing was written");
    const issues = page.getByTestId("import-issues").locator("tbody tr");
    expect(await issues.count()).toBe(2);
    expect(await issues.nth(0).textContent()).toMatch(/^3weight \(kg\)"12O0" is not a number/);
    expect(await issues.nth(1).textContent()).toContain("NIAMY");
    // Each row as read, the bad ones marked.
    expect(await page.getByTestId("import-rows").locator("tbody tr.row-bad").count()).toBe(2);
    expect(await page.getByRole("button", { name: /^Import \d+ cargo lines/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scenario-import-errors");
    expect((await apiCall<Facts>(page, "GET", "/api/scenario/facts")).body.version).toBe(before.version);

    await choose(page, "cargo-good.csv", GOOD);
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("Every row is valid: 2 lines, 6 pieces").waitFor();
    await page.getByRole("button", { name: "Import 2 cargo lines into the scenario" }).click();
    await page.getByTestId("import-done").waitFor();
    const after = (await apiCall<Facts>(page, "GET", "/api/scenario/facts")).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.cargo.lines.map((l) => l.id).slice(-2)).toEqual(["e2e-kits", "e2e-gens"]);
    // The page shows the new version and its lines.
    await page.getByTestId("scenario-name").getByText(`version ${after.version}`).waitFor();
    expect(await page.getByTestId("cargo-lines").textContent()).toContain("e2e-gens");
    await page.close();
  });

  it("previews a roster with errors in French, writing nothing, then registers a good one", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/scenario");
    const panel = page.getByTestId("roster-panel");
    await panel.waitFor();
    await page.getByRole("radio", { name: "Français" }).click();
    await panel.getByRole("heading", { name: "Importer une liste de personnel" }).waitFor();
    await choose(page, "roster-bad.csv", ROSTER_BAD, "roster-panel", "roster-file");
    await panel.getByRole("button", { name: "Vérifier la liste" }).click();
    await page.getByTestId("roster-refused").waitFor();
    // French typography puts a narrow no-break space before ":" and inside « »: compare with plain spaces.
    const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
    expect(plain(await page.getByTestId("roster-refused").textContent())).toContain("Problèmes dans roster-bad.csv : 2, dans 1 de ses 2 rangées");
    const issues = page.getByTestId("roster-issues").locator("tbody tr");
    expect((await issues.allTextContents()).map(plain)).toEqual([
      "3nationality« Niger » est le nom d’un paysécrivez son code : NE",
      "3sitesite inconnu « NIAMY »utilisez un site du scénario dans le pays hôte : NIAMEY, AGADEZ",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scenario-roster-errors-fr");
    expect((await apiCall<{ items: unknown[] }>(page, "GET", "/api/persons")).body.items).toEqual([]);
    await page.getByRole("radio", { name: "English" }).click();

    await choose(page, "roster.csv", ROSTER_GOOD, "roster-panel", "roster-file");
    await panel.getByRole("button", { name: "Check the roster" }).click();
    await panel.getByText("Every row is valid: 3 persons, 2 of them recorded as present at a site.").waitFor();
    expect(await page.getByTestId("roster-by-site").locator("tbody th").allTextContents()).toEqual(["Air Base 201", "Air Base 101"]);
    expect(await page.getByTestId("roster-by-site").locator("tbody td").allTextContents()).toEqual(["1", "1"]);
    await panel.getByRole("button", { name: "Register 3 persons" }).click();
    await page.getByTestId("roster-done").waitFor();
    expect(await page.getByTestId("roster-done").textContent()).toContain("Registered 3 persons from roster.csv, 2 of them recorded as present at their site");
    const persons = (await apiCall<{ items: { name: string; presence: { status: string; site?: string } }[] }>(page, "GET", "/api/persons")).body.items;
    // The register lists persons by id, not in the file's order: compare by name.
    const byName = persons.map((p) => [p.name, p.presence.status, p.presence.site ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byName).toEqual([
      ["DOE, Jane", "in_country", "AGADEZ"],
      ["POE, Ed", "not_entered", null],
      ["ROE, Rick", "in_country", "NIAMEY"],
    ]);
    await page.close();
  });

  it("runs the planner with a progress bar to a published plan, and cancels a run", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/scenario");
    const panel = page.getByTestId("run-panel");
    await panel.waitFor();
    await panel.getByRole("button", { name: "Run the planner" }).click();
    await panel.getByRole("button", { name: "Cancel" }).click();
    await panel.getByText("The run was cancelled; nothing was published.").waitFor();

    await panel.getByRole("button", { name: "Run the planner" }).click();
    const bar = panel.getByRole("progressbar");
    await bar.waitFor();
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(0);
    await panel.getByTestId("run-result").waitFor({ timeout: 120_000 });
    expect(await panel.getByTestId("run-result").textContent()).toContain("Published as version 1.");
    const versions = (await apiCall<{ items: { number: number; status: string }[] }>(page, "GET", "/api/plans")).body.items;
    expect(versions.map((v) => [v.number, v.status])).toEqual([[1, "baseline"]]);
    const sorties = (await apiCall<{ summary: { sorties: number } }>(page, "GET", `/api/plans/${(versions[0] as unknown as { id: string }).id}`)).body.summary.sorties;
    expect(await panel.getByTestId("run-sorties").textContent()).toBe(String(sorties));
    await screenshot(page, "scenario-run");
    await page.close();
  });

  it("compares two what-if variants side by side", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("planner"), "/scenario");
    const panel = page.getByTestId("whatif-panel");
    await panel.waitFor();
    // Variant A: one more C-17 (the default). Variant B: the deadline 30 days earlier.
    await panel.getByRole("button", { name: "Add a variant" }).click();
    const b = panel.getByRole("listitem", { name: "Variant B" });
    await b.getByRole("button", { name: /Change/ }).click();
    await page.getByRole("option", { name: "The deadline moves" }).click();
    const days = b.getByRole("textbox", { name: "Days later (+) or earlier (−)" });
    await days.fill("-30");
    await days.press("Tab");
    await panel.getByRole("button", { name: "Compare", exact: true }).click();
    await panel.getByTestId("whatif-table").waitFor({ timeout: 180_000 });
    const head = await panel.getByTestId("whatif-table").locator("thead th").allTextContents();
    expect(head[0]).toBe("Figure");
    expect(head[1]).toBe("As it is");
    expect(head[2]).toContain("C-17A +1");
    expect(head[3]).toMatch(/deadline 2024-08-16 22:59Z/);
    const deadline = panel.getByTestId("whatif-table").locator('tr[data-key="deadline"] td');
    expect(await deadline.nth(2).textContent()).toContain("(−30 days)");
    const sorties = panel.getByTestId("whatif-table").locator('tr[data-key="fleet.C-17A"] td');
    expect(await sorties.nth(0).textContent()).toBe("1");
    expect(await sorties.nth(1).textContent()).toBe("2 (+1)");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scenario-whatif");
    await page.close();
  });

  it("gives the host's officer the facts and the what-if, without the planners' actions, in French", async () => {
    const page = await e2e.browser.newPage();
    await logIn(page, e2e.server.url, user("officer"), "/scenario");
    await page.getByTestId("whatif-panel").waitFor();
    expect(await page.getByTestId("run-panel").count()).toBe(0);
    expect(await page.getByTestId("import-panel").count()).toBe(0);
    expect(await page.getByTestId("roster-panel").count()).toBe(0);
    await page.getByRole("radio", { name: "Français" }).click();
    await page.getByRole("heading", { level: 2, name: "L’accord" }).waitFor();
    expect(await page.getByTestId("facts-deadline").textContent()).toContain("15 sept. 2024, 22:59 UTC");
    expect(await page.getByTestId("clearance-rules").textContent()).toContain("jours ouvrés");
    expect(await page.getByTestId("fleet-count-C17").textContent()).toContain("Hypothèse");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "scenario-officer-fr");
    await page.getByRole("radio", { name: "English" }).click();
    await page.close();
  });
});
