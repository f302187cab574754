/**
 * Decompression of lz-string's `compressToEncodedURIComponent` output with a cap on the output
 * size. lz-string's own decompressor cannot be bounded: its LZW dictionary lets a link of n
 * characters expand to about n^2 / 2, so a crafted link of a few hundred kilobytes would
 * allocate gigabytes before any size check could run. This is the same algorithm
 * (lz-string 1.5 `_decompress`, MIT/WTFPL, pieroxy), stopping as soon as the output passes
 * `maxChars`, and refusing characters outside the URI-safe alphabet instead of reading them as 0.
 */

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
const bitsPerChar = 6;

/** The decompressed text, or why there is none. */
export type LzDecompressResult = { ok: true; text: string } | { ok: false; reason: "malformed" | "too-large" };

const malformed: LzDecompressResult = { ok: false, reason: "malformed" };

/** Reverses `LZString.compressToEncodedURIComponent`, refusing output over `maxChars`. */
export function decompressUriComponent(input: string, maxChars: number): LzDecompressResult {
  const values = toValues(input.replace(/ /g, "+"));
  if (values === undefined || values.length === 0) return malformed;
  const reader = bitReader(values);
  const first = reader.read(2);
  if (first === 2) return malformed; // an empty string was compressed
  const w0 = readLiteral(reader, first);
  if (w0 === undefined) return malformed;
  const dictionary: string[] = ["", "", "", w0];
  const result: string[] = [w0];
  let total = w0.length;
  let w = w0;
  let numBits = 3;
  let enlargeIn = 4;
  while (true) {
    if (reader.exhausted()) return malformed; // truncated
    let code = reader.read(numBits);
    if (code === 2) return { ok: true, text: result.join("") };
    if (code === 0 || code === 1) {
      const literal = readLiteral(reader, code);
      if (literal === undefined) return malformed;
      dictionary.push(literal);
      code = dictionary.length - 1;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code] ?? "";
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return malformed;
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: "too-large" };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

function toValues(input: string): Uint8Array | undefined {
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const value = alphabet.indexOf(input.charAt(i));
    if (value < 0) return undefined;
    values[i] = value;
  }
  return values;
}

function readLiteral(reader: BitReader, code: number): string | undefined {
  if (code === 0) return String.fromCharCode(reader.read(8));
  if (code === 1) return String.fromCharCode(reader.read(16));
  return undefined;
}

interface BitReader {
  read(bits: number): number;
  exhausted(): boolean;
}

/** Reads values most significant bit first, assembling codes least significant bit first, as lz-string does. */
function bitReader(values: Uint8Array): BitReader {
  let index = 0;
  let value = values[0] ?? 0;
  let position = 1 << (bitsPerChar - 1);
  return {
    read(bits: number): number {
      let out = 0;
      for (let power = 1, i = 0; i < bits; i++, power *= 2) {
        const bit = value & position;
        position >>= 1;
        if (position === 0) {
          position = 1 << (bitsPerChar - 1);
          index++;
          value = values[index] ?? 0;
        }
        if (bit > 0) out += power;
      }
      return out;
    },
    // lz-string stops once it has asked for the value past the end (`data.index > length`).
    exhausted: () => index + 1 > values.length,
  };
}
