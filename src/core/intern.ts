/**
 * Numbers strings 0, 1, 2, … in first-seen order: the hot-path replacement of a
 * `Map<string, number>` for customer ids.
 *
 * Short strings (≤ 12 UTF-16 code units, the usual id) are hashed straight from their code units
 * and found by open addressing in a compact table of (hash, entry) pairs — 8 bytes a slot, so the
 * table of 100,000 ids fits in the L2 cache — while their packed code units live in a dense array
 * by entry number, read only when the hash matches. This costs the same whether or not the engine
 * has already hashed the string (a `Map` is fast only on strings whose hash V8 has cached, and
 * about three times slower on freshly parsed ones). Longer strings go to an ordinary `Map`. Any
 * string works (`"__proto__"` included): keys are compared code unit by code unit, never used as
 * properties.
 * @internal
 * @module
 */

/** Code units packed per key; longer strings use the `Map`. */
const MAX_PACKED = 12;
/** Int32 words of a packed key: the length, then two code units per word. */
const KEY = 7;

/** The state of one numbering. @internal */
export interface Interner {
  /** The strings, indexed by their number (first-seen order). */
  readonly ids: string[];
  /** Open-addressing table, two words a slot: the key's hash, then its number + 1 (0 = empty). */
  slots: Int32Array;
  /** Packed keys of the short strings, {@link KEY} words each, by number. */
  keys: Int32Array;
  /** Number of short strings in {@link Interner.slots}. */
  packedCount: number;
  /** Strings longer than `MAX_PACKED` code units. */
  readonly long: Map<string, number>;
}

/** A new, empty numbering. @internal */
export function createInterner(): Interner {
  return {
    ids: [],
    slots: new Int32Array(2 * 1024),
    keys: new Int32Array(KEY * 512),
    packedCount: 0,
    long: new Map(),
  };
}

/** The number of `id`, adding it (as the next number) when new. @internal */
export function intern(interner: Interner, id: string): number {
  const length = id.length;
  if (length > MAX_PACKED) return internLong(interner, id);
  // FNV-1a over the code units, packing them two to a word on the way.
  let hash = 0x811c9dc5 ^ length;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let w5 = 0;
  for (let j = 0; j < length; j++) {
    const code = id.charCodeAt(j);
    hash = Math.imul(hash ^ code, 0x01000193);
    const v = (j & 1) === 0 ? code : code << 16;
    switch (j >> 1) {
      case 0:
        w0 |= v;
        break;
      case 1:
        w1 |= v;
        break;
      case 2:
        w2 |= v;
        break;
      case 3:
        w3 |= v;
        break;
      case 4:
        w4 |= v;
        break;
      default:
        w5 |= v;
    }
  }
  // Final mix, so that the low bits used as the slot depend on every code unit.
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
  hash ^= hash >>> 13;
  const slots = interner.slots;
  const keys = interner.keys;
  const mask = (slots.length >> 1) - 1;
  let slot = hash & mask;
  for (;;) {
    const entry = slots[2 * slot + 1]! - 1;
    if (entry < 0) break;
    if (slots[2 * slot] === hash) {
      const k = entry * KEY;
      if (
        keys[k] === length &&
        keys[k + 1] === w0 &&
        keys[k + 2] === w1 &&
        keys[k + 3] === w2 &&
        keys[k + 4] === w3 &&
        keys[k + 5] === w4 &&
        keys[k + 6] === w5
      ) {
        return entry;
      }
    }
    slot = (slot + 1) & mask;
  }
  const next = interner.ids.length;
  interner.ids.push(id);
  slots[2 * slot] = hash;
  slots[2 * slot + 1] = next + 1;
  let store = keys;
  if ((next + 1) * KEY > store.length) {
    store = new Int32Array(2 * store.length);
    store.set(keys);
    interner.keys = store;
  }
  const k = next * KEY;
  store[k] = length;
  store[k + 1] = w0;
  store[k + 2] = w1;
  store[k + 3] = w2;
  store[k + 4] = w3;
  store[k + 5] = w4;
  store[k + 6] = w5;
  interner.packedCount++;
  // Keep the load factor ≤ 1/2.
  if (2 * interner.packedCount > slots.length >> 1) grow(interner);
  return next;
}

/** The number of a string too long to pack. */
function internLong(interner: Interner, id: string): number {
  const known = interner.long.get(id);
  if (known !== undefined) return known;
  const next = interner.ids.length;
  interner.long.set(id, next);
  interner.ids.push(id);
  return next;
}

/** Rehashes every slot into a table with twice as many slots. */
function grow(interner: Interner): void {
  const old = interner.slots;
  const slots = new Int32Array(2 * old.length);
  const mask = (slots.length >> 1) - 1;
  for (let i = 0; i < old.length; i += 2) {
    if (old[i + 1] === 0) continue;
    let slot = old[i]! & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = old[i]!;
    slots[2 * slot + 1] = old[i + 1]!;
  }
  interner.slots = slots;
}
