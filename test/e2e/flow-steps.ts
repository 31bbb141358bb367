/**
 * The steps of the end-to-end flows, as a person does them in the browser, in either of
 * the app's languages: publish the plan, draft and submit clearance requests, decide on them,
 * record people, put them on a movement and depart it. Each step finds controls by their visible
 * names, in the page's language (the French comes from the app's own dictionary, so a missing or
 * changed translation fails the step). Steps leave the record in a state the next can go on from.
 */
import type { Locator, Page } from "playwright-core";
import { fr } from "../../web/src/i18n/fr.ts";

/** A language of the app. */
export type Lang = "en" | "fr";

/** The words of a language: the English key, or its French. */
export function words(lang: Lang): (key: string, values?: Record<string, string>) => string {
  return (key, values = {}) => {
    const text = lang === "fr" ? fr[key] : key;
    if (text === undefined) throw new Error(`no French for ${JSON.stringify(key)}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? `{{${k}}}`);
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A regular expression matching exactly a text. */
export const exactly = (s: string) => new RegExp(`^${escape(s)}$`);

/** Switches the app's language with the banner's switch. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByRole("radio", { name: lang === "fr" ? "Français" : "English" }).click();
  await page.waitForFunction(`document.documentElement.lang === "${lang === "fr" ? "fr-NE" : "en"}"`);
}

/** Goes to a page through the navigation and waits for its heading. */
export async function openPage(page: Page, lang: Lang, name: "Overview" | "Clearances" | "Personnel" | "Ledger"): Promise<void> {
  const w = words(lang);
  await page.getByRole("navigation").getByRole("link", { name: new RegExp(`^${escape(w(name))}`) }).click();
  await page.getByRole("heading", { level: 1, name: w(name) }).waitFor();
}

/** Picks an option of a labelled select (React Aria's: a button, then a list box). */
export async function choose(page: Page | Locator, label: string, option: string): Promise<void> {
  // `has` is matched inside each field, so it is built from the page, not from `page` when it is a part.
  const root = "page" in page ? page.page() : page;
  const field = page.locator(".select-field").filter({ has: root.locator(":scope > :first-child", { hasText: exactly(label) }) });
  await field.getByRole("button").click();
  await root.getByRole("option", { name: exactly(option) }).click();
}

/** Flow 1, first step: on the Overview, the planner runs the planner and publishes the plan. */
export async function publishPlan(page: Page, lang: Lang): Promise<void> {
  const w = words(lang);
  await openPage(page, lang, "Overview");
  await page.getByRole("button", { name: w("Run the planner and publish the plan") }).click();
  await page.getByRole("heading", { level: 2, name: w("Burndown") }).waitFor({ timeout: 90_000 });
}

/** Flow 1: on Clearances, the planner drafts the host's requests of some sorties; answers the result's text. */
export async function draftRequests(page: Page, lang: Lang, sorties: readonly string[]): Promise<string> {
  const w = words(lang);
  await openPage(page, lang, "Clearances");
  const panel = page.getByTestId("draft-panel");
  await panel.getByLabel(w("Sorties")).fill(sorties.join(" "));
  await panel.getByRole("button", { name: w("Draft requests") }).click();
  const result = page.getByTestId("draft-result");
  await result.waitFor();
  return (await result.textContent()) ?? "";
}

/** The table's rows of a sortie's requests. */
export function requestRows(page: Page, sortie: string): Locator {
  return page.getByTestId("clearance-table").getByRole("row").filter({ hasText: new RegExp(`^\\W*${escape(sortie)} ·`) });
}

/** Flow 1: the planner selects the drafts of some sorties and submits them together; answers the result's text. */
export async function submitDrafts(page: Page, lang: Lang, sorties: readonly string[]): Promise<string> {
  const w = words(lang);
  for (const sortie of sorties) {
    const rows = requestRows(page, sortie);
    const n = await rows.count();
    if (n === 0) throw new Error(`no request of ${sortie} in the table`);
    // The box a person clicks (the input itself is visually hidden, as React Aria draws the box).
    for (let i = 0; i < n; i++) {
      await rows.nth(i).locator(".checkbox").click();
      if (!(await rows.nth(i).getByRole("checkbox").isChecked())) throw new Error(`the request ${i + 1} of ${sortie} did not get selected`);
    }
  }
  await page.getByRole("button", { name: w("Submit the selected drafts") }).click();
  const result = page.getByTestId("bulk-result");
  await result.waitFor();
  return (await result.textContent()) ?? "";
}

/** Opens a request of a sortie (the `index`-th of its rows, in the table's order) and waits for its dialog. */
export async function openRequest(page: Page, sortie: string, index = 0): Promise<Locator> {
  await requestRows(page, sortie).nth(index).getByText(new RegExp(`^${escape(sortie)} ·`)).click();
  const dialog = page.getByTestId("clearance-dialog");
  await dialog.getByTestId("request-facts").waitFor();
  return dialog;
}

/** Closes the open request. */
export async function closeRequest(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId("clearance-dialog").getByRole("button", { name: exactly(words(lang)("Close")) }).click();
  await page.getByTestId("clearance-dialog").waitFor({ state: "detached" });
}

/** Flow 2: the host's officer approves the open request with a clearance number (the validity window as proposed). */
export async function approveOpenRequest(dialog: Locator, lang: Lang, clearanceNumber: string): Promise<void> {
  const w = words(lang);
  await dialog.getByRole("button", { name: w("Approve…") }).click();
  await dialog.getByLabel(w("Clearance number")).fill(clearanceNumber);
  await dialog.getByRole("button", { name: exactly(w("Approve")) }).click();
  await dialog.getByTestId("action-done").filter({ hasText: w("Approved.") }).waitFor();
  await dialog.getByTestId("decision").filter({ hasText: clearanceNumber }).waitFor();
}

/** Flow 2: the host's officer denies the open request, saying why. */
export async function denyOpenRequest(dialog: Locator, lang: Lang, reason: string): Promise<void> {
  const w = words(lang);
  await dialog.getByRole("button", { name: w("Deny…") }).click();
  await dialog.getByLabel(w("Reason for the denial")).fill(reason);
  await dialog.getByRole("button", { name: exactly(w("Deny")) }).click();
  await dialog.getByTestId("action-done").filter({ hasText: w("Denied.") }).waitFor();
  await dialog.getByTestId("decision").filter({ hasText: reason }).waitFor();
}

/** Opens a tab of the Personnel page. */
export async function openPersonnelTab(page: Page, lang: Lang, tab: "Movements" | "People" | "Headcount over time" | "Reconciliation"): Promise<void> {
  await page.getByRole("tab", { name: words(lang)(tab) }).click();
}

/** A person as the flows register them. */
export interface NewPerson {
  readonly name: string;
  readonly nationality: string;
  readonly documentNumber: string;
  readonly unit: string;
}

/** Flow 3: on Personnel, the planner registers a person; answers the new person's id. */
export async function registerPerson(page: Page, lang: Lang, p: NewPerson): Promise<string> {
  const w = words(lang);
  await openPersonnelTab(page, lang, "People");
  const form = page.getByTestId("register-person");
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();
  await form.getByLabel(w("Name"), { exact: true }).fill(p.name);
  await form.getByLabel(w("Nationality (country code)")).fill(p.nationality);
  await form.getByLabel(w("Document number")).fill(p.documentNumber);
  await form.getByLabel(w("Unit")).fill(p.unit);
  const rows = page.getByTestId("people-table").locator("[data-person]");
  const n = await rows.count();
  await form.getByRole("button", { name: exactly(w("Register")) }).click();
  // The table has one more person once the answer came (the answer names the new one).
  await rows.nth(n).waitFor();
  const id = ((await form.getByTestId("registered").textContent()) ?? "").match(/P-[0-9a-f]+/)?.[0];
  if (id === undefined) throw new Error("no person id in the answer");
  await page.locator(`[data-person="${id}"]`).waitFor();
  return id;
}

/** Flow 3: the planner records that a person is present at a site (now). */
export async function recordEntryAt(page: Page, lang: Lang, person: { id: string; name: string }, site: string): Promise<void> {
  const w = words(lang);
  const row = page.locator(`[data-person="${person.id}"]`);
  await row.getByRole("button", { name: w("Record the entry of {{name}}", { name: person.name }) }).click();
  await choose(row, w("Site"), site);
  await row.getByRole("button", { name: exactly(w("Record the entry")) }).click();
  await row.filter({ hasText: w("In the country") }).waitFor();
}

/** Opens a movement by its plan reference from the Movements tab (all states) and waits for its dialog. */
export async function openMovement(page: Page, lang: Lang, planRef: string): Promise<Locator> {
  const w = words(lang);
  await openPersonnelTab(page, lang, "Movements");
  await choose(page, w("State"), w("All states"));
  await page.getByLabel(w("Movement or plan reference")).fill(planRef);
  await page.getByTestId("movement-table").getByRole("button", { name: new RegExp(`^${escape(planRef)} ·`) }).click();
  const dialog = page.getByTestId("movement-dialog");
  await dialog.getByTestId("movement-facts").waitFor();
  return dialog;
}

/** Closes the open movement. */
export async function closeMovement(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId("movement-dialog").getByRole("button", { name: exactly(words(lang)("Close")) }).click();
  await page.getByTestId("movement-dialog").waitFor({ state: "detached" });
}

/** Flow 3: the planner schedules the open movement (cleared at once when its clearances are all approved). */
export async function scheduleOpenMovement(dialog: Locator, lang: Lang): Promise<void> {
  const w = words(lang);
  await dialog.getByRole("button", { name: w("Schedule it") }).click();
  await dialog.getByTestId("movement-done").waitFor();
}

/** Flow 3: the planner puts people on the open movement's manifest. */
export async function boardOpenMovement(dialog: Locator, lang: Lang, names: readonly string[]): Promise<void> {
  const w = words(lang);
  const editor = dialog.getByTestId("manifest-editor");
  for (const name of names) await editor.locator(".checkbox-line", { hasText: name }).click();
  await editor.getByRole("button", { name: w("Save the manifest") }).click();
  await editor.getByTestId("manifest-saved").waitFor();
  for (const name of names) await dialog.getByTestId("manifest").getByRole("rowheader", { name }).waitFor();
}

/** Flow 3: the planner records the open movement's departure now; answers the result's text. */
export async function departOpenMovement(dialog: Locator, lang: Lang): Promise<string> {
  const w = words(lang);
  await dialog.getByRole("button", { name: w("Record the departure") }).click();
  const done = dialog.getByTestId("movement-done");
  await done.waitFor();
  return (await done.textContent()) ?? "";
}

/** A whole number shown with the language's grouping (`2,086` / `2 086`). */
export const integer = (s: string | null) => Number((s ?? "").replace(/[^\d-]/g, ""));
