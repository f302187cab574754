import { describe, expect, it } from "vitest";
import { buildReport, reportFormatOf, reportPartName } from "../../src/report/index.ts";
import { inputOf, networkScenario } from "./fixtures.ts";

describe("report formats", () => {
  it("follow the file extension, whatever its case", () => {
    expect(reportFormatOf("a/b/report.html")).toBe("html");
    expect(reportFormatOf("report.HTM")).toBe("html");
    expect(reportFormatOf("notes.md")).toBe("md");
    expect(reportFormatOf("x.markdown")).toBe("md");
    expect(reportFormatOf("t.csv")).toBe("csv");
    expect(reportFormatOf("r.json")).toBe("json");
    expect(reportFormatOf("r.pdf")).toBeUndefined();
    expect(reportFormatOf("html")).toBeUndefined();
  });

  it("name the extra parts of a CSV report before the extension", () => {
    expect(reportPartName("out/r.csv", "main")).toBe("out/r.csv");
    expect(reportPartName("out/r.csv", "series")).toBe("out/r.series.csv");
    expect(reportPartName("out.d/r", "sweep")).toBe("out.d/r.sweep");
  });

  it("build one file for HTML, Markdown and JSON, with their MIME types", () => {
    const input = inputOf(networkScenario);
    for (const [format, mime] of [["html", "text/html"], ["md", "text/markdown"], ["json", "application/json"]] as const) {
      const files = buildReport(format, input);
      expect(files).toHaveLength(1);
      expect(files[0]!.part).toBe("main");
      expect(files[0]!.mimeType).toMatch(mime);
    }
  });
});
