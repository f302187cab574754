import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decompressUriComponent } from "../../src/scenario/lzDecompress.ts";
import { bombParam, uriAlphabet as alphabet } from "./lzBomb.ts";

describe("capped lz-string decompression", () => {
  it("reverses compressToEncodedURIComponent for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 1, maxLength: 300 }), (text) => {
        expect(decompressUriComponent(LZString.compressToEncodedURIComponent(text), 1e6)).toEqual({ ok: true, text });
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with lz-string on arbitrary parameters wherever it finds text (lz-string reads some garbage as text; it refuses it)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const param = chars.join("");
        const ours = decompressUriComponent(param, 1e6);
        if (ours.ok) expect(LZString.decompressFromEncodedURIComponent(param)).toBe(ours.text);
      }),
      { numRuns: 3000 },
    );
  });

  it("stops a decompression bomb at the cap instead of allocating its output", () => {
    // 100000 codes, each naming the entry being defined (LZW's KwKwK case): output n^2 / 2 = 5e9 characters.
    const bomb = bombParam(100_000);
    expect(bomb.length).toBeLessThan(400_000);
    expect(decompressUriComponent(bomb, 2 * 1024 * 1024)).toEqual({ ok: false, reason: "too-large" });
    expect(decompressUriComponent(bombParam(100), 1e6)).toEqual({ ok: true, text: "a".repeat((101 * 102) / 2) });
  });

  it("refuses characters outside the URI-safe alphabet, a truncated parameter and an empty one", () => {
    const param = LZString.compressToEncodedURIComponent('{"version": 1, "queues": []}');
    expect(decompressUriComponent(`${param.slice(0, 5)}!${param.slice(6)}`, 1e6)).toEqual({ ok: false, reason: "malformed" });
    expect(decompressUriComponent(param.slice(0, param.length - 4), 1e6)).toEqual({ ok: false, reason: "malformed" });
    expect(decompressUriComponent("", 1e6)).toEqual({ ok: false, reason: "malformed" });
  });

  it("reads a space as the + that form decoding turned into one", () => {
    const text = "x".repeat(40) + "yz".repeat(30);
    const param = LZString.compressToEncodedURIComponent(text);
    expect(decompressUriComponent(param.replace(/\+/g, " "), 1e6)).toEqual({ ok: true, text });
  });
});
