import { quoteText } from "./preview.ts";

const maxWordLength = 64;

/** The candidate closest to `word` by edit distance, if close enough to be a likely typo. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  // Bounded work: long words are not typos worth a quadratic comparison with every name.
  if (word.length > maxWordLength) return undefined;
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length.
    if (Math.abs(candidate.length - word.length) > tolerance) continue;
    const c = candidate.toLowerCase();
    const distance = c === lower ? 0 : editDistance(lower, c);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A suggestion must share something with the word: "x" is not a typo of "b".
  return bestDistance <= tolerance && bestDistance < word.length ? best : undefined;
}

/** ` (did you mean "consumers"?)`, or nothing when no candidate is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestName(word, candidates);
  return match === undefined ? "" : ` (did you mean ${quoteText(match)}?)`;
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
