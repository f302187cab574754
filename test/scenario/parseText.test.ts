import { describe, expect, it } from "vitest";
import { formatIssue, parseScenarioText } from "../../src/scenario/index.ts";
import { okResult, rawScenario } from "./helpers.ts";

const errorsOfText = (text: string, source?: string) => {
  const result = parseScenarioText(text, source);
  return result.ok ? [] : result.errors.map(formatIssue);
};

describe("parseScenarioText", () => {
  it("parses a valid file", () => {
    expect(okResult(parseScenarioText(JSON.stringify(rawScenario()))).scenario.queues[0]?.id).toBe("orders");
  });

  it("accepts a byte-order mark at the start", () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(rawScenario())}`).ok).toBe(true);
  });

  it("gives the line and column of invalid JSON", () => {
    expect(errorsOfText('{\n  "version": 1,\n  "queues" []\n}')).toEqual(['invalid JSON at line 3, column 12: expected ":" after the property name, got "[]\\n}"']);
    expect(errorsOfText('{"version": 1,}')).toEqual(['invalid JSON at line 1, column 15: expected a property name in double quotes, got "}"']);
    expect(errorsOfText("[1, 2,]")).toEqual(['invalid JSON at line 1, column 7: expected a value, got "]"']);
    expect(errorsOfText('{"a": 1} x')).toEqual(['invalid JSON at line 1, column 10: expected the end of the file, got "x"']);
    expect(errorsOfText('{"a": tru}')).toEqual(['invalid JSON at line 1, column 7: expected a value, got "tru}"']);
  });

  it("says when a file ends too early", () => {
    expect(errorsOfText('{"version": 1, "name": "ab')).toEqual(['invalid JSON at line 1, column 27: expected the closing " of the string, got the end of the file']);
    expect(errorsOfText('{"version": 1')).toEqual(['invalid JSON at line 1, column 14: expected "," or "}", got the end of the file']);
  });

  it("escapes hostile characters in the JSON excerpt", () => {
    expect(errorsOfText('{"a": \u202e\u001b[2J}')).toEqual(['invalid JSON at line 1, column 7: expected a value, got "\\u202e\\u001b[2J}"']);
  });

  it("refuses an empty file", () => {
    expect(errorsOfText("")).toEqual(['the scenario is empty: expected a JSON object with "version" and "queues"']);
    expect(errorsOfText(" \n\t ", "orders.json")).toEqual(['"orders.json" is empty: expected a JSON object with "version" and "queues"']);
  });

  it("refuses a file over 20 MB without parsing it", () => {
    const text = `{"version": 1, "name": "${"x".repeat(20 * 1024 * 1024)}"}`;
    expect(errorsOfText(text)).toEqual(["the scenario is larger than the 20 MB limit"]);
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const text = `{"version": 1, "description": "${"\u00e9".repeat(10.5 * 1024 * 1024)}"}`; // 2 bytes each
    expect(errorsOfText(text)).toEqual(["the scenario is larger than the 20 MB limit"]);
  });

  it("refuses JSON that is not a scenario object", () => {
    expect(errorsOfText("[1, 2]")).toEqual(['expected a scenario object like {"version": 1, "queues": [...]}, got [1,2]']);
    expect(errorsOfText("null")).toEqual(['expected a scenario object like {"version": 1, "queues": [...]}, got null']);
  });

  it("survives deeply nested JSON", () => {
    const depth = 200_000;
    expect(errorsOfText(`${"[".repeat(depth)}${"]".repeat(depth)}`)).toHaveLength(1);
    expect(errorsOfText(`${"[".repeat(depth)}`)[0]).toMatch(/^invalid JSON at line 1, column 200001: expected a value/);
  });
});
