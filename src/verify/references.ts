import type { VerifyContext } from "./context.ts";
import { parseTail } from "./tail.ts";
import { type ViolationSink, violation } from "./violation.ts";

/**
 * `ref.unknown`: every site, group, cargo line, pallet, fleet, aircraft type, service and route the plan
 * names exists. Each (movement, id) pair is reported once. The other rules skip what is unknown, so a
 * bad id gives this one violation rather than a crash or a cascade. Returns the references checked.
 */
export function checkReferences(ctx: VerifyContext, sink: ViolationSink): number {
  let checked = 0;
  const seen = new Set<string>();
  const need = (known: boolean, what: string, id: string, where: string, movement?: string) => {
    checked++;
    const key = `${movement ?? ""}|${what}|${id}`;
    if (known || seen.has(key)) return;
    seen.add(key);
    sink.add(violation("ref.unknown", `${where}: unknown ${what} "${id}"`, { movement, subject: id }));
  };
  const site = (id: string, where: string, movement?: string) =>
    need(ctx.sites.has(id), "site", id, where, movement);
  const cargo = (id: string, where: string, movement?: string) =>
    need(ctx.cargo.has(id), "cargo line", id, where, movement);
  const group = (id: string, where: string, movement?: string) =>
    need(ctx.groups.has(id), "personnel group", id, where, movement);

  for (const p of ctx.plan.pallets) {
    site(p.site, `pallet ${p.id}`);
    for (const it of p.items) cargo(it.cargo, `pallet ${p.id}`);
  }
  for (const s of ctx.plan.sorties) {
    need(ctx.types.has(s.type), "aircraft type", s.type, `sortie ${s.id}`, s.id);
    need(
      parseTail(ctx.fleet, s.aircraft).fleet !== undefined,
      "fleet tail",
      s.aircraft,
      `sortie ${s.id}`,
      s.id,
    );
  }
  for (const m of ctx.movements) {
    site(m.from, m.label, m.id);
    if (m.kind !== "commercial") site(m.to, m.label, m.id);
    for (const p of m.pallets) need(ctx.pallets.has(p), "pallet", p, m.label, m.id);
    for (const it of m.items) cargo(it.cargo, m.label, m.id);
    for (const g of m.passengers) group(g.group, m.label, m.id);
  }
  for (const c of ctx.plan.convoys)
    need(ctx.routes.has(c.route), "road route", c.route, `convoy ${c.id}`, c.id);
  for (const p of ctx.plan.commercial)
    need(ctx.services.has(p.service), "commercial service", p.service, `commercial ${p.id}`, p.id);
  for (const c of ctx.plan.siteClosures) site(c.site, "siteClosures");
  return checked;
}
