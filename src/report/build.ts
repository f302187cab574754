import { buildCsvReport } from "./csvReport.ts";
import { buildHtmlReport } from "./html/document.ts";
import { buildJsonReport } from "./json.ts";
import { buildMarkdownReport } from "./markdown.ts";
import type { ReportFile, ReportFormat, ReportInput } from "./types.ts";

/** Every report format, by file extension. */
export const reportFormats: readonly ReportFormat[] = ["html", "md", "csv", "json"];

const extensions: Record<string, ReportFormat> = { html: "html", htm: "html", md: "md", markdown: "md", csv: "csv", json: "json" };

const mimeTypes: Record<ReportFormat, string> = {
  html: "text/html;charset=utf-8",
  md: "text/markdown;charset=utf-8",
  csv: "text/csv;charset=utf-8;header=present",
  json: "application/json",
};

/** The format a file name asks for by its extension (case-insensitive), or undefined for any other. */
export function reportFormatOf(fileName: string): ReportFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(fileName);
  return m ? extensions[m[1]!.toLowerCase()] : undefined;
}

/**
 * The name of one part of a report: the main file keeps `fileName`; other parts insert their
 * name before the extension (`report.csv` -> `report.series.csv`).
 */
export function reportPartName(fileName: string, part: ReportFile["part"]): string {
  if (part === "main") return fileName;
  const dot = fileName.lastIndexOf(".");
  const slash = Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\"));
  return dot > slash ? `${fileName.slice(0, dot)}.${part}${fileName.slice(dot)}` : `${fileName}.${part}`;
}

/**
 * A report in `format`: one file for HTML, Markdown and JSON; for CSV the per-queue table
 * (`main`), the time series (`series`), and `sweep` and `plan` tables when given. Pure: the
 * same input gives the same text.
 */
export function buildReport(format: ReportFormat, input: ReportInput): ReportFile[] {
  const mimeType = mimeTypes[format];
  switch (format) {
    case "html":
      return [{ part: "main", mimeType, text: buildHtmlReport(input) }];
    case "md":
      return [{ part: "main", mimeType, text: buildMarkdownReport(input) }];
    case "json":
      return [{ part: "main", mimeType, text: buildJsonReport(input) }];
    case "csv": {
      const csv = buildCsvReport(input);
      return (["main", "series", "sweep", "plan"] as const).flatMap((part) => (csv[part] !== undefined ? [{ part, mimeType, text: csv[part] }] : []));
    }
  }
}
