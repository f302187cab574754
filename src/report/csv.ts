/**
 * CSV as RFC 4180 writes it (CRLF line ends, a header row, fields with a comma, a quote or a
 * line break quoted, quotes doubled), made safe to open in a spreadsheet.
 *
 * Formula neutralisation (OWASP "CSV injection"): a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as
 * text instead of running it. A cell that is a plain number (`-1.5`, `2e-7`) is left as it is,
 * so negative figures stay numeric. Numbers are written with at most 6 significant digits,
 * unbounded figures as `inf`, missing ones as an empty cell.
 */

/** A cell value: text, a number, a boolean, or nothing (empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

const plainNumber = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A number as a CSV cell: 6 significant digits, `inf`/`-inf` when unbounded, empty for NaN. */
export function csvNumber(x: number): string {
  if (Number.isNaN(x)) return "";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return String(Number(x.toPrecision(6)));
}

/** One field: neutralised (see the module comment), then quoted when RFC 4180 requires it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = /^[=+\-@\t\r]/.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole table: the header row, then one line per row, CRLF line ends (RFC 4180 sec. 2). */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
