/** Test data through the API: a published plan, drafts and submitted requests on synthetic-small. */
import type { TestServer, TestSession } from "./harness.ts";

/** Publishes the plan, drafts every host request (with call signs and crews) and submits them. */
export async function submittedRequests(
  s: TestServer,
  planner: TestSession,
): Promise<{ id: string; version: number; sortie: string; firstAt: string; lastAt: string }[]> {
  const published = await s.request(planner, "POST", "/api/plans", { body: {} });
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  const drafts = await s.request(planner, "POST", "/api/clearances/drafts", { body: { callSignPrefix: "RCH", crew: 4 } });
  if (drafts.status !== 201) throw new Error(`drafts: ${drafts.status} ${JSON.stringify(drafts.body)}`);
  const items = (drafts.body.drafted as { id: string; version: number }[]).map((d) => ({ id: d.id, version: d.version }));
  const submitted = await s.request(planner, "POST", "/api/clearances/submit", { body: { items } });
  if (submitted.status !== 200 || submitted.body.submitted !== items.length)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return (submitted.body.results as { request: { id: string; version: number; source: { sortie: string }; details: { firstAt: string; lastAt: string } } }[]).map(
    ({ request: r }) => ({ id: r.id, version: r.version, sortie: r.source.sortie, firstAt: r.details.firstAt, lastAt: r.details.lastAt }),
  );
}

/** An approval body whose window covers the request. */
export function approval(r: { firstAt: string; lastAt: string }, number = "HP-1"): Record<string, string> {
  const day = 86_400_000;
  return {
    clearanceNumber: number,
    validFrom: new Date(Date.parse(r.firstAt) - day).toISOString(),
    validTo: new Date(Date.parse(r.lastAt) + day).toISOString(),
  };
}
