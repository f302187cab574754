import { describe, expect, it } from "vitest";
import { buildCsvReport, buildReport, planCsv, queueColumns } from "../../src/report/index.ts";
import { hostileScenario, inputOf, networkScenario, plan, sizedPlan, sweep } from "./fixtures.ts";

/** Parses RFC 4180 text (quoted fields, doubled quotes, CRLF) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe("the CSV report", () => {
  const csv = buildCsvReport(inputOf(networkScenario, { plan, sweep }));

  it("matches the snapshots of the per-queue, sweep and plan tables", () => {
    expect(csv.main).toMatchSnapshot();
    expect(csv.sweep).toMatchSnapshot();
    expect(csv.plan).toMatchSnapshot();
  });

  it("has a header row with units in the names and one row per queue plus the network", () => {
    const rows = parseCsv(csv.main);
    expect(rows[0]).toEqual(queueColumns);
    expect(rows[0]).toEqual(expect.arrayContaining(["W_s", "wait_p99_s", "throughput_per_s", "analytic_W_s"]));
    expect(rows.slice(1).map((r) => `${r[0]}:${r[1]}`)).toEqual(["queue:orders", "queue:billing", "network:"]);
    for (const r of rows) expect(r).toHaveLength(queueColumns.length);
  });

  it("writes the queue-length series with a time column and one column per queue", () => {
    const rows = parseCsv(csv.series);
    expect(rows[0]).toEqual(["time_s", "warmup", "length[orders]", "length[billing]"]);
    const result = inputOf(networkScenario).result;
    expect(rows).toHaveLength(result.detail!.path.times.length + 1);
    expect(rows.slice(1).every((r) => r.length === 4 && Number.isFinite(Number(r[0])))).toBe(true);
  });

  it("quotes and neutralises hostile names, and parses back to the names", () => {
    const text = buildCsvReport(inputOf(hostileScenario)).main;
    const rows = parseCsv(text);
    const classes = rows.filter((r) => r[0] === "class").map((r) => r[2]);
    expect(classes).toEqual(["'=HYPERLINK(\"http://evil\")|x", "'- list"]);
    expect(rows.filter((r) => r[0] === "queue").map((r) => r[1])).toEqual(["<img src=x onerror=alert(1)>", "# not a heading | x"]);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it("adds prefetch and capacity columns to the plan table only when the plan sized them", () => {
    const [header, orders, billing] = planCsv(sizedPlan).split("\r\n");
    expect(header).toBe("slo,queue,consumers_now,consumers_needed,meets,explanation,prefetch_now,prefetch_allowed,prefetch_explanation,capacity_now,capacity_needed,capacity_explanation,consumers_at_x1,consumers_at_x1.5,consumers_at_x2");
    // An unbounded capacity now and a missing answer are empty cells.
    expect(orders).toBe('p99(wait) < 200ms,orders,2,3,false,p99 wait 231 ms with 2 consumers,10,2,Prefetch 2 with 3 consumers (now 10): p95 wait 60.5 ms. Prefetch 5 fails: p95 wait 85 ms.,,8,"Capacity 8 (ready messages, reject-publish; now unbounded): dropped 0.026%.",3,4,5');
    expect(billing).toBe("p99(wait) < 200ms,billing,1,2,true,p99 wait 120 ms,0,,No prefetch answer: even prefetch 1 does not clearly meet the SLO.,,,,2,2,3");
    expect(planCsv(plan).split("\r\n")[0]).not.toContain("prefetch");
  });

  it("is split into one file per table by buildReport", () => {
    expect(buildReport("csv", inputOf(networkScenario, { sweep })).map((f) => f.part)).toEqual(["main", "series", "sweep"]);
  });
});
