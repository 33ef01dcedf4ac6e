/**
 * Numbers strings 0, 1, 2, … in first-seen order: the hot-path replacement of a
 * `Map<string, number>` for customer ids. Short strings (≤ 12 UTF-16 code units, the usual id)
 * are packed into a flat `Int32Array` and found by open addressing, so a lookup reads two compact
 * typed arrays instead of chasing a `Map` entry and the stored key string through the heap (about
 * half the cost on a million lookups). Longer strings go to an ordinary `Map`. Any string works
 * (`"__proto__"` included): keys are compared code unit by code unit, never used as properties.
 * @internal
 * @module
 */

/** Code units packed per table entry; longer strings use the `Map`. */
const MAX_PACKED = 12;
/** Int32 words per packed entry: the length, then two code units per word. */
const STRIDE = 7;

/** The state of one numbering. @internal */
export interface Interner {
  /** The strings, indexed by their number (first-seen order). */
  readonly ids: string[];
  /** Open-addressing table: entry number + 1 of each slot, 0 when empty. */
  slots: Int32Array;
  /** Hash of each entry, by entry number (packed entries only; used to rehash). */
  hashes: Int32Array;
  /** Packed entries: `STRIDE` words per entry, by entry number. */
  keys: Int32Array;
  /** Strings longer than `MAX_PACKED` code units. */
  readonly long: Map<string, number>;
}

/** A new, empty numbering. @internal */
export function createInterner(): Interner {
  return {
    ids: [],
    slots: new Int32Array(1024),
    hashes: new Int32Array(256),
    keys: new Int32Array(256 * STRIDE),
    long: new Map(),
  };
}

const packed = new Int32Array(STRIDE);

/** The number of `id` in `table`, adding it (as the next number) when new. @internal */
export function intern(table: Interner, id: string): number {
  const length = id.length;
  if (length > MAX_PACKED) {
    const known = table.long.get(id);
    if (known !== undefined) return known;
    const next = table.ids.length;
    table.long.set(id, next);
    table.ids.push(id);
    return next;
  }
  packed[0] = length;
  for (let w = 1; w < STRIDE; w++) packed[w] = 0;
  for (let j = 0; j < length; j++) {
    const code = id.charCodeAt(j);
    packed[1 + (j >> 1)]! |= (j & 1) === 0 ? code : code << 16;
  }
  let hash = 0x811c9dc5;
  for (let w = 0; w < STRIDE; w++) {
    hash = Math.imul(hash ^ packed[w]!, 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash ^ (hash >>> 13), 0x85ebca6b);
  hash ^= hash >>> 16;
  const { slots, keys } = table;
  const mask = slots.length - 1;
  let slot = hash & mask;
  for (;;) {
    const entry = slots[slot]! - 1;
    if (entry < 0) break;
    const base = entry * STRIDE;
    if (
      keys[base] === packed[0] &&
      keys[base + 1] === packed[1] &&
      keys[base + 2] === packed[2] &&
      keys[base + 3] === packed[3] &&
      keys[base + 4] === packed[4] &&
      keys[base + 5] === packed[5] &&
      keys[base + 6] === packed[6]
    ) {
      return entry;
    }
    slot = (slot + 1) & mask;
  }
  const next = table.ids.length;
  table.ids.push(id);
  return addPacked(table, next, hash, slot);
}

/** Stores the packed key of entry `entry` at `slot`, growing the arrays when needed. */
function addPacked(table: Interner, entry: number, hash: number, slot: number): number {
  if (entry >= table.hashes.length) {
    let size = 2 * table.hashes.length;
    while (entry >= size) size *= 2;
    const hashes = new Int32Array(size);
    hashes.set(table.hashes);
    table.hashes = hashes;
    const keys = new Int32Array(size * STRIDE);
    keys.set(table.keys);
    table.keys = keys;
  }
  table.hashes[entry] = hash;
  table.keys.set(packed, entry * STRIDE);
  table.slots[slot] = entry + 1;
  // Keep the load factor ≤ 1/2: rehash every packed entry into a table twice as large.
  if (2 * (entry + 1) > table.slots.length) {
    const slots = new Int32Array(2 * table.slots.length);
    const mask = slots.length - 1;
    const { hashes, ids } = table;
    for (let e = 0; e <= entry; e++) {
      if (ids[e]!.length > MAX_PACKED) continue; // kept in the Map
      let s = hashes[e]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    table.slots = slots;
  }
  return entry;
}
