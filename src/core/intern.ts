/**
 * Numbers strings 0, 1, 2, … in first-seen order: the hot-path replacement of a
 * `Map<string, number>` for customer ids. Short strings (≤ 12 UTF-16 code units, the usual id)
 * are packed into the slots of a flat `Int32Array` and found by open addressing, so a lookup reads
 * one slot instead of chasing a `Map` entry and the stored key string through the heap (about
 * half the cost on a million lookups). Longer strings go to an ordinary `Map`. Any string works
 * (`"__proto__"` included): keys are compared code unit by code unit, never used as properties.
 * @internal
 * @module
 */

/** Code units packed per table entry; longer strings use the `Map`. */
const MAX_PACKED = 12;
/** Int32 words of a packed key: the length, then two code units per word. */
const KEY = 7;
/** Int32 words per slot: entry number + 1 (0 = empty), then the packed key, in one cache line half. */
const SLOT = 8;

/** The state of one numbering. @internal */
export interface Interner {
  /** The strings, indexed by their number (first-seen order). */
  readonly ids: string[];
  /** Open-addressing table, {@link SLOT} words per slot; a power-of-two number of slots. */
  table: Int32Array;
  /** Number of packed (short) strings in `table`. */
  packedCount: number;
  /** Strings longer than `MAX_PACKED` code units. */
  readonly long: Map<string, number>;
}

/** A new, empty numbering. @internal */
export function createInterner(): Interner {
  return { ids: [], table: new Int32Array(1024 * SLOT), packedCount: 0, long: new Map() };
}

const packed = new Int32Array(KEY);

/** Hash of the packed key `words[from..from + KEY)`. */
function hashKey(words: Int32Array, from: number): number {
  let hash = 0x811c9dc5;
  for (let w = 0; w < KEY; w++) {
    hash = Math.imul(hash ^ words[from + w]!, 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash ^ (hash >>> 13), 0x85ebca6b);
  return hash ^ (hash >>> 16);
}

/** The number of `id` in `table`, adding it (as the next number) when new. @internal */
export function intern(interner: Interner, id: string): number {
  const length = id.length;
  if (length > MAX_PACKED) {
    const known = interner.long.get(id);
    if (known !== undefined) return known;
    const next = interner.ids.length;
    interner.long.set(id, next);
    interner.ids.push(id);
    return next;
  }
  packed[0] = length;
  for (let w = 1; w < KEY; w++) packed[w] = 0;
  for (let j = 0; j < length; j++) {
    const code = id.charCodeAt(j);
    packed[1 + (j >> 1)]! |= (j & 1) === 0 ? code : code << 16;
  }
  const table = interner.table;
  const mask = table.length / SLOT - 1;
  let slot = hashKey(packed, 0) & mask;
  for (;;) {
    const base = slot * SLOT;
    const entry = table[base]! - 1;
    if (entry < 0) break;
    if (
      table[base + 1] === packed[0] &&
      table[base + 2] === packed[1] &&
      table[base + 3] === packed[2] &&
      table[base + 4] === packed[3] &&
      table[base + 5] === packed[4] &&
      table[base + 6] === packed[5] &&
      table[base + 7] === packed[6]
    ) {
      return entry;
    }
    slot = (slot + 1) & mask;
  }
  const next = interner.ids.length;
  interner.ids.push(id);
  const base = slot * SLOT;
  table[base] = next + 1;
  table.set(packed, base + 1);
  interner.packedCount++;
  // Keep the load factor ≤ 1/2.
  if (2 * interner.packedCount > table.length / SLOT) grow(interner);
  return next;
}

/** Rehashes every packed key into a table with twice as many slots. */
function grow(interner: Interner): void {
  const old = interner.table;
  const table = new Int32Array(2 * old.length);
  const mask = table.length / SLOT - 1;
  for (let base = 0; base < old.length; base += SLOT) {
    if (old[base] === 0) continue;
    let slot = hashKey(old, base + 1) & mask;
    while (table[slot * SLOT] !== 0) slot = (slot + 1) & mask;
    const to = slot * SLOT;
    for (let w = 0; w < SLOT; w++) table[to + w] = old[base + w]!;
  }
  interner.table = table;
}
