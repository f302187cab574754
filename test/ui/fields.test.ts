import { describe, expect, it } from "vitest";
import { parseFieldText } from "../../src/ui/model/fields.ts";

describe("parseFieldText", () => {
  it("accepts a plain number, with spaces or an exponent", () => {
    expect(parseFieldText("rate", " 50 ")).toEqual({ ok: true, value: 50 });
    expect(parseFieldText("serviceMeanMs", "2.5e1")).toEqual({ ok: true, value: 25 });
    expect(parseFieldText("rate", "0")).toEqual({ ok: true, value: 0 });
  });

  it.each([
    ["rate", "-1"],
    ["rate", "NaN"],
    ["rate", "abc"],
    ["rate", "Infinity"],
    ["rate", ""],
    ["serviceMeanMs", "0"],
    ["consumers", "0"],
    ["consumers", "2.5"],
    ["consumers", "-3"],
    ["prefetch", "-1"],
    ["capacity", "1.5"],
    ["replications", "0"],
    ["messages", "1e12"],
  ] as const)("refuses %s = %j with a message naming what it accepts", (field, text) => {
    const result = parseFieldText(field, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/enter /);
  });

  it("quotes what was typed, cut short when long", () => {
    const result = parseFieldText("consumers", "x".repeat(100));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });
});
