/**
 * Escaping for everything a scenario names: queue ids, the scenario's name and description,
 * class names. Those come from files and links anyone can write, so they are text wherever a
 * report shows them, and no credentials travel with them.
 */

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML (and inline SVG) content and quoted attribute values: `& < > " '` become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

/**
 * Text for a Markdown paragraph, list item or table cell: CommonMark punctuation that could
 * start markup (`\ \` * _ [ ] < > | & ~ !`) is backslash-escaped, a leading `#`, `-`, `+`, `=`
 * or `1. ` that would make a heading, list or rule is escaped, and line breaks become spaces so
 * a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
  const escaped = flat.replace(/[\\`*_[\]<>|&~!]/g, (c) => `\\${c}`);
  // An ordered-list marker is 1-9 digits, then `.` or `)`, then a space or the end (CommonMark 5.2).
  return escaped.replace(/^(\s*)([#+=-]|\d{1,9}(?=[.)](\s|$)))/, (_, space: string, lead: string) => (/^\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
}

/**
 * Removes the user information (`user:password@`) of every URL-looking string in `text`
 * (`scheme://user:pass@host` becomes `scheme://host`), so no credential reaches a report even
 * if one slipped into a name or a trace file path. Applied to the whole report text.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>\\]*@/gi, "$1");
}

/** A copy of `value` with `redactCredentials` applied to every string in it (keys included). */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactCredentials(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactCredentials(k), redactDeep(v)])) as T;
  }
  return value;
}

/**
 * JSON text made safe inside `<script type="application/json">`: `<`, `>` and `&` written as
 * `\u003c`, `\u003e`, `\u0026` (they can only occur inside JSON strings, where the escapes mean
 * the same), so no `</script>` or `<!--` can end or change the element. Also U+2028/U+2029.
 */
export function jsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
