/**
 * What "verify here" reads from the API: the public keys, every checkpoint with its cosignatures,
 * every leaf (in pages of 1,000), and the server's inclusion and consistency proofs on demand.
 */
import type { ApiClient } from "../../api/client.ts";
import type { Checkpoint, LedgerLeaf } from "../../api/contract.ts";
import type { LedgerSnapshot, ProofSource } from "./ledger-check.ts";

/** `GET /api/ledger/keys`. */
export interface LedgerKeys {
  readonly origin: string;
  readonly log: string;
  readonly parties: Readonly<Record<string, string>>;
}

/** `GET /api/ledger/leaves` (one page). */
export interface LeafPage {
  readonly size: number;
  readonly finalSize: number;
  readonly items: LedgerLeaf[];
}

/** `GET /api/ledger/checkpoints`. */
export interface CheckpointList {
  readonly finalSize: number;
  readonly items: Checkpoint[];
}

/** The server's page size for leaves. */
export const LEAF_PAGE = 1000;

/**
 * Every leaf the server holds, page by page, with the size and final size it reports.
 *
 * @example
 * const { size, items } = await fetchAllLeaves(api);
 */
export async function fetchAllLeaves(api: ApiClient, signal?: AbortSignal): Promise<LeafPage> {
  const first = await api.get<LeafPage>(`/api/ledger/leaves?from=0&to=${LEAF_PAGE}`, signal);
  const items = [...first.items];
  for (let from = LEAF_PAGE; from < first.size; from += LEAF_PAGE) {
    const page = await api.get<LeafPage>(`/api/ledger/leaves?from=${from}&to=${from + LEAF_PAGE}`, signal);
    items.push(...page.items);
  }
  return { size: first.size, finalSize: first.finalSize, items };
}

/**
 * A snapshot of the ledger for {@link checkLedger}: the checkpoints first, then the leaves, so
 * every checkpoint read has its leaves (the log only grows).
 *
 * @example
 * const snapshot = await fetchSnapshot(api);
 */
export async function fetchSnapshot(api: ApiClient, signal?: AbortSignal): Promise<LedgerSnapshot & { serverFinalSize: number }> {
  const keys = await api.get<LedgerKeys>("/api/ledger/keys", signal);
  const checkpoints = await api.get<CheckpointList>("/api/ledger/checkpoints", signal);
  const leaves = await fetchAllLeaves(api, signal);
  return { keys, size: leaves.size, leaves: leaves.items, checkpoints: checkpoints.items, serverFinalSize: checkpoints.finalSize };
}

/**
 * The server's proofs, through the API.
 *
 * @example
 * await proofsFrom(api).inclusion(6, 7); // base64 hashes
 */
export function proofsFrom(api: ApiClient, signal?: AbortSignal): ProofSource {
  return {
    inclusion: async (index, size) => (await api.get<{ proof: string[] }>(`/api/ledger/leaves/${index}/proof?size=${size}`, signal)).proof,
    consistency: async (from, to) => (await api.get<{ proof: string[] }>(`/api/ledger/consistency?from=${from}&to=${to}`, signal)).proof,
  };
}
