import { GENERATOR_PRESETS, type GeneratorPresetName } from "#generate/presets.ts";
import { type GeneratorOptions, generateWithSummary } from "#generate/generate.ts";
import { type Io, UserError, writeTextAtomic } from "./io.ts";

export interface GenerateCommandOptions {
  readonly preset?: string;
  readonly personnel?: number;
  readonly items?: number;
  readonly sites?: number;
  readonly seed: number;
  readonly days?: number;
  readonly aircraft?: number;
  readonly roadSites?: number;
  readonly out?: string;
}

/** `drawdown generate`: a synthetic, valid and feasible scenario for tests and benchmarks. */
export function generateCommand(io: Io, opts: GenerateCommandOptions): number {
  let base: Partial<GeneratorOptions> = {};
  if (opts.preset !== undefined) {
    const preset = GENERATOR_PRESETS[opts.preset as GeneratorPresetName];
    if (!preset) throw new UserError(`unknown preset "${opts.preset}"; use one of ${Object.keys(GENERATOR_PRESETS).join(", ")}`);
    base = preset;
  }
  const personnel = opts.personnel ?? base.personnel;
  const items = opts.items ?? base.items;
  const sites = opts.sites ?? base.sites;
  if (personnel === undefined || items === undefined || sites === undefined)
    throw new UserError("say how big: --personnel N --items M --sites K, or --preset small|medium|large|minusma|xl");
  const options: GeneratorOptions = {
    ...base,
    personnel,
    items,
    sites,
    seed: opts.seed,
    ...(opts.days !== undefined ? { days: opts.days } : {}),
    ...(opts.aircraft !== undefined ? { aircraft: opts.aircraft } : {}),
    ...(opts.roadSites !== undefined ? { roadSites: opts.roadSites } : {}),
  };
  let generated: ReturnType<typeof generateWithSummary>;
  try {
    generated = generateWithSummary(options);
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(`cannot generate: ${e.message}`);
    throw e;
  }
  const json = `${JSON.stringify(generated.scenario, null, 1)}\n`;
  const s = generated.summary;
  const line = `generated ${generated.scenario.id}: ${s.personnel} personnel, ${s.pieces} pieces (${Math.round(s.withdrawKg / 1000)} t to withdraw) at ${s.hostSites} sites (${s.roadSites} by road only), ${s.c17} C-17A + ${s.c130} C-130J-30, ${s.days} days to the deadline`;
  if (opts.out) {
    writeTextAtomic(opts.out, json);
    io.out(`${line}\nwritten to ${opts.out}`);
  } else {
    io.out(json);
    io.err(line);
  }
  return 0;
}
