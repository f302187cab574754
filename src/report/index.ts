/**
 * Reports: pure builders of HTML, Markdown, CSV and JSON from a scenario and its result,
 * shared by the command line (`kendall report`) and the page's Export menu. No DOM, no Node,
 * no clock: the date and Kendall's version are passed in. Public names are given here only.
 */
export type { PlanGrowthStep, PlanSection, PlanSizeAnswer, PlanVerdict, ReportFile, ReportFormat, ReportInput, ReportMeta, SweepFigures, SweepSection } from "./types.ts";
export { buildReport, reportFormatOf, reportFormats, reportPartName } from "./build.ts";
export { buildHtmlReport } from "./html/document.ts";
export { buildMarkdownReport, markdownTable } from "./markdown.ts";
export { buildCsvReport, planCsv, queueColumns, queueMetricsCsv, sweepCsv, timeSeriesCsv } from "./csvReport.ts";
export { buildJsonReport } from "./json.ts";
export { csvCell, csvNumber, csvTable, type CsvValue } from "./csv.ts";
export { escapeHtml, escapeMarkdown, jsonForScript, redactCredentials, redactDeep } from "./escape.ts";
export { formatEstimate, formatNumber, formatPercent, formatSeconds } from "./format.ts";
export { parseImportText } from "./reimport.ts";
