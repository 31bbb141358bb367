/**
 * Bringing a server up on a database: migrations, and on first start the scenario, the two
 * parties and demo users of both (their random passwords returned once, for printing); then the
 * parsed scenario, the parties, the workflow settings and the ledger keys as `ServerDeps`.
 */
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Kysely } from "kysely";
import { parseScenarioText } from "#domain/scenario-file.ts";
import { migrateToLatest } from "#store/migrate.ts";
import { insertParty, listParties } from "#store/parties.repository.ts";
import { findScenario, insertScenario } from "#store/scenarios.repository.ts";
import type { DB } from "#store/schema.ts";
import { findSetting, insertSetting } from "#store/settings.repository.ts";
import { inTransaction } from "#store/transaction.ts";
import type { Role } from "#workflow/actor.ts";
import type { PartyCode } from "#workflow/ids.ts";
import { DEFAULT_SETTINGS, workflowSettingsSchema } from "#workflow/settings.ts";
import { type Clock, systemClock } from "./clock.ts";
import { createUserAccount } from "./commands/user-steps.ts";
import type { CurrentScenario, Parties, ServerDeps } from "./deps.ts";
import type { IdMaker } from "./ids.ts";
import { type LedgerKeys, originOf } from "./ledger-keys.ts";
import { LedgerService } from "./ledger-service.ts";
import type { Logger } from "./logger.ts";
import type { PasswordHasher } from "./password-hasher.ts";
import { LoginRateLimiter, type RateLimits } from "./rate-limiter.ts";
import { chooseClock, clockOf, clockSettingSchema, type ConfiguredClock } from "./replay-clock.ts";

/** The setting naming the scenario the server runs. */
export const CURRENT_SCENARIO = "current_scenario";
/** The setting holding the agreement's disclosure settings (`WorkflowSettings`). */
export const WORKFLOW_SETTINGS = "workflow";
/** The setting holding the clock chosen when none was configured (`ClockSetting`). */
export const CLOCK_SETTING = "clock";

/** A demo account created on first start, with its one-time password. */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly party: string;
  readonly roles: readonly Role[];
}

/** The demo accounts of one party: one per role, e.g. `us-planner`, `ne-officer`. */
export const DEMO_ROLES: readonly (readonly [string, Role])[] = [
  ["planner", "movement_planner"],
  ["officer", "clearance_officer"],
  ["member", "commission_member"],
  ["observer", "observer"],
  ["admin", "administrator"],
];

/** What `prepareServer` needs. */
export interface PrepareOptions {
  readonly db: Kysely<DB>;
  /** The scenario file's text, loaded on first start. */
  readonly scenarioText: () => string;
  /** A clock to run on as it is (tests); absent, the clock is chosen (see `replay-clock.ts`). */
  readonly clock?: Clock;
  /** What the operator configured (`DRAWDOWN_CLOCK`), when `clock` is absent. */
  readonly configuredClock?: ConfiguredClock | undefined;
  readonly ids: IdMaker;
  readonly hasher: PasswordHasher;
  readonly logger: Logger;
  /** Gives the ledger keys for the log's origin and the parties (from the data dir, or fresh in tests). */
  readonly keys: (origin: string, parties: readonly string[]) => LedgerKeys;
  /** Create demo users on first start (default true). */
  readonly demoUsers?: boolean;
  /** Password of every demo account instead of random ones (tests only). */
  readonly demoPassword?: string;
  readonly secureCookies?: boolean;
  readonly autoCosign?: boolean;
  readonly trustedOrigins?: readonly string[];
  readonly webRoot?: string | undefined;
  readonly rateLimits?: RateLimits;
  /** Where `POST /api/plans` plans (see `ServerDeps`); absent, in the request's thread. */
  readonly publicationPlanner?: ServerDeps["publicationPlanner"];
}

/** The prepared server and, on first start only, the demo accounts to print once. */
export interface Prepared {
  readonly deps: ServerDeps;
  readonly applied: readonly string[];
  readonly created: readonly DemoAccount[];
  /** Which clock the server runs on and why, for the startup message. */
  readonly clockReason: string;
}

/**
 * Migrates, seeds on first start, and composes the dependencies.
 *
 * @example
 * const { deps, created } = await prepareServer({ db, scenarioText: () => readFileSync(file, "utf8"), … });
 */
