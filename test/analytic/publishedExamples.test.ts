import { describe, expect, it } from "vitest";
import { priorityMMc } from "../../src/analytic/index.ts";

/**
 * Golden numbers taken from published worked examples. Each one cites its source; the tolerance
 * is half a unit in the last digit the source prints (its rounding), never tighter.
 */

/** |actual - printed| <= half a unit in the printed value's last decimal place. */
function expectRounded(actual: number | undefined, printed: number, decimals: number): void {
  expect(actual).toBeTypeOf("number");
  const halfUnit = 0.5 * 10 ** -decimals;
  const err = Math.abs((actual as number) - printed);
  if (!(err <= halfUnit)) expect.fail(`expected ${String(actual)} to round to ${printed} (${decimals} decimals); off by ${err}`);
}

/** Three head-of-line classes on M = 6 consumers at mu = 1 per hour, class 1 served first. */
function toolRepairShop(lambda1: number, lambda2: number, lambda3: number) {
  return priorityMMc([
    { name: "class1", priority: 3, lambda: lambda1 },
    { name: "class2", priority: 2, lambda: lambda2 },
    { name: "class3", priority: 1, lambda: lambda3 },
  ], 1, 6);
}

describe("priorityMMc against Stevenson, Operations Management 14th ed. (2021), ch. 18", () => {
  // Stevenson's multiple-priority model (multiple servers, one service rate, Poisson arrivals,
  // exponential service). His W_k is the average wait for service, i.e. Kendall's Wq, and
  // "number waiting" is Lq; times are in hours. (The book's formulas themselves are not quoted
  // here, only the printed inputs and answers.)

  it("priorityMMc([1.5, 2.5, 1.0]/h, mu = 1/h, 6 servers) matches Example 9", () => {
    // Example 9, pp. 806-807: lambda_1 = 1.5, lambda_2 = 2.5, lambda_3 = 1.0 per hour, M = 6
    // servers, mu = 1 per hour. Printed answers: utilization 0.8333;
    // W1 = 0.1306, W2 = 0.3917, W3 = 1.7625 hours; sum lambda_k W_k = 2.9376 waiting.
    const r = toolRepairShop(1.5, 2.5, 1.0);
    expectRounded(r.rho, 0.8333, 4);
    expectRounded(r.classes?.class1?.Wq, 0.1306, 4); // Kendall 0.130559
    expectRounded(r.classes?.class2?.Wq, 0.3917, 4); // Kendall 0.391678
    expectRounded(r.classes?.class3?.Wq, 1.7625, 4); // Kendall 1.762549
    expectRounded(r.Lq, 2.9376, 4); // Kendall 2.937582
  });

  it("priorityMMc with lambda_1 + lambda_2 = 4/h and lambda_3 = 1/h matches Example 8", () => {
    // Example 8 as restated on pp. 806-807: the same shop (M = 6, mu = 1/h), lambda_3 = 1.0/h
    // ("remains unchanged at 1.0"), the two higher classes together 4/h ("a combined arrival
    // rate of 4"). Printed: class-1 wait .147 h; waiting per class (part d)
    // .2938 + .8813 + 1.7625 = 2.9376. The split lambda_1 = lambda_2 = 2/h is not quoted on those
    // pages; it follows from the printed figures (.2938 / .147 = 2.0). Class 3 and the total
    // depend only on the stated sum, so they do not rest on that inference.
    const r = toolRepairShop(2, 2, 1);
    expectRounded(r.classes?.class3?.Lq, 1.7625, 4); // Kendall 1.762549
    expectRounded(r.Lq, 2.9376, 4); // Kendall 2.937582
    expectRounded(r.classes?.class1?.Wq, 0.147, 3); // Kendall 0.146879
    expectRounded(r.classes?.class1?.Lq, 0.2938, 4); // Kendall 0.293758
    expectRounded(r.classes?.class2?.Lq, 0.8813, 4); // Kendall 0.881275
  });

  it("keeps the lowest class's wait when only the split above it changes (Example 9 remark)", () => {
    // p. 807: "the average waiting time for customers in the third priority class did not change
    // from the preceding example", because the two higher classes still total 4 per hour.
    const ex8 = toolRepairShop(2, 2, 1);
    const ex9 = toolRepairShop(1.5, 2.5, 1.0);
    expect(ex9.classes?.class3?.Wq).toBeCloseTo(ex8.classes?.class3?.Wq as number, 12);
  });
});
