import { main } from "../../src/cli/main.ts";

/** Runs the `kendall` command line in-process, collecting what it prints and its exit code. */
export async function kendall(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd(), clock: () => performance.now() });
  return { code, out, err };
}
