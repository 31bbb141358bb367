/** User accounts, for each party's administrators (their own party's accounts only). */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { findUserById, listUsers } from "#store/users.repository.ts";
import { type PartyCode } from "#workflow/ids.ts";
import { roleSchema } from "#workflow/actor.ts";
import { createUserAccount, updateUserAccount } from "../commands/user-steps.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../http-error.ts";
import { presentUser } from "../presenters.ts";
import { type AppEnv, authorizeOn, idParam, ifMatch, ifMatchHeader, jsonAnswer, jsonBody, PROBLEMS, requireActor } from "../request.ts";
import { policy, type RouteTable } from "../route-table.ts";
import { listOf, userSchema } from "../wire.ts";

const passwordSchema = z.string().min(12, "at least 12 characters").max(256);
const createUserSchema = z
  .strictObject({
    username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, . _ - only"),
    password: passwordSchema,
    roles: z.array(roleSchema).min(1).max(5),
    party: z.string().regex(/^[A-Z]{2,3}$/).optional().describe("Defaults to the administrator's party."),
  })
  .openapi("NewUser");
const updateUserSchema = z
  .strictObject({ roles: z.array(roleSchema).max(5).optional(), disabled: z.boolean().optional(), password: passwordSchema.optional() })
  .refine((b) => b.roles !== undefined || b.disabled !== undefined || b.password !== undefined, { message: "name at least one change" })
  .openapi("UserChanges");

/** Registers the user routes. */
export function registerUserRoutes(app: OpenAPIHono<AppEnv>, table: RouteTable, deps: ServerDeps): void {
  app.openapi(
    table.add(
      createRoute({
        method: "get",
        path: "/api/users",
        tags: ["users"],
        summary: "The accounts of the administrator's party",
        responses: { 200: jsonAnswer(listOf(userSchema, "UserList"), "Accounts"), ...PROBLEMS },
      }),
      policy("user", "read"),
    ),
    async (c) => {
      const actor = requireActor(c);
      authorizeOn(deps, actor, "read", { type: "user", owner: actor.party });
      const users = await listUsers(deps.db, { party: actor.party });
      return c.json({ items: users.map((u) => presentUser(deps, actor, u)) }, 200);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "post",
        path: "/api/users",
        tags: ["users"],
        summary: "Create an account of the administrator's party",
        request: { body: jsonBody(createUserSchema) },
        responses: { 201: jsonAnswer(userSchema, "Created"), ...PROBLEMS },
      }),
      policy("user", "manage"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const body = c.req.valid("json");
      const party = body.party ?? actor.party;
      authorizeOn(deps, actor, "manage", { type: "user", owner: party as PartyCode });
      const user = await createUserAccount(deps, { party, username: body.username, password: body.password, roles: body.roles });
      deps.logger.info("user.created", { by: actor.id, user: user.id, party });
      return c.json(presentUser(deps, actor, user), 201);
    },
  );

  app.openapi(
    table.add(
      createRoute({
        method: "patch",
        path: "/api/users/{id}",
        tags: ["users"],
        summary: "Change roles, disable or reset the password (If-Match)",
        request: { params: idParam, headers: ifMatchHeader, body: jsonBody(updateUserSchema) },
        responses: { 200: jsonAnswer(userSchema, "Changed"), ...PROBLEMS },
      }),
      policy("user", "manage"),
    ),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid("param");
      const user = await findUserById(deps.db, id);
      if (user === undefined) throw notFound("user", id);
      authorizeOn(deps, actor, "manage", { type: "user", owner: user.party as PartyCode });
      const updated = await updateUserAccount(deps, id, ifMatch(c), c.req.valid("json"));
      deps.logger.info("user.changed", { by: actor.id, user: id });
      c.header("ETag", `"${updated.version}"`);
      return c.json(presentUser(deps, actor, updated), 200);
    },
  );
}
