import { formatNumber } from "../../report/format.ts";

/** A whole count with thousands separators (1,012,823); anything not finite in words, as formatNumber does. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return formatNumber(n);
  return Math.round(n).toLocaleString("en-US");
}
