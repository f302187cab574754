// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** The pure core runs unchanged in the page, a worker and Node: no DOM, no Node, no network. */
const pureCore = [
  { group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "http", "https", "net"], message: "The pure core runs in the browser too: no Node modules (STYLE.md, dependency direction)." },
  { group: ["react", "react-dom", "react/*", "react-dom/*", "d3", "d3-*"], message: "The pure core draws nothing: UI code lives in src/ui." },
  { group: ["**/ui/**", "**/cli/**", "**/live/**", "**/worker/**"], message: "ui, cli, live and worker are leaves: the core never imports them." },
];
const leafOnly = (/** @type {string[]} */ ...folders) =>
  folders.map((f) => ({ group: [`**/${f}/**`, `../${f}`, `../${f}/*`], message: `This layer must not import ${f} (STYLE.md dependency direction).` }));

const coreGlobals = ["window", "document", "fetch", "localStorage", "navigator", "XMLHttpRequest", "process", "require", "setTimeout", "setInterval"];

export default tseslint.config(
  { ignores: ["node_modules", "dist", "coverage", "public"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/{engine,broker,analytic,stats,scenario,planner,report}/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: pureCore }],
      "no-restricted-globals": ["error", ...coreGlobals.map((name) => ({ name, message: "The pure core must not touch host globals; pass what you need in." }))],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use a named seeded stream (src/engine/rng.ts): same seed, same numbers." },
        { object: "Date", property: "now", message: "The core has no wall clock; take time as an argument." },
        { object: "performance", property: "now", message: "The core has no wall clock; take a clock as an argument." },
      ],
    },
  },
  {
    files: ["src/{stats,analytic}/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...pureCore, { group: ["../*"], message: "stats and analytic import nothing from the project (STYLE.md)." }] }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...pureCore, ...leafOnly("broker", "scenario", "planner", "report")] }] },
  },
  {
    files: ["src/broker/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...pureCore, ...leafOnly("scenario", "planner", "report")] }] },
  },
  {
    files: ["src/ui/**/*.tsx", "src/ui/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*"],
    rules: { "max-lines": "off" },
  },
);
