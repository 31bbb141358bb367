/**
 * What the server is composed of, passed in (Actual Budget's habit): the store, the clock, ids,
 * the password hasher, the logger, the ledger, the scenario and the parties. Tests pass a fixed
 * clock, sequential ids, a cheap hasher and a memory logger.
 */
import type { Kysely } from "kysely";
import type { ResolvedScenario } from "#domain/scenario-model.ts";
import type { DB } from "#store/schema.ts";
import type { PartySide } from "#workflow/actor.ts";
import type { PartyCode } from "#workflow/ids.ts";
import type { WorkflowSettings } from "#workflow/settings.ts";
import type { Clock } from "./clock.ts";
import type { IdMaker } from "./ids.ts";
import type { LedgerService } from "./ledger-service.ts";
import type { Logger } from "./logger.ts";
import type { PasswordHasher } from "./password-hasher.ts";
import type { LoginRateLimiter } from "./rate-limiter.ts";

/** The two parties of the Commission. */
export interface Parties {
  readonly departing: PartyCode;
  readonly host: PartyCode;
  /** Party code → name. */
  readonly names: Readonly<Record<string, string>>;
}

/** The side of a party code (undefined for a code that is neither party). */
export function sideOf(parties: Parties, code: string): PartySide | undefined {
  return code === parties.departing ? "departing" : code === parties.host ? "host" : undefined;
}

/** The scenario the server runs, parsed once at start. */
export interface CurrentScenario {
  readonly id: string;
  readonly name: string;
  readonly resolved: ResolvedScenario;
}

/** Everything a handler or command may use. */
export interface ServerDeps {
  readonly db: Kysely<DB>;
  readonly clock: Clock;
  readonly ids: IdMaker;
  readonly hasher: PasswordHasher;
  readonly logger: Logger;
  readonly ledger: LedgerService;
  readonly parties: Parties;
  /** Replaced (not mutated) when a cargo import changes the stored scenario: read it at use, never keep it. */
  scenario: CurrentScenario;
  readonly settings: WorkflowSettings;
  readonly rateLimiter: LoginRateLimiter;
  /** Set the cookies' Secure flag (under TLS, or behind a TLS proxy). */
  readonly secureCookies: boolean;
  /**
   * Demo setting: after each checkpoint, cosign it at once with both parties' keys (as if both
   * commission members had called the cosign route). Off in production: each party cosigns.
   */
  readonly autoCosign: boolean;
  /** Origins allowed to send mutations besides the server's own (e.g. the Vite dev server). */
  readonly trustedOrigins: readonly string[];
  /** Where the built web app is (`web/dist`); absent, `/` answers 404. */
  readonly webRoot?: string | undefined;
  /**
   * Where `POST /api/plans` plans: `"worker"` in a planner worker thread, so both delegations'
   * other requests are answered meanwhile (`drawdown serve`); absent, in the request's own thread
   * (tests: no worker to boot).
   */
  readonly publicationPlanner?: "worker" | "request-thread" | undefined;
}
