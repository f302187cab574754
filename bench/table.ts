/** Plain-text tables and number formats for the benchmark report. */

/** A column: its header and whether its cells align left (text) or right (numbers). */
export interface Column {
  header: string;
  align?: "left" | "right";
}

/** Formats rows under headers with aligned columns, two spaces apart; returns the lines. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? "";
        const w = widths[i]!;
        return c.align === "right" ? cell.padStart(w) : cell.padEnd(w);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
}

/** An integer with thousands separators: 2,000,005. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** A number with `digits` decimals, or "n/a" when it is not finite. */
export function formatFixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}

/** Events per second as millions with two decimals: 5.41. */
export function formatMega(perSec: number): string {
  return formatFixed(perSec / 1e6, 2);
}

/** A ratio as a multiple (2.61x) or, below 1 when `percent` is set, as a percentage (23%). */
export function formatRatio(ratio: number, percent = false): string {
  if (!Number.isFinite(ratio)) return "n/a";
  return percent ? `${Math.round(ratio * 100)}%` : `${ratio.toFixed(2)}x`;
}

/** "met" or "not met" for a target; "-" when there is no target. */
export function formatMet(met: boolean | null): string {
  return met === null ? "-" : met ? "met" : "not met";
}
