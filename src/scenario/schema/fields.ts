import { z } from "zod";
import { scenarioLimits } from "../limits.ts";
import { previewValue, quoteText } from "../preview.ts";
import { didYouMean } from "../suggest.ts";

/**
 * Building blocks of the scenario schema. Every message here reads "expected ..."; the issue
 * mapper (`zodIssues.ts`) appends ", got VALUE" with the offending value escaped, unless the
 * message already says what it got.
 */

/** Separates per-key messages of one unknown-keys issue; escaped keys never contain it. */
export const unknownKeySeparator = "\n";
/** Unknown fields of one object named one by one; the rest are counted. */
export const maxUnknownKeysListed = 20;

/** A finite number passing `test` (NaN and +-Infinity are refused); -0 becomes 0. */
export function finiteNumber(expected: string, test: (value: number) => boolean = () => true) {
  const message = `expected ${expected}`;
  return z
    .number({ error: message })
    .refine(test, { error: message })
    .overwrite((value) => (value === 0 ? 0 : value));
}

/** A number > 0. */
export const positive = () => finiteNumber("a number > 0", (v) => v > 0);
/** A number >= 0. */
export const nonNegative = () => finiteNumber("a number >= 0", (v) => v >= 0);
/** A probability, 0 <= p <= 1. */
export const probability = () => finiteNumber("a number from 0 to 1", (v) => v >= 0 && v <= 1);

/** An integer in [min, max] (max defaults to the largest safe integer). */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  const expected = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  return finiteNumber(expected, (v) => Number.isInteger(v) && v >= min && v <= max);
}

/** A string of 1..maxLength characters: a name, an id, a class, a path. */
export function text(what: string, maxLength: number = scenarioLimits.nameLength) {
  return z
    .string({ error: `expected ${what} (a string)` })
    .min(1, { error: `expected ${what} (not empty)` })
    .max(maxLength, { error: (issue) => `expected ${what} of at most ${maxLength} characters, got ${lengthOf(issue.input)} characters` });
}

/** true or false. */
export const boolean = () => z.boolean({ error: "expected true or false" });

/** One of `values`, with a did-you-mean for near misses. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((v) => quoteText(v)).join(", ");
  return z.enum(values, {
    error: (issue) => `expected one of ${list}, got ${previewValue(issue.input)}${suggestionFor(issue.input, values)}`,
  });
}

// Issues reported per array: a million bad samples must not become a million issues (zod
// gathers issues with spread calls, which overflow the stack long before that).
const maxItemIssues = 20;

function arrayOfUnknown(what: string, min: number, max: number) {
  return z
    .array(z.unknown(), { error: `expected ${what} (an array)` })
    .min(min, { error: `expected at least ${min} ${min === 1 ? "entry" : "entries"} in ${what}` })
    .max(max, { error: (issue) => `expected at most ${max} entries in ${what}, got ${lengthOf(issue.input)}` });
}

/**
 * An array of `item` with between `min` and `max` entries; the issues of at most 20 bad entries
 * are reported.
 */
export function array<T extends z.ZodType>(item: T, what: string, min = 0, max: number = scenarioLimits.arrayLength) {
  return arrayOfUnknown(what, min, max).transform((values, ctx) => {
    const out: z.output<T>[] = [];
    let bad = 0;
    for (let i = 0; i < values.length; i++) {
      const result = item.safeParse(values[i], { reportInput: true });
      if (result.success) out.push(result.data);
      else if (bad++ < maxItemIssues) {
        for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as z.core.$ZodSuperRefineIssue);
      }
    }
    reportUnlisted(bad, what, ctx);
    return out;
  });
}

/**
 * An array of finite numbers passing `test` (samples, trace times, matrix rows), checked in one
 * loop rather than one schema per entry; -0 becomes 0.
 */
export function numberArray(expected: string, test: (value: number) => boolean, what: string, min = 0, max: number = scenarioLimits.arrayLength) {
  return arrayOfUnknown(what, min, max).transform((values, ctx) => {
    let bad = 0;
    const out = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === "number" && Number.isFinite(value) && test(value)) out[i] = value === 0 ? 0 : value;
      else if (bad++ < maxItemIssues) ctx.addIssue({ code: "custom", message: `expected ${expected}`, path: [i], input: value });
    }
    reportUnlisted(bad, what, ctx);
    return out;
  });
}

function reportUnlisted(bad: number, what: string, ctx: z.core.$RefinementCtx) {
  if (bad <= maxItemIssues) return;
  const message = `${bad - maxItemIssues} more entries of ${what} are invalid too, got ${bad} invalid in all`;
  ctx.addIssue({ code: "custom", message, input: undefined });
}

/**
 * An object with exactly these fields: an unknown field is an error naming it (with the closest
 * known field), because a typo such as "consumer" must not be silently ignored.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.slice(0, maxUnknownKeysListed).map((key) => unknownFieldMessage(key, known)).join(unknownKeySeparator)
        : `expected ${what} (an object)`,
  });
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return hint === "" ? `unknown field ${quoteText(key)} (known: ${known.join(", ")})` : `unknown field ${quoteText(key)}${hint}`;
}

function suggestionFor(input: unknown, values: readonly string[]): string {
  return typeof input === "string" ? didYouMean(input, values) : "";
}

function lengthOf(input: unknown): number {
  return typeof input === "string" || Array.isArray(input) ? input.length : 0;
}
