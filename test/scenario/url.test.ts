import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeScenarioFromUrlParam, encodeScenarioToUrlParam, formatIssue } from "../../src/scenario/index.ts";
import { accepted, rawScenario } from "./helpers.ts";
import { bombParam } from "./lzBomb.ts";

const errorsOfParam = (param: string) => {
  const result = decodeScenarioFromUrlParam(param);
  return result.ok ? [] : result.errors.map(formatIssue);
};
const damaged = "the link's scenario is damaged or cut short: copy the whole link again";

describe("scenario links", () => {
  it("decodes what it encodes", () => {
    const s = accepted(rawScenario({ name: "Orders", seed: 7 }));
    const result = decodeScenarioFromUrlParam(encodeScenarioToUrlParam(s));
    expect(result.ok && result.scenario).toStrictEqual(s);
  });

  it("refuses a malformed parameter", () => {
    expect(errorsOfParam("not a link!")).toEqual([damaged]);
    expect(errorsOfParam("")).toEqual(["the link holds no scenario"]);
  });

  it("refuses a truncated parameter", () => {
    const param = encodeScenarioToUrlParam(accepted(rawScenario({ name: "A longer name so the link has some length" })));
    for (const cut of [5, 20, Math.floor(param.length / 2)]) expect(errorsOfParam(param.slice(0, param.length - cut))).toEqual([damaged]);
  });

  it("refuses a parameter that decompresses to text that is not JSON", () => {
    expect(errorsOfParam(LZString.compressToEncodedURIComponent("{version: 1"))).toEqual([damaged]);
  });

  it("refuses a parameter over 2 MB, or one that would expand past 2 MB", () => {
    expect(errorsOfParam("A".repeat(2 * 1024 * 1024 + 1))).toEqual(["the link's scenario is larger than the 2 MB limit"]);
    expect(errorsOfParam(bombParam(3000))).toEqual(["the link's scenario is larger than the 2 MB limit"]);
  });

  it("refuses a link from a newer Kendall with the version message", () => {
    const param = LZString.compressToEncodedURIComponent(JSON.stringify(rawScenario({ version: 2 })));
    expect(errorsOfParam(param)).toEqual(["version: this scenario was written by a newer version of Kendall (version 2); this version reads version 1"]);
  });

  it("reports an invalid scenario inside a link with its path", () => {
    const param = LZString.compressToEncodedURIComponent(JSON.stringify(rawScenario({ seed: "x" })));
    expect(errorsOfParam(param)).toEqual(['seed: expected an integer seed, got "x"']);
  });
});
