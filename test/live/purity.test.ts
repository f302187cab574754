import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Parsers, estimators and the comparison run in the page too (DESIGN.md, STYLE.md): no Node
// modules, no DOM, no network, no wall clock. Only sources, the bridge and the CLI touch those.
const root = new URL("../../src/live/", import.meta.url);
const pure = [
  ...readdirSync(new URL("parse/", root)).map((f) => `parse/${f}`),
  ...readdirSync(new URL("estimate/", root)).map((f) => `estimate/${f}`),
  "types.ts", "compare.ts", "formatReport.ts",
];

describe("pure live code", () => {
  it.each(pure)("%s uses no Node module, DOM, network or clock", (file) => {
    const text = readFileSync(new URL(file, root), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(text).not.toMatch(/from "node:|from "(fs|path|http|https|net|os)"|require\(/);
    expect(text).not.toMatch(/(?<![\w./])(window|document|localStorage|navigator|process|globalThis)\.[a-zA-Z]|XMLHttpRequest/);
    expect(text).not.toMatch(/\bfetch\(|Date\.now|performance\.now|Math\.random|setTimeout|setInterval/);
    expect(text).not.toMatch(/from "\.\.\/(sources|bridge)\//);
  });
});
