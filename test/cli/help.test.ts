import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commonFlags, type FlagTable } from "../../src/cli/help.ts";
import { commands } from "../../src/cli/main.ts";
import { kendall } from "../support/cli.ts";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe.each(Object.entries(commands))("kendall %s --help", (name, { help }) => {
  // The table the parser reads (parseFlags adds the common flags to every command's own).
  const flags = Object.entries<FlagTable[string]>({ ...help.flags, ...commonFlags });

  it("exits 0 and prints the usage line, what it does, exit codes and examples on stdout", async () => {
    const r = await kendall(name, "--help");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(new RegExp(`^usage: kendall ${name} `));
    expect(r.out).toContain("\nflags:\n");
    expect(r.out).toMatch(/\nexit codes: 0 ok.*2 bad input/);
    expect(r.out).toMatch(new RegExp(`\nexamples:\n {2}kendall ${name} `));
    expect((await kendall(name, "-h")).out).toBe(r.out);
  });

  it("names every flag the command accepts, with its argument", async () => {
    const { out } = await kendall(name, "--help");
    for (const [flag, spec] of flags) {
      const arg = spec.type === "string" ? ` ${spec.arg ?? "VALUE"}` : "";
      expect(out, `--${flag}`).toMatch(new RegExp(`^ {2}(-\\w, | {4})--${flag}${arg.replace(/[|.()[\]]/g, "\\$&")} +\\S`, "m"));
      expect(spec.help.trim(), `--${flag}`).not.toBe("");
    }
  });

  it("stays under 100 columns and about 40 lines", async () => {
    const lines = (await kendall(name, "--help")).out.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) expect(line.length, line).toBeLessThan(100);
  });

  it("takes its examples from README.md", () => {
    for (const example of help.examples) expect(readme).toContain(`npx ${example}`);
  });

  it("is the table the parser uses: every documented flag is accepted, an unknown one points to the help", async () => {
    for (const [flag, spec] of flags) {
      if (flag === "help") continue;
      const r = await kendall(name, `--${flag}`, ...(spec.type === "string" ? ["x"] : []));
      expect(r.err, `--${flag}`).not.toMatch(/unknown flag/);
    }
    const r = await kendall(name, "--no-such-flag");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown flag --no-such-flag (see kendall ${name} --help)`);
  });
});

it("kendall --help keeps the overview and points to kendall CMD --help", async () => {
  const r = await kendall("--help");
  expect(r.code).toBe(0);
  for (const { help } of Object.values(commands)) expect(r.out).toContain(`  ${help.usage}`);
  expect(r.out).toContain("kendall CMD --help");
});
