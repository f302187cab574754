import type { ReportFormat } from "../../report/index.ts";

/**
 * A file name for a report of the scenario named `name`: lower-case letters, digits and dashes
 * only (no path separators, no control or reserved characters), at most 60 of them, then
 * `-report.<format>`.
 */
export function reportFileName(name: string, format: ReportFormat): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "kendall"}-report.${format}`;
}
