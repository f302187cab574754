import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";
import { kendallVersion, reportDate } from "../../src/cli/commands/report.ts";

const dir = mkdtempSync(join(tmpdir(), "kendall-report-"));
const quick = ["--messages", "1500", "--replications", "2"];

describe("kendall report", () => {
  it("writes a self-contained HTML report with the package's version", async () => {
    const file = join(dir, "mmc.html");
    const r = await kendall("report", "models/mmc.json", "-o", file, ...quick);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${file}\n`);
    const html = readFileSync(file, "utf8");
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(kendallVersion()).toBe(version);
    expect(html).toContain(`Kendall ${version}`);
    expect(html).toContain(`id="kendall-scenario"`);
    expect(html).toContain(`data-chart="wait"`);
  });

  it("applies --seed, --messages and --replications to the scenario it embeds", async () => {
    const file = join(dir, "mm1.json");
    expect((await kendall("report", "models/mm1.json", "--output", file, "--seed", "99", ...quick)).code).toBe(0);
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(json.scenario.seed).toBe(99);
    expect(json.scenario.run).toMatchObject({ messages: 1500, replications: 2 });
    expect(json.result.replications).toBe(2);
  });

  it("picks Markdown and CSV by the extension, CSV as one file per table", async () => {
    const md = join(dir, "r.MD");
    expect((await kendall("report", "models/mm1.json", "-o", md, ...quick)).code).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^# /);
    const csv = join(dir, "r.csv");
    const r = await kendall("report", "models/mm1.json", "-o", csv, ...quick);
    expect(r.out).toBe(`wrote ${csv}, ${join(dir, "r.series.csv")}\n`);
    expect(readFileSync(join(dir, "r.series.csv"), "utf8")).toMatch(/^time_s,warmup,length\[/);
  });

  const refusals: [string, () => string[], RegExp][] = [
    ["an unknown extension", () => ["-o", join(dir, "r.pdf")], /-o ".*r\.pdf": unknown report format \(expected a file ending in \.html, \.md, \.csv or \.json\)/],
    ["no extension", () => ["-o", join(dir, "report")], /unknown report format/],
    ["a missing -o", () => [], /missing -o OUT/],
    ["a folder that does not exist", () => ["-o", join(dir, "nope", "r.html")], /cannot write there \(no such folder\)/],
    ["a path under a file", () => { writeFileSync(join(dir, "afile"), "x"); return ["-o", join(dir, "afile", "r.html")]; }, /-o ".*afile\/r\.html": /],
    ["a path that is a folder", () => { mkdirSync(join(dir, "d.html"), { recursive: true }); return ["-o", join(dir, "d.html")]; }, /is a folder, not a file/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with one line on stderr and exit code 2, before running`, async () => {
      const r = await kendall("report", "models/mm1.json", ...args());
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    });
  }

  it("refuses a bad scenario file with exit code 2 and writes nothing", async () => {
    const out = join(dir, "bad.html");
    const r = await kendall("report", join(dir, "missing.json"), "-o", out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("dates the report in UTC, or from SOURCE_DATE_EPOCH for reproducible builds", () => {
    expect(reportDate("0")).toBe("1970-01-01 00:00 UTC");
    expect(reportDate(undefined)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });
});
