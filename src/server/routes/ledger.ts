/**
 * The ledger: leaves with their index and finality, inclusion and consistency proofs, signed
 * checkpoints with cosignatures, the cosign route of each party's commission member, the final
 * size (which decisions are final), and the public keys to verify all of it.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { encodeBase64 } from "#ledger/bytes.ts";
import { ledgerSize, readLeaves } from "#store/ledger.repository.ts";
import type { PartyCode } from "#workflow/ids.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError } from "../http-error.ts";
import { verifierKeysOf } from "../ledger-keys.ts";
import { type AppEnv, authorizeOn, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, PUBLIC, type RouteTable } from "../route-table.ts";
import { checkpointSchema, leafSchema } from "../wire.ts";

const count = (what: string) => z.coerce.number().int().min(0).max(2 ** 31 - 1).openapi({ description: what });
const b64 = (h: Uint8Array) => encodeBase64(h);

/** Registers the ledger routes. */
export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  const read = (actor: ReturnType<typeof requireActor>) => authorizeOn(deps, actor, "read", { type: "checkpoint", owner: actor.party });

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/leaves",
        tags: ["ledger"],
        summary: "Leaves from index `from` (inclusive) to `to` (exclusive), at most 1000",
        request: { query: z.object({ from: count("first index").optional(), to: count("end index").optional() }) },
        responses: {
          200: jsonAnswer(z.object({ size: z.number().int(), finalSize: z.number().int(), items: z.array(leafSchema) }).openapi("LeafPage"), "Leaves"),
          ...PROBLEMS,
        },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const q = c.req.valid("query");
      const size = await ledgerSize(deps.db);
      const from = q.from ?? 0;
      const to = Math.min(q.to ?? size, from + 1000);
      const finalSize = await deps.ledger.finalSize(deps.db);
      const items = (await readLeaves(deps.db, from, to)).map((l) => ({
        index: l.idx,
        hash: l.leaf_hash,
        data: l.leaf_data,
        createdAt: l.created_at,
        final: l.idx < finalSize,
      }));
      return c.json({ size, finalSize, items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/leaves/{index}/proof",
        tags: ["ledger"],
        summary: "Inclusion proof of a leaf in the tree of `size` leaves (default: the latest checkpoint's)",
        request: {
          params: z.object({ index: count("leaf index").openapi({ param: { name: "index", in: "path" } }) }),
          query: z.object({ size: count("tree size").optional() }),
        },
        responses: {
          200: jsonAnswer(
            z
              .object({ index: z.number().int(), size: z.number().int(), leafHash: z.string(), rootHash: z.string(), proof: z.array(z.string()) })
              .openapi("InclusionProof"),
            "Base64 hashes, RFC 9162 order",
          ),
          ...PROBLEMS,
        },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const { index } = c.req.valid("param");
      const tree = await deps.ledger.tree(deps.db);
      const size = c.req.valid("query").size ?? (await deps.ledger.latest(deps.db))?.treeSize ?? tree.size;
      if (size > tree.size || index >= size)
        throw new HttpError(422, "ledger.out_of_range", "Out of range", `index ${index} and size ${size} must satisfy index < size <= ${tree.size}`);
      return c.json(
        { index, size, leafHash: b64(tree.leafHashAt(index)), rootHash: b64(tree.root(size)), proof: tree.inclusionProof(index, size).map(b64) },
        200,
      );
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/consistency",
        tags: ["ledger"],
        summary: "Consistency proof between the trees of `from` and `to` leaves",
        request: { query: z.object({ from: count("old size"), to: count("new size") }) },
        responses: {
          200: jsonAnswer(
            z.object({ from: z.number().int(), to: z.number().int(), oldRoot: z.string(), newRoot: z.string(), proof: z.array(z.string()) }).openapi("ConsistencyProof"),
            "Base64 hashes",
          ),
          ...PROBLEMS,
        },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const { from, to } = c.req.valid("query");
      const tree = await deps.ledger.tree(deps.db);
      if (from < 1 || from > to || to > tree.size)
        throw new HttpError(422, "ledger.out_of_range", "Out of range", `need 1 <= from <= to <= ${tree.size}`);
      return c.json({ from, to, oldRoot: b64(tree.root(from)), newRoot: b64(tree.root(to)), proof: tree.consistencyProof(from, to).map(b64) }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/checkpoints",
        tags: ["ledger"],
        summary: "Every signed checkpoint with its cosignatures, smallest first",
        responses: { 200: jsonAnswer(z.object({ finalSize: z.number().int(), items: z.array(checkpointSchema) }).openapi("CheckpointList"), "Checkpoints"), ...PROBLEMS },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const finalSize = await deps.ledger.finalSize(deps.db);
      const items = (await deps.ledger.checkpoints(deps.db)).map((cp) => ({ ...cp, cosignatures: [...cp.cosignatures], final: cp.treeSize <= finalSize }));
      return c.json({ finalSize, items }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/checkpoints/latest",
        tags: ["ledger"],
        summary: "The latest checkpoint (C2SP tlog-checkpoint signed note, with cosignatures)",
        responses: { 200: jsonAnswer(checkpointSchema, "The checkpoint"), ...PROBLEMS },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const cp = await deps.ledger.latest(deps.db);
      if (cp === undefined) throw new HttpError(404, "checkpoint.not_found", "Not found", "the ledger has no checkpoint yet");
      const finalSize = await deps.ledger.finalSize(deps.db);
      return c.json({ ...cp, cosignatures: [...cp.cosignatures], final: cp.treeSize <= finalSize }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/ledger/checkpoints/{size}/cosignatures/{party}",
        tags: ["ledger"],
        summary: "Cosign a checkpoint with the party's key (that party's commission member only), after checking it",
        request: {
          params: z.object({
            size: count("tree size").openapi({ param: { name: "size", in: "path" } }),
            party: z.string().regex(/^[A-Z]{2,3}$/).openapi({ param: { name: "party", in: "path" } }),
          }),
          body: jsonBody(z.strictObject({})),
        },
        responses: { 200: jsonAnswer(checkpointSchema, "The checkpoint with the new cosignature"), ...PROBLEMS },
      }),
      policy("checkpoint", "cosign"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const { size, party } = c.req.valid("param");
      authorizeOn(deps, actor, "cosign", { type: "checkpoint", owner: party as PartyCode });
      const cp = await deps.ledger.cosign(deps.db, size, party);
      deps.logger.info("ledger.cosigned", { user: actor.id, party, size });
      const finalSize = await deps.ledger.finalSize(deps.db);
      return c.json({ ...cp, cosignatures: [...cp.cosignatures], final: cp.treeSize <= finalSize }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/final",
        tags: ["ledger"],
        summary: "Which decisions are final: leaves below finalSize are in a checkpoint both parties cosigned",
        responses: {
          200: jsonAnswer(z.object({ size: z.number().int(), finalSize: z.number().int(), latestCheckpoint: z.number().int().nullable() }).openapi("Finality"), "Finality"),
          ...PROBLEMS,
        },
      }),
      policy("checkpoint", "read"),
    ),
    async (c) => {
      read(requireActor(c));
      const latest = await deps.ledger.latest(deps.db);
      return c.json({ size: await ledgerSize(deps.db), finalSize: await deps.ledger.finalSize(deps.db), latestCheckpoint: latest?.treeSize ?? null }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/ledger/keys",
        tags: ["ledger"],
        summary: "The log's origin and the public keys (vkeys) of the operator and each party's cosigner",
        responses: {
          200: jsonAnswer(z.object({ origin: z.string(), log: z.string(), parties: z.record(z.string(), z.string()) }).openapi("LedgerKeys"), "Keys"),
          ...PROBLEMS,
        },
      }),
      PUBLIC,
    ),
    async (c) => {
      const keys = verifierKeysOf(deps.ledger.keys);
      return c.json({ origin: keys.origin, log: keys.log, parties: { ...keys.parties } }, 200);
    },
  );
}
