/** lz-string's URI-safe alphabet, one character per 6 bits. */
export const uriAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$".split("");

/** An lz-string parameter of a literal "a" followed by `codes` codes, each expanding to one more "a" than the last. */
export function bombParam(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push(Math.floor(value / 2 ** i) % 2);
  };
  write(0, 2);
  write(97, 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits);
  while (bits.length % 6 !== 0) bits.push(0);
  let out = "";
  for (let i = 0; i < bits.length; i += 6) out += uriAlphabet[bits.slice(i, i + 6).reduce((v, b) => v * 2 + (b ?? 0), 0)];
  return out;
}
