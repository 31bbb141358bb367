import { formatInstant } from "#domain/time.ts";
import type { Movement, VerifyContext } from "./context.ts";
import { type ViolationSink, violation } from "./violation.ts";

/** Counts of something by location. */
type Pool = Map<string, number>;

const get = (pool: Pool | undefined, at: string): number => pool?.get(at) ?? 0;
const put = (pool: Pool, at: string, n: number): void => void pool.set(at, get(pool, at) + n);

/** What a movement took at its departure and will deliver at its arrival. */
interface Hold {
  readonly items: Map<string, number>;
  readonly pallets: string[];
  readonly people: Map<string, number>;
}

/**
 * `cargo.conservation` and `personnel.conservation`, by simulating where every piece, pallet and person
 * is. Pieces and people start at their site; pallets are built at their site at the start, taking their
 * pieces from the site's loose pieces. Events run in time order, arrivals before departures at the same
 * minute (a convoy arriving at 06:00 can feed an aircraft leaving at 06:00). A departure takes what it
 * lists from its origin and reports any shortfall (then carries only what was there); an arrival
 * delivers what was taken. At the end every piece to withdraw, every pallet and every person must be
 * outside the host country; pieces to hand over or dispose of must never have moved, and nothing may
 * come back into the host country once out. Returns the events simulated.
 */
