import { describe, expect, it } from "vitest";
import { parseTraceText } from "../../../src/engine/arrivals/index.ts";
import { expectThrows } from "../random/sampleStats.ts";

describe("parseTraceText", () => {
  it("reads a JSON array or a { times } object", () => {
    expect(parseTraceText("[0, 0.5, 0.5, 2]", "t.json")).toEqual([0, 0.5, 0.5, 2]);
    expect(parseTraceText('\uFEFF  {"times": [1, 2e3]}\n', "t.json")).toEqual([1, 2000]);
  });

  it("reads CSV: header, first column, blank lines, CRLF, quotes, semicolons and tabs", () => {
    expect(parseTraceText("timestamp,queue\r\n0.5,orders\r\n\r\n1.25,billing\r\n", "t.csv")).toEqual([0.5, 1.25]);
    expect(parseTraceText('"1"\n"2.5"\n3', "t.csv")).toEqual([1, 2.5, 3]);
    expect(parseTraceText("t;x\n1;a\n2\tb\n", "t.csv")).toEqual([1, 2]);
  });

  it.each([
    ["t\n1\nabc\n", TypeError, 't.csv line 3: expected a number >= 0, got "abc"'],
    ["1\n2\n-3\n", RangeError, "t.csv line 3: expected a finite number >= 0, got -3"],
    ["1\nNaN\n", RangeError, 't.csv line 2: expected a number >= 0, got "NaN"'],
    ["NaN\n1\n", RangeError, 't.csv line 1: expected a number >= 0, got "NaN"'],
    ["1\n\n5\n4\n", RangeError, "t.csv line 4: times must be ascending, got 4 after 5"],
    ["1\n,2\n", TypeError, 't.csv line 2: expected a number >= 0, got ""'],
    ["header only\n", RangeError, "t.csv: no arrival times found"],
    ["", RangeError, "t.csv: no arrival times found"],
  ] as const)("rejects CSV %j naming the line and value", (text, kind, message) => {
    expectThrows(() => parseTraceText(text, "t.csv"), kind, message);
  });

  it.each([
    ["[1, 2, 0.5]", RangeError, "t.json[2]: times must be ascending, got 0.5 after 2"],
    ['[1, "2"]', TypeError, 't.json[1]: expected a number >= 0, got "2"'],
    ['{"times": [1, -2]}', RangeError, "t.json.times[1]: expected a finite number >= 0, got -2"],
    ['{"times": 3}', TypeError, 't.json.times: expected an array of times or { "times": [...] }, got 3'],
    ['{"at": [1]}', TypeError, 't.json: expected an array of times or { "times": [...] }, got {"at":[1]}'],
    ["[]", RangeError, "t.json: no arrival times found"],
  ] as const)("rejects JSON %j naming the entry and value", (text, kind, message) => {
    expectThrows(() => parseTraceText(text, "t.json"), kind, message);
  });

  it("reports invalid JSON with the parser's reason", () => {
    let error: unknown;
    try {
      parseTraceText("[1, 2", "t.json");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^t\.json: invalid JSON \(.+\)$/);
  });
});
