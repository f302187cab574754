/** Small HTML builders for the report sections. Cell and item contents are HTML already escaped by the caller. */
import { escapeHtml } from "../escape.ts";

/** A table; `numeric` column indices are right-aligned. */
export function htmlTable(className: string, header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const cell = (tag: "th" | "td", c: string, i: number) => `<${tag}${numeric.includes(i) ? ` class="num"` : ""}>${c}</${tag}>`;
  return [
    `<table class="${escapeHtml(className)}">`,
    `<thead><tr>${header.map((h, i) => cell("th", h, i)).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("")}</tbody>`,
    `</table>`,
  ].join("");
}

/** A definition list of plain-text labels and values (both escaped here). */
export function factList(facts: readonly { label: string; text: string }[]): string {
  return `<dl class="facts">${facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.text)}</dd>`).join("")}</dl>`;
}

/** A warning block; `html` is already escaped. */
export function flag(kind: "unstable" | "warning", title: string, html: string): string {
  return `<div class="flag ${kind}" role="note"><strong>${escapeHtml(title)}</strong>${html}</div>`;
}
