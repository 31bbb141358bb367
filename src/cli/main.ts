import { Command, CommanderError, InvalidArgumentError } from "commander";
import { type GenerateCommandOptions, generateCommand } from "./generate-command.ts";
import { registerImport } from "./import-command.ts";
import { type Io, processIo, UserError } from "./io.ts";
import { registerLoad } from "./load-command.ts";
import { registerMinFleet } from "./minfleet-command.ts";
import { registerPack } from "./pack-command.ts";
import { planCommand } from "./plan-command.ts";
import { registerReplan } from "./replan-command.ts";
import { schemaCommand } from "./schema-command.ts";
import { registerServer } from "./serve-command.ts";
import { validateCommand } from "./validate-command.ts";
import { verifyCommand } from "./verify-command.ts";
import { registerWhatIf } from "./whatif-command.ts";

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number, got "${v}"`);
  return n;
};

/** Builds the `drawdown` program; each action sets the exit code through `done`. */
export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command("drawdown")
    .description("Plan, clear and track the orderly withdrawal of forces under a deadline.")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command("validate")
    .description("Check a scenario file: every problem at once with its JSON path, line:column and a hint (exit 2 if any).")
    .argument("<scenario>", "scenario JSON file")
    .action((scenario: string) => done(validateCommand(io, scenario)));

  program
    .command("plan")
    .description("Plan the withdrawal: completion and slack, site close-out, sorties, convoys, seats, clearance requests, lower bound.")
    .argument("<scenario>", "scenario JSON file")
    .option("--json", "print the whole plan as JSON instead of the summary")
    .option("--out <file>", "write the plan JSON to this file")
    .option("--seed <n>", "seed for any randomised choice (plans are deterministic per seed)", int("--seed"), 1)
    .addHelpText("after", "\nExit codes: 0 complete plan; 2 invalid scenario; 3 something could not be planned (listed).")
    .action(async (scenario: string, opts: { json?: boolean; out?: string; seed: number }) => done(await planCommand(io, scenario, opts)));

  program
    .command("verify")
    .description("Check a plan against its scenario with the independent verifier; lists every violation with its movement (exit 1 if any).")
    .argument("<scenario>", "scenario JSON file")
    .argument("<plan>", "plan JSON file (drawdown plan --out)")
    .option("--json", "print the report as JSON")
    .action((scenario: string, plan: string, opts: { json?: boolean }) => done(verifyCommand(io, scenario, plan, opts)));

  program
    .command("generate")
    .description("Generate a synthetic scenario (valid, feasible, deterministic per seed) for tests and benchmarks.")
    .option("--preset <name>", "small, medium, large, minusma or xl (other options override it)")
    .option("--personnel <n>", "people in the host country", int("--personnel"))
    .option("--items <n>", "pieces of cargo", int("--items"))
    .option("--sites <n>", "sites in the host country", int("--sites"))
    .option("--seed <n>", "seed: the same seed gives the same scenario", int("--seed"), 1)
    .option("--days <n>", "days from start to deadline (default: sized from the workload)", int("--days"))
    .option("--aircraft <n>", "aircraft in the fleet (default: sized from the workload)", int("--aircraft"))
    .option("--road-sites <n>", "sites reachable only by road", int("--road-sites"))
    .option("--out <file>", "write the scenario here instead of printing it")
    .action((opts: GenerateCommandOptions) => done(generateCommand(io, opts)));

  program
    .command("schema")
    .description("Write schema/scenario.schema.json and schema/plan.schema.json from the zod types.")
    .option("--check", "only check that the files are up to date (exit 1 if not)")
    .action((opts: { check?: boolean }) => done(schemaCommand(io, opts)));

  registerLoad(program, io, done);
  registerPack(program, io, done);
  registerWhatIf(program, io, done);
  registerMinFleet(program, io, done);
  registerReplan(program, io, done);
  registerImport(program, io, done);
  registerServer(program, io, done);

  return program;
}

/** Runs the CLI with the arguments after `drawdown`; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UserError) {
      io.err(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
