import { verifyPlan } from "#verify/verify-plan.ts";
import { type Io, loadScenario, readText, UserError } from "./io.ts";

/** `drawdown verify <scenario> <plan>`: the independent verifier; exit 1 on any violation. */
export function verifyCommand(io: Io, scenarioPath: string, planPath: string, opts: { json?: boolean }): number {
  const rs = loadScenario(scenarioPath);
  let plan: unknown;
  try {
    plan = JSON.parse(readText(planPath));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${planPath} is not JSON: ${(e as Error).message}. Write it with \`drawdown plan --out\`.`);
  }
  const report = verifyPlan(rs, plan);
  if (opts.json) {
    io.out(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  }
  if (report.ok) {
    const checked = Object.entries(report.checked)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    io.out(`${planPath}: valid for ${scenarioPath} — no violations (checked: ${checked})`);
    return 0;
  }
  const byCode = new Map<string, number>();
  for (const v of report.violations) byCode.set(v.code, (byCode.get(v.code) ?? 0) + 1);
  for (const v of report.violations) {
    const where = [v.movement, v.subject].filter(Boolean).join(" ");
    io.out(`${v.code.padEnd(24)} ${where.padEnd(16)} ${v.message}`);
  }
  io.out(
    `\n${report.violations.length} violation${report.violations.length === 1 ? "" : "s"}: ${[...byCode].map(([c, n]) => `${c} ×${n}`).join(", ")}`,
  );
  return 1;
}
