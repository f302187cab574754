import { z } from "zod";
import { previewValue, quoteText } from "../preview.ts";
import { didYouMean } from "../suggest.ts";

/**
 * A union of object variants told apart by the `tag` field (`dist`, `process`). A missing or
 * unknown tag gets one message listing the known names, at the tag's path.
 */
export function tagged<const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  tag: string,
  names: readonly string[],
  options: Options,
  what: string,
) {
  return z.discriminatedUnion(tag, options, {
    error: (issue) => {
      if (issue.code !== "invalid_union") return `expected ${what}`;
      const got = tagOf(issue.input, tag);
      const hint = typeof got === "string" ? didYouMean(got, names) : "";
      return `expected one of ${names.join(", ")}, got ${previewValue(got)}${hint}`;
    },
  });
}

function tagOf(input: unknown, tag: string): unknown {
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>)[tag] : undefined;
}

type Fields = Record<string, unknown>;

/** A refinement: exactly one of the `keys` is given (e.g. exponential `mean` or `rate`). */
export function exactlyOne(keys: readonly string[]) {
  return (value: Fields, ctx: z.core.$RefinementCtx) => {
    const given = keys.filter((key) => value[key] !== undefined);
    if (given.length === 1) return;
    const list = keys.map((k) => quoteText(k)).join(" or ");
    ctx.addIssue({ code: "custom", message: `expected exactly one of ${list}, got ${given.length === 0 ? "neither" : "both"}`, input: value });
  };
}

/**
 * A refinement: the fields form exactly one of the parameter sets (e.g. lognormal `mean` + `cv`
 * or `mu` + `sigma`); a partial or mixed set is refused.
 */
export function exactlyOneSet(sets: readonly (readonly string[])[]) {
  return (value: Fields, ctx: z.core.$RefinementCtx) => {
    const given = Object.keys(value).filter((key) => key !== "dist" && value[key] !== undefined);
    const matches = sets.some((set) => set.length === given.length && set.every((key) => given.includes(key)));
    if (matches) return;
    const wanted = sets.map((set) => set.map((k) => quoteText(k)).join(" + ")).join(", or ");
    const got = given.length === 0 ? "no parameters" : given.map((k) => quoteText(k)).join(" + ");
    ctx.addIssue({ code: "custom", message: `expected either ${wanted}, got ${got}`, input: value });
  };
}
