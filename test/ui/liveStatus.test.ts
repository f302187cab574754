import { describe, expect, it } from "vitest";
import { errorSample, type LiveErrorCode, type LiveSample } from "../../src/live/index.ts";
import { errorAdvice, nextStatus, type LiveStatus } from "../../src/ui/live/liveStatus.ts";

const good = (t: number): LiveSample => ({ t, counters: { published: t }, gauges: { ready: 0 }, notes: [] });
const bad = (t: number, code: LiveErrorCode = "unreachable") => errorSample(t, { code, message: `${code} at ${t}` });

describe("nextStatus", () => {
  it("goes from waiting to reading on a good sample", () => {
    expect(nextStatus({ kind: "waiting" }, good(1), 10)).toEqual({ kind: "reading", sinceMs: 10, recoveredFrom: null });
  });

  it("counts failures in a row and keeps when the failure started", () => {
    let s: LiveStatus = nextStatus({ kind: "waiting" }, good(1), 10);
    s = nextStatus(s, bad(2), 20);
    s = nextStatus(s, bad(3), 30);
    expect(s).toEqual({ kind: "failing", code: "unreachable", message: "unreachable at 3", sinceMs: 20, failures: 2, lastOkMs: 20 });
  });

  it("restarts the failure clock when the error changes", () => {
    let s: LiveStatus = nextStatus({ kind: "waiting" }, bad(1, "unreachable"), 10);
    s = nextStatus(s, bad(2, "unauthorized"), 20);
    expect(s).toMatchObject({ kind: "failing", code: "unauthorized", sinceMs: 20, failures: 2, lastOkMs: null });
  });

  it("recovers by itself when a reading succeeds again, saying from what", () => {
    let s: LiveStatus = nextStatus({ kind: "waiting" }, good(1), 10);
    s = nextStatus(s, bad(2, "notFound"), 20);
    s = nextStatus(s, good(3), 30);
    expect(s).toEqual({ kind: "reading", sinceMs: 30, recoveredFrom: "notFound" });
    expect(nextStatus(s, good(4), 40)).toBe(s);
  });

  it("has a title and a hint for every error code", () => {
    const codes: LiveErrorCode[] = ["unreachable", "timeout", "unauthorized", "notFound", "metricsDisabled", "malformed", "tooLarge", "httpError", "redirect", "badTarget", "rateLimited", "forbidden", "badRequest", "unknownTarget"];
    for (const c of codes) {
      const a = errorAdvice(c);
      expect(a.title.length).toBeGreaterThan(3);
      expect(a.hint.length).toBeGreaterThan(10);
    }
    expect(errorAdvice("unauthorized").title).toMatch(/401/);
  });
});
