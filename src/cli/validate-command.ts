import { type Io, loadScenario } from "./io.ts";

/** `drawdown validate <scenario>`: every problem at once, exit 2 if any; writes nothing. */
export function validateCommand(io: Io, scenarioPath: string): number {
  const rs = loadScenario(scenarioPath);
  const s = rs.scenario;
  const people = s.personnel.reduce((n, g) => n + g.count, 0);
  const pieces = s.cargo.reduce((n, c) => n + c.quantity, 0);
  io.out(
    `${scenarioPath}: valid — ${s.sites.length} sites, ${people} personnel in ${s.personnel.length} groups, ${pieces} pieces of cargo on ${s.cargo.length} lines, ${s.fleet.reduce((n, f) => n + f.count, 0)} aircraft`,
  );
  return 0;
}
