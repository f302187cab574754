import { describe, expect, it } from "vitest";
import { csvCell, csvNumber, csvTable } from "../../src/report/index.ts";

describe("csvCell", () => {
  it("quotes fields with a comma, a quote or a line break and doubles quotes (RFC 4180 sec. 2)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });
  it("neutralises cells a spreadsheet would run as a formula with a leading single quote", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+cmd")).toBe("'+cmd");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });
  it("leaves plain negative numbers numeric, in text or as numbers", () => {
    expect(csvCell("-1.5")).toBe("-1.5");
    expect(csvCell("-2e-7")).toBe("-2e-7");
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell("-")).toBe("'-");
  });
  it("writes empty cells for missing values and words for booleans", () => {
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("csvNumber", () => {
  it("keeps 6 significant digits and writes unbounded figures as inf", () => {
    expect(csvNumber(0.123456789)).toBe("0.123457");
    expect(csvNumber(1234567.8)).toBe("1234570");
    expect(csvNumber(1e-9)).toBe("1e-9");
    expect(csvNumber(Infinity)).toBe("inf");
    expect(csvNumber(-Infinity)).toBe("-inf");
    expect(csvNumber(NaN)).toBe("");
  });
});

describe("csvTable", () => {
  it("writes a header row and CRLF line ends", () => {
    expect(csvTable(["a", "b_s"], [[1, "x,y"], [null, "=z"]])).toBe('a,b_s\r\n1,"x,y"\r\n,\'=z\r\n');
  });
});