export function checkConservation(ctx: VerifyContext, sink: ViolationSink): number {
  const loose = new Map<string, Pool>();
  const people = new Map<string, Pool>();
  /** Where each built pallet is: a site, or `undefined` while in transit. */
  const palletAt = new Map<string, string | undefined>();
  /** What each pallet really holds (less than it lists when its site lacked pieces). */
  const contents = new Map<string, Map<string, number>>();
  /** Where a pallet in transit is, for messages. */
  const onBoard = new Map<string, string>();
  const pool = (m: Map<string, Pool>, id: string): Pool => {
    let p = m.get(id);
    if (!p) {
      p = new Map();
      m.set(id, p);
    }
    return p;
  };

  for (const c of ctx.scenario.scenario.cargo) put(pool(loose, c.id), c.site, c.quantity);
  for (const g of ctx.scenario.scenario.personnel) put(pool(people, g.id), g.site, g.count);

  for (const p of ctx.pallets.values()) {
    if (!ctx.sites.has(p.site)) continue; // ref.unknown; a pallet nowhere cannot be built
    const held = new Map<string, number>();
    for (const it of p.items) {
      if (!ctx.cargo.has(it.cargo)) continue;
      const lines = pool(loose, it.cargo);
      const there = get(lines, p.site);
      const take = Math.min(there, it.quantity);
      if (take < it.quantity)
        sink.add(
          violation(
            "cargo.conservation",
            `pallet ${p.id} is built at ${p.site} with ${it.quantity} of ${it.cargo}, but only ${there} loose pieces of it are there at the start`,
            { subject: p.id },
          ),
        );
      put(lines, p.site, -take);
      held.set(it.cargo, (held.get(it.cargo) ?? 0) + take);
    }
    palletAt.set(p.id, p.site);
    contents.set(p.id, held);
  }

  const events = ctx.movements.flatMap((m, i) => {
    // A movement arriving no later than it departs would otherwise deliver before it took anything.
    const arrivalPhase = m.arriveAt > m.departAt ? 0 : 2;
    return [
      { t: m.departAt, phase: 1, i, m },
      { t: Math.max(m.arriveAt, m.departAt), phase: arrivalPhase, i, m },
    ];
  });
  events.sort((a, b) => a.t - b.t || a.phase - b.phase || a.i - b.i);

  const holds = new Map<number, Hold>();
  const movedHandover = new Set<string>();
  for (const e of events) {
    if (e.phase === 1) holds.set(e.i, depart(e.m));
    else arrive(e.m, holds.get(e.i));
  }

  function depart(m: Movement): Hold {
    const hold: Hold = { items: new Map(), pallets: [], people: new Map() };
    const when = formatInstant(m.departAt);
    const reenters = ctx.outside(m.from) && ctx.inHost(m.to);
    for (const it of m.items) {
      const c = ctx.cargo.get(it.cargo);
      if (!c) continue;
      if (c.disposition !== "withdraw") flagHandover(m, c.id, c.disposition, "loose");
      const lines = pool(loose, c.id);
      const there = get(lines, m.from);
      const take = Math.min(there, it.quantity);
      if (take < it.quantity)
        sink.add(
          violation(
            "cargo.conservation",
            `${m.label} departs ${when} with ${it.quantity} loose ${c.id}, but only ${there} are at ${m.from} then`,
            { movement: m.id, subject: c.id },
          ),
        );
      if (take > 0 && reenters)
        sink.add(
          violation("cargo.conservation", `${m.label} brings ${take} ${c.id} back into the host country`, {
            movement: m.id,
            subject: c.id,
          }),
        );
      put(lines, m.from, -take);
      hold.items.set(c.id, (hold.items.get(c.id) ?? 0) + take);
    }
    for (const id of m.pallets) {
      if (!palletAt.has(id)) continue; // unknown or never built: ref.unknown
      const where = palletAt.get(id);
      if (where !== m.from) {
        const now =
          where === undefined ? `in transit on ${onBoard.get(id) ?? "another movement"}` : `at ${where}`;
        sink.add(
          violation(
            "cargo.conservation",
            `${m.label} departs ${when} with pallet ${id}, which is ${now}, not at ${m.from}`,
            {
              movement: m.id,
              subject: id,
            },
          ),
        );
        continue;
      }
      for (const [cargo] of contents.get(id) ?? []) {
        const c = ctx.cargo.get(cargo);
        if (c && c.disposition !== "withdraw") flagHandover(m, c.id, c.disposition, `on pallet ${id}`);
      }
      if (reenters)
        sink.add(
          violation("cargo.conservation", `${m.label} brings pallet ${id} back into the host country`, {
            movement: m.id,
            subject: id,
          }),
        );
      palletAt.set(id, undefined);
      onBoard.set(id, m.label);
      hold.pallets.push(id);
    }
    for (const g of m.passengers) {
      if (!ctx.groups.has(g.group)) continue;
      const groups = pool(people, g.group);
      const there = get(groups, m.from);
      const take = Math.min(there, g.count);
      if (take < g.count)
        sink.add(
          violation(
            "personnel.conservation",
            `${m.label} departs ${when} with ${g.count} of ${g.group}, but only ${there} of them are at ${m.from} then`,
            { movement: m.id, subject: g.group },
          ),
        );
      if (take > 0 && reenters)
        sink.add(
          violation(
            "personnel.conservation",
            `${m.label} brings ${take} of ${g.group} back into the host country`,
            {
              movement: m.id,
              subject: g.group,
            },
          ),
        );
      put(groups, m.from, -take);
      hold.people.set(g.group, (hold.people.get(g.group) ?? 0) + take);
    }
    return hold;
  }

  function arrive(m: Movement, hold: Hold | undefined): void {
    if (!hold) return;
    for (const [cargo, n] of hold.items) put(pool(loose, cargo), m.to, n);
    for (const id of hold.pallets) {
      palletAt.set(id, m.to);
      onBoard.delete(id);
    }
    for (const [group, n] of hold.people) put(pool(people, group), m.to, n);
  }

  function flagHandover(m: Movement, cargo: string, disposition: string, how: string): void {
    const key = `${m.id}|${m.legIndex}|${cargo}`;
    if (movedHandover.has(key)) return;
    movedHandover.add(key);
    sink.add(
      violation(
        "cargo.conservation",
        `${m.label} moves ${cargo} (${how}), which is to ${disposition === "handover" ? "be handed over" : "be disposed of"} in place and must never move`,
        { movement: m.id, subject: cargo },
      ),
    );
  }

  // End state: what is still in the host country.
  for (const c of ctx.scenario.scenario.cargo) {
    if (c.disposition !== "withdraw") continue;
    const left: string[] = [];
    let inside = 0;
    for (const [at, n] of loose.get(c.id) ?? []) {
      if (n > 0 && !ctx.outside(at)) {
        inside += n;
        left.push(`${n} loose at ${at}`);
      }
    }
    for (const [id, held] of contents) {
      const n = held.get(c.id) ?? 0;
      const at = palletAt.get(id);
      if (n > 0 && at !== undefined && !ctx.outside(at)) {
        inside += n;
        left.push(`${n} on pallet ${id} at ${at}`);
      }
    }
    if (inside > 0)
      sink.add(
        violation(
          "cargo.conservation",
          `${inside} of the ${c.quantity} pieces of ${c.id} to withdraw never leave the host country (${left.join(", ")})`,
          { subject: c.id },
        ),
      );
  }
  for (const [id, at] of palletAt) {
    if (at !== undefined && !ctx.outside(at))
      sink.add(
        violation("cargo.conservation", `pallet ${id} never leaves the host country: it ends at ${at}`, {
          subject: id,
        }),
      );
  }
  for (const g of ctx.scenario.scenario.personnel) {
    const left = [...(people.get(g.id) ?? [])].filter(([at, n]) => n > 0 && !ctx.outside(at));
    const inside = left.reduce((s, [, n]) => s + n, 0);
    if (inside > 0)
      sink.add(
        violation(
          "personnel.conservation",
          `${inside} of the ${g.count} people of ${g.id} never leave the host country (${left.map(([at, n]) => `${n} at ${at}`).join(", ")})`,
          { subject: g.id },
        ),
      );
  }
  return events.length;
}
