#!/usr/bin/env node
// `npm start`: serves the web app on http://127.0.0.1:5173 (Vite) and, beside it, the
// loopback-only broker bridge when present. Ctrl-C stops both.
import { spawn } from "node:child_process";
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

if (existsSync(new URL("../src/live/bridge/server.ts", import.meta.url))) {
  run(process.execPath, ["--import", "tsx", "src/live/bridge/server.ts"]);
}
run(process.execPath, ["node_modules/vite/bin/vite.js", "--host", "127.0.0.1", "--strictPort"]);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => children.forEach((c) => c.kill(sig)));
