#!/usr/bin/env node
// `npm start`: builds the web app for production and serves it on http://127.0.0.1:5173
// (`vite preview`) with, beside it, the loopback-only broker bridge. Ctrl-C stops both.
// `npm run dev` serves the sources with hot reload instead (React's development build, which
// renders several times slower).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const children = [];
const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: "inherit", env: process.env });
  children.push(child);
  child.on("exit", (code) => {
    for (const c of children) if (c !== child) c.kill("SIGTERM");
    process.exit(code ?? 0);
  });
};

const vite = "node_modules/vite/bin/vite.js";
const built = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { stdio: "inherit", env: process.env });
if (built.status !== 0) {
  console.error("kendall: the web app did not build (see above)");
  process.exit(built.status ?? 1);
}
if (existsSync(new URL("../src/live/bridge/server.ts", import.meta.url))) {
  run(process.execPath, ["--import", "tsx", "src/live/bridge/server.ts"]);
}
run(process.execPath, [vite, "preview", "--host", "127.0.0.1", "--strictPort"]);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => children.forEach((c) => c.kill(sig)));
