/**
 * Finds where a JSON text first breaks the grammar (RFC 8259), so a message can give the line
 * and column the same way in every engine (V8, SpiderMonkey and JavaScriptCore word and place
 * their JSON.parse errors differently, and V8 sometimes gives no position at all). Iterative,
 * so deep nesting cannot overflow the stack. Used only after JSON.parse has failed.
 */

/** The first syntax error: its offset (UTF-16 units) and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  expected: string;
}

type Mode = "value" | "valueOrClose" | "afterValue" | "key" | "keyOrClose";

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const literals = ["true", "false", "null"];

/** The first syntax error of `text`, or undefined if it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let mode: Mode = "value";
  let pos = skipSpace(text, 0);
  const fail = (expected: string): JsonSyntaxError => ({ offset: pos, expected });
  while (true) {
    const c = text[pos];
    if (mode === "afterValue") {
      const closer = stack[stack.length - 1];
      if (closer === undefined) return pos < text.length ? fail("the end of the file") : undefined;
      if (c === ",") mode = closer === "}" ? "key" : "value";
      else if (c === closer) stack.pop();
      else return fail(`"," or "${closer}"`);
      pos = skipSpace(text, pos + 1);
      continue;
    }
    if (mode === "key" || mode === "keyOrClose") {
      if (mode === "keyOrClose" && c === "}") {
        stack.pop();
        mode = "afterValue";
        pos = skipSpace(text, pos + 1);
        continue;
      }
      if (c !== '"') return fail(mode === "key" ? "a property name in double quotes" : 'a property name in double quotes or "}"');
      const end = scanString(text, pos);
      if (typeof end !== "number") return end;
      pos = skipSpace(text, end);
      if (text[pos] !== ":") return fail('":" after the property name');
      pos = skipSpace(text, pos + 1);
      mode = "value";
      continue;
    }
    if (mode === "valueOrClose" && c === "]") {
      stack.pop();
      mode = "afterValue";
      pos = skipSpace(text, pos + 1);
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c === "{" ? "}" : "]");
      mode = c === "{" ? "keyOrClose" : "valueOrClose";
      pos = skipSpace(text, pos + 1);
      continue;
    }
    const end = scanScalar(text, pos);
    if (end === undefined) return fail("a value");
    if (typeof end !== "number") return end;
    pos = skipSpace(text, end);
    mode = "afterValue";
  }
}

function scanScalar(text: string, pos: number): number | JsonSyntaxError | undefined {
  const c = text[pos];
  if (c === '"') return scanString(text, pos);
  const literal = literals.find((word) => text.startsWith(word, pos));
  if (literal !== undefined) return pos + literal.length;
  numberPattern.lastIndex = pos;
  return numberPattern.test(text) ? numberPattern.lastIndex : undefined;
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  let pos = start + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x22) return pos + 1;
    if (code < 0x20) return { offset: pos, expected: 'a character (control characters in strings must be escaped, e.g. "\\n")' };
    if (code === 0x5c) {
      const escape = text[pos + 1] ?? "";
      if (escape === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) return { offset: pos, expected: "four hex digits after \\u" };
        pos += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escape) || escape === "") return { offset: pos, expected: 'an escape such as \\n, \\" or \\u0041' };
      pos += 2;
      continue;
    }
    pos++;
  }
  return { offset: text.length, expected: 'the closing " of the string' };
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    pos++;
  }
  return pos;
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
