/**
 * Safe, short renderings of untrusted values for error messages. A scenario's names and values
 * come from files and links anyone can write, so every character outside printable ASCII is
 * written as a JSON `\uXXXX` escape: a hostile name cannot move a terminal's cursor, reverse the
 * text direction (bidi overrides) or hide characters (zero-width) in a message.
 */

const maxPreviewChars = 60;
const maxDepth = 4;

/** Escapes every character outside printable ASCII (0x20-0x7e) as `\uXXXX`; idempotent. */
export function escapeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += escapeChar(text.charCodeAt(i));
  return out;
}

function escapeChar(code: number): string {
  return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A string written as a JSON string literal, escaped as `escapeText` does. */
export function quoteText(text: string): string {
  return escapeText(JSON.stringify(text));
}

/**
 * The value as JSON-like text of at most about 60 characters, escaped, for "got ..." messages.
 * Never throws: cycles, getters that throw, bigints and functions all get a rendering.
 */
export function previewValue(value: unknown): string {
  let raw: string;
  try {
    raw = render(value, 0, { left: maxPreviewChars * 2 });
  } catch {
    raw = "an unreadable value";
  }
  return truncateEscaped(raw, maxPreviewChars);
}

function truncateEscaped(raw: string, limit: number): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const piece = escapeChar(raw.charCodeAt(i));
    if (out.length + piece.length > limit - 3 && i < raw.length - 1) return `${out}...`;
    out += piece;
  }
  return out;
}

interface Budget {
  left: number;
}

function render(value: unknown, depth: number, budget: Budget): string {
  if (budget.left <= 0) return "...";
  const text = renderOne(value, depth, budget);
  budget.left -= text.length;
  return text;
}

function renderOne(value: unknown, depth: number, budget: Budget): string {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case "string":
      return JSON.stringify(value.length > 200 ? value.slice(0, 200) : value);
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
  }
  if (value === null) return "null";
  if (depth >= maxDepth) return Array.isArray(value) ? "[...]" : "{...}";
  return Array.isArray(value) ? renderArray(value, depth, budget) : renderObject(value as object, depth, budget);
}

function renderArray(items: readonly unknown[], depth: number, budget: Budget): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (budget.left <= 0) {
      parts.push("...");
      break;
    }
    parts.push(render(items[i], depth + 1, budget));
  }
  return `[${parts.join(",")}]`;
}

function renderObject(object: object, depth: number, budget: Budget): string {
  const parts: string[] = [];
  for (const key of Object.keys(object)) {
    if (budget.left <= 0) {
      parts.push("...");
      break;
    }
    const keyText = JSON.stringify(key.length > 200 ? key.slice(0, 200) : key);
    budget.left -= keyText.length + 1;
    parts.push(`${keyText}:${render((object as Record<string, unknown>)[key], depth + 1, budget)}`);
  }
  return `{${parts.join(",")}}`;
}
