import type { Io } from "#cli/io.ts";
import { main } from "#cli/main.ts";

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += t.endsWith("\n") ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith("\n") ? t : `${t}\n`;
    },
    interactive: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}
