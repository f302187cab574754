#!/usr/bin/env node
// The `kendall` command: runs the TypeScript sources through tsx, so a fresh `npm ci` is all it needs.
import { register } from "tsx/esm/api";
import { performance } from "node:perf_hooks";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  clock: () => performance.now(),
});
process.exitCode = code;
