import { describe, expect, it } from "vitest";
import { parseSizeItems } from "../../src/planner/index.ts";

describe("parseSizeItems", () => {
  it("reads what to size, consumers always first and included", () => {
    expect(parseSizeItems("consumers,prefetch,capacity")).toEqual(["consumers", "prefetch", "capacity"]);
    expect(parseSizeItems("Capacity prefetch")).toEqual(["consumers", "prefetch", "capacity"]);
    expect(parseSizeItems("capacity,capacity")).toEqual(["consumers", "capacity"]);
    expect(parseSizeItems("consumers")).toEqual(["consumers"]);
  });

  it("names an unknown item and refuses an empty list", () => {
    expect(() => parseSizeItems("consumers,memory")).toThrow('unknown item "memory" (expected consumers, prefetch or capacity)');
    expect(() => parseSizeItems(" , ")).toThrow("no items; expected a list like consumers,prefetch,capacity");
  });
});
