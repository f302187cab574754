import { describe, expect, it } from "vitest";
import { escapeText, formatIssue, formatPath, previewValue } from "../../src/scenario/index.ts";
import { errorsOf, withQueue } from "./helpers.ts";

describe("issue paths and messages", () => {
  it("formats paths like queues[0].service.mean", () => {
    expect(formatPath(["queues", 0, "service", "mean"])).toBe("queues[0].service.mean");
    expect(formatPath([])).toBe("");
    expect(formatPath(["queues", 2, "a b"])).toBe('queues[2]["a b"]');
  });

  it("formats an issue as path: message, or the message alone for the whole document", () => {
    expect(formatIssue({ path: "queues[0].service.mean", message: "expected a number > 0, got -2" })).toBe(
      "queues[0].service.mean: expected a number > 0, got -2",
    );
    expect(formatIssue({ path: "", message: "the scenario is empty" })).toBe("the scenario is empty");
  });

  it("quotes values as JSON, numbers as written, NaN and Infinity by name", () => {
    expect(previewValue(-2)).toBe("-2");
    expect(previewValue("x")).toBe('"x"');
    expect(previewValue(Number.NaN)).toBe("NaN");
    expect(previewValue(-Infinity)).toBe("-Infinity");
    expect(previewValue({ a: [1, null] })).toBe('{"a":[1,null]}');
    expect(previewValue(undefined)).toBe("nothing");
    expect(previewValue(10n)).toBe("10n");
  });

  it("truncates long values to about 60 characters", () => {
    const preview = previewValue("y".repeat(500));
    expect(preview.length).toBeLessThanOrEqual(60);
    expect(preview.endsWith("...")).toBe(true);
    expect(previewValue(new Array(100000).fill(1.5)).length).toBeLessThanOrEqual(60);
  });

  it("escapes control, bidi and other non-ASCII characters so a name cannot break a terminal", () => {
    expect(escapeText("a\u001b[2J\u202eb\u200b\u00e9")).toBe("a\\u001b[2J\\u202eb\\u200b\\u00e9");
    const [message] = errorsOf(withQueue({ routes: [{ to: "\u001b]0;pwned\u0007\u202e", probability: 0.5 }] }));
    expect(message).toBe('queues[0].routes[0].to: unknown queue "\\u001b]0;pwned\\u0007\\u202e"');
    expect(message).toMatch(/^[\x20-\x7e]*$/);
  });

  it("escapes hostile field names in paths", () => {
    const [message] = errorsOf(withQueue({ "\u202e\n": 1 }));
    expect(message?.startsWith('queues[0]["\\u202e\\n"]: unknown field "\\u202e\\n" (known: id,')).toBe(true);
    expect(message).toMatch(/^[\x20-\x7e]*$/);
  });

  it("never throws on values that resist being read", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("no"); } });
    expect(previewValue(cyclic)).toBe('{"self":{"self":{"self":{"self":{...}}}}}');
    expect(previewValue(hostile)).toBe("an unreadable value");
    expect(previewValue(() => 1)).toBe("a function");
  });

  it("lists at most 20 bad entries of one array, then says how many more", () => {
    const samples = new Array(1000).fill(-1);
    const errors = errorsOf(withQueue({ service: { dist: "empirical", samples } }));
    expect(errors).toHaveLength(21);
    expect(errors[19]).toBe("queues[0].service.samples[19]: expected a number >= 0, got -1");
    expect(errors[20]).toBe("queues[0].service.samples: 980 more entries of samples are invalid too, got 1000 invalid in all");
  });

  it("caps the number of issues reported for one file at 50", () => {
    const queues = Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, service: { dist: "exponential", mean: -1 }, prefetch: -1, capacity: -1 }));
    const errors = errorsOf({ version: 1, queues });
    expect(errors).toHaveLength(50);
    expect(errors[48]).toBe("queues[16].service.mean: expected a number > 0, got -1");
    expect(errors[49]).toBe("... and 12 more issues");
  });
});