export async function prepareServer(options: PrepareOptions): Promise<Prepared> {
  const { applied } = await migrateToLatest(options.db);
  const created = await seedFirstStart(options, options.clock ?? systemClock);
  const current = await findSetting(options.db, CURRENT_SCENARIO);
  const scenarioId = JSON.parse(current?.value ?? '""') as string;
  const row = await findScenario(options.db, scenarioId);
  if (row === undefined) throw new Error(`the current scenario ${scenarioId} is not stored`);
  const parsed = parseScenarioText(row.json);
  if (!parsed.ok) throw new Error(`the stored scenario ${scenarioId} does not validate: ${parsed.issues[0]?.message ?? ""}`);
  const scenario: CurrentScenario = { id: row.id, name: row.name, resolved: parsed.value };
  const partyRows = await listParties(options.db);
  const departing = partyRows.find((p) => p.role === "departing");
  const host = partyRows.find((p) => p.role === "host");
  if (departing === undefined || host === undefined) throw new Error("the database has not both parties");
  const parties: Parties = {
    departing: departing.code as PartyCode,
    host: host.code as PartyCode,
    names: Object.fromEntries(partyRows.map((p) => [p.code, p.name])),
  };
  const settingsRow = await findSetting(options.db, WORKFLOW_SETTINGS);
  const settings = settingsRow === undefined ? DEFAULT_SETTINGS : workflowSettingsSchema.parse(JSON.parse(settingsRow.value));
  const keys = options.keys(originOf(scenario.id), [parties.departing, parties.host]);
  const { clock, reason: clockReason } = options.clock !== undefined ? { clock: options.clock, reason: "as given" } : await serverClock(options, scenario);
  const deps: ServerDeps = {
    db: options.db,
    clock,
    ids: options.ids,
    hasher: options.hasher,
    logger: options.logger,
    ledger: new LedgerService(keys, clock),
    parties,
    scenario,
    settings,
    rateLimiter: new LoginRateLimiter(clock, options.rateLimits),
    secureCookies: options.secureCookies ?? false,
    autoCosign: options.autoCosign ?? false,
    trustedOrigins: options.trustedOrigins ?? [],
    webRoot: options.webRoot,
    publicationPlanner: options.publicationPlanner,
  };
  return { deps, applied, created, clockReason };
}

/** Chooses the clock (configured, stored, or by the scenario's dates) and stores a fresh choice. */
async function serverClock(options: PrepareOptions, scenario: CurrentScenario): Promise<{ clock: Clock; reason: string }> {
  const row = await findSetting(options.db, CLOCK_SETTING);
  const stored = row === undefined ? undefined : clockSettingSchema.safeParse(JSON.parse(row.value));
  const wallNow = systemClock.now();
  const choice = chooseClock({
    configured: options.configuredClock,
    stored: stored?.success === true ? stored.data : undefined,
    scenarioStart: new Date(scenario.resolved.start * 60_000),
    deadline: new Date(scenario.resolved.deadline * 60_000),
    wallNow,
  });
  if (choice.store && row === undefined) {
    // Another process may store its choice first: then the next start reads that one.
    await insertSetting(options.db, CLOCK_SETTING, JSON.stringify(choice.setting), wallNow.toISOString()).catch(() => undefined);
  }
  return { clock: clockOf(choice.setting, systemClock), reason: choice.reason };
}

/** On an empty database: the scenario, its parties, the settings and the demo accounts. */
async function seedFirstStart(options: PrepareOptions, clock: Clock): Promise<DemoAccount[]> {
  if ((await findSetting(options.db, CURRENT_SCENARIO)) !== undefined) return [];
  const text = options.scenarioText();
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`the scenario does not validate: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`);
  const s = parsed.value.scenario;
  const now = clock.now().toISOString();
  const seeded = await inTransaction(options.db, async (trx) => {
    // Another process may have seeded between our check and this transaction.
    if ((await findSetting(trx, CURRENT_SCENARIO)) !== undefined) return false;
    if ((await listParties(trx)).length === 0)
      for (const p of s.agreement.parties) await insertParty(trx, { code: p.code, name: p.name, role: p.role });
    await insertScenario(trx, { id: s.id, name: s.name, json: text, created_at: now });
    await insertSetting(trx, CURRENT_SCENARIO, JSON.stringify(s.id), now);
    await insertSetting(trx, WORKFLOW_SETTINGS, JSON.stringify(DEFAULT_SETTINGS), now);
    return true;
  });
  if (!seeded || options.demoUsers === false) return [];
  const accounts: DemoAccount[] = [];
  for (const party of s.agreement.parties) {
    for (const [suffix, role] of DEMO_ROLES) {
      const password = options.demoPassword ?? encodeBase32LowerCaseNoPadding(randomBytes(10));
      const username = `${party.code.toLowerCase()}-${suffix}`;
      await createUserAccount({ ...options, clock }, { party: party.code, username, password, roles: [role] });
      accounts.push({ username, password, party: party.code, roles: [role] });
    }
  }
  return accounts;
}
