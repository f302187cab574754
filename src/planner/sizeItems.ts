/**
 * What a plan sizes (`kendall plan --size`). Consumers are always sized; prefetch and capacity
 * are sized where asked, at the consumers' answer (see `sizePrefetch`, `sizeCapacity`).
 */
export const SIZE_ITEMS = ["consumers", "prefetch", "capacity"] as const;

/** One thing a plan can size. */
export type SizeItem = (typeof SIZE_ITEMS)[number];

const isSizeItem = (s: string): s is SizeItem => (SIZE_ITEMS as readonly string[]).includes(s);

/**
 * The items to size, in canonical order (consumers, prefetch, capacity), consumers always
 * included and duplicates dropped.
 * @throws RangeError naming an unknown item: `invalid size item: "memory" (expected consumers, prefetch or capacity)`.
 */
export function sizeItemsOf(items: readonly string[]): SizeItem[] {
  for (const item of items) {
    if (!isSizeItem(item)) throw new RangeError(`invalid size item: ${JSON.stringify(item)} (expected consumers, prefetch or capacity)`);
  }
  return SIZE_ITEMS.filter((s) => s === "consumers" || items.includes(s));
}

/**
 * Parses a size list like `consumers,prefetch,capacity` (commas or spaces, any case) into
 * `sizeItemsOf` order.
 * @throws RangeError for an empty list (`no items; ...`) or an unknown item (`unknown item "memory" (...)`).
 */
export function parseSizeItems(text: string): SizeItem[] {
  const words = text.split(/[\s,]+/).filter((w) => w !== "").map((w) => w.toLowerCase());
  if (words.length === 0) throw new RangeError("no items; expected a list like consumers,prefetch,capacity");
  const bad = words.find((w) => !isSizeItem(w));
  if (bad !== undefined) throw new RangeError(`unknown item ${JSON.stringify(bad)} (expected consumers, prefetch or capacity)`);
  return sizeItemsOf(words);
}
