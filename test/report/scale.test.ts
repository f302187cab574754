import { describe, expect, it } from "vitest";
import { linePath, linearScale, niceDomain, tickStep, timeUnit } from "../../src/report/svg/scale.ts";

describe("chart scales", () => {
  it("picks steps of 1, 2 or 5 times a power of ten (d3-array's rule)", () => {
    expect(tickStep(1, 5)).toBe(0.2);
    expect(tickStep(73, 7)).toBe(10);
    expect(tickStep(0.0035, 5)).toBeCloseTo(0.0005, 15);
  });
  it("gives round ticks inside the domain, without float noise", () => {
    expect(linearScale([0, 1], [0, 100]).ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearScale([0, 0.3], [0, 100]).ticks(3)).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it("maps linearly and widens a domain to round ends", () => {
    const s = linearScale([0, 10], [200, 0]);
    expect(s(5)).toBe(100);
    expect(niceDomain(0, 17.3)).toEqual([0, 20]);
    expect(niceDomain(3, 3)).toEqual([3, 4]);
  });
  it("breaks a line where a point is missing or not finite", () => {
    expect(linePath([[0, 0], [1, 1], undefined, [2, 2], [3, NaN], [4, 4]])).toBe("M0,0L1,1M2,2M4,4");
  });
  it("shows times in a unit that fits the largest", () => {
    expect(timeUnit(0.0005).unit).toBe("µs");
    expect(timeUnit(0.5).unit).toBe("ms");
    expect(timeUnit(60).unit).toBe("s");
    expect(timeUnit(3600).unit).toBe("min");
  });
});
