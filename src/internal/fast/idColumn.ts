/**
 * Numbers the customer ids of a whole column of rows 0, 1, 2, … in first-seen order — the batch
 * form of {@link intern} used by the transaction-log parsers.
 *
 * Looking a million ids up one at a time in a hash table of a few hundred thousand keys is bound by
 * memory latency: every lookup is a cache miss (0.15–0.3 µs each, more than parsing the row). This
 * does the same work in passes that read and write memory in order:
 *
 * 1. while the caller validates row i it hands over the id: its code units are packed into a key
 *    (length + six words, strings of up to 12 units) and hashed (FNV-1a);
 * 2. a counting sort by the hash's top bits splits the rows into partitions small enough for the
 *    cache, moving the keys with them;
 * 3. within each partition an open-addressing table finds equal keys (key words compared, so equal
 *    hashes never merge different ids) and the row of each key's first occurrence;
 * 4. one pass in row order gives each key its number at its first occurrence.
 *
 * Longer ids take a `Map` in pass 4. Any string works (`"__proto__"` included). Each id is handed
 * over once and kept (the caller never reads the row's id a second time, so a getter cannot give a
 * different value later).
 * @internal
 * @module
 */

import type { Scratch } from "./scratch.js";

/** Code units packed per key; longer strings use the `Map`. */
const MAX_PACKED = 12;
/** Int32 words of a packed key: the length, then two code units per word. */
const KEY = 7;
/** Rows per partition aimed at (its table of 2× as many slots then fits in the L1/L2 cache). */
const ROWS_PER_PARTITION = 2048;

/** Numbers the ids of a column of `n` rows; call {@link IdColumn.add} for every row, then {@link IdColumn.finish}. @internal */
export class IdColumn {
  readonly #n: number;
  readonly #hash: Int32Array;
  /** Packed keys in row order ({@link KEY} words a row; length −1 marks a long id). */
  readonly #keys: Int32Array;
  /** The id of each row, as handed over (the ids of the result come from here). */
  readonly #strings: string[];
  readonly #scratch: Scratch;
  #longRows = 0;

  /** @param n - rows; @param scratch - the calling function's scratch lease */
  constructor(n: number, scratch: Scratch) {
    this.#n = n;
    this.#scratch = scratch;
    this.#hash = scratch.int32("idColumn.hash", n);
    this.#keys = scratch.int32("idColumn.keys", n * KEY);
    this.#strings = new Array<string>(n);
  }

  /**
   * Records the id of row `i` (rows in any order, each once): its packed key and hash. The id
   * string is read here only — a second read later would be a second cache miss per row when the
   * rows' strings lie scattered in memory.
   */
  add(i: number, id: string): void {
    this.#strings[i] = id;
    const length = id.length;
    const keys = this.#keys;
    const at = i * KEY;
    if (length > MAX_PACKED) {
      keys[at] = -1;
      this.#longRows++;
      return;
    }
    keys[at] = length;
    let hash = 0x811c9dc5 ^ length;
    let w = at + 1;
    for (let j = 0; j < length; j += 2) {
      const low = id.charCodeAt(j);
      hash = Math.imul(hash ^ low, 0x01000193);
      let high = 0;
      if (j + 1 < length) {
        high = id.charCodeAt(j + 1);
        hash = Math.imul(hash ^ high, 0x01000193);
      }
      keys[w++] = low | (high << 16);
    }
    for (; w < at + KEY; w++) keys[w] = 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
    this.#hash[i] = hash ^ (hash >>> 13);
  }

  /**
   * Numbers the ids.
   * @returns per row its id's number (a scratch array: valid while the lease is open, never to be
   *   returned to a user), and the ids by number (first-seen order)
   */
  finish(): { readonly number: Int32Array; readonly ids: string[] } {
    const n = this.#n;
    const scratch = this.#scratch;
    const strings = this.#strings;
    const hash = this.#hash;
    const keys = this.#keys;
    // Pass 2: partition the short-id rows by the hash's top bits (stable: rows stay in order).
    let bits = 0;
    while (bits < 16 && n >> bits > ROWS_PER_PARTITION) bits++;
    const partitions = 1 << bits;
    const shift = 32 - bits;
    const start = new Int32Array(partitions + 1);
    for (let i = 0; i < n; i++) {
      if (keys[i * KEY]! < 0) continue;
      start[(bits === 0 ? 0 : hash[i]! >>> shift) + 1]!++;
    }
    for (let p = 0; p < partitions; p++) start[p + 1]! += start[p]!;
    const short = start[partitions]!;
    const row = scratch.int32("idColumn.row", short);
    const rowHash = scratch.int32("idColumn.rowHash", short);
    const rowKey = scratch.int32("idColumn.rowKey", short * KEY);
    const fill = start.slice(0, partitions);
    for (let i = 0; i < n; i++) {
      const from = i * KEY;
      if (keys[from]! < 0) continue;
      const h = hash[i]!;
      const j = fill[bits === 0 ? 0 : h >>> shift]!++;
      row[j] = i;
      rowHash[j] = h;
      const to = j * KEY;
      for (let w = 0; w < KEY; w++) rowKey[to + w] = keys[from + w]!;
    }
    // Pass 3: in each partition, the first row of every distinct key. `firstOf[j]` is the
    // position (in partition order) of the first row with row j's key.
    const firstOf = scratch.int32("idColumn.firstOf", short);
    let slots = new Int32Array(0);
    for (let p = 0; p < partitions; p++) {
      const from = start[p]!;
      const to = start[p + 1]!;
      let size = 4;
      while (size < 2 * (to - from)) size <<= 1;
      if (slots.length < size) slots = new Int32Array(size);
      else slots.fill(0, 0, size);
      const mask = size - 1;
      for (let j = from; j < to; j++) {
        const h = rowHash[j]!;
        const k = j * KEY;
        let slot = h & mask;
        for (;;) {
          const entry = slots[slot]! - 1; // a position in partition order + 1
          if (entry < 0) {
            slots[slot] = j + 1;
            firstOf[j] = j;
            break;
          }
          const e = entry * KEY;
          if (
            rowHash[entry] === h &&
            rowKey[e] === rowKey[k] &&
            rowKey[e + 1] === rowKey[k + 1] &&
            rowKey[e + 2] === rowKey[k + 2] &&
            rowKey[e + 3] === rowKey[k + 3] &&
            rowKey[e + 4] === rowKey[k + 4] &&
            rowKey[e + 5] === rowKey[k + 5] &&
            rowKey[e + 6] === rowKey[k + 6]
          ) {
            firstOf[j] = entry;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    // Row → position of its key's first row (scattered write), then number in row order.
    const firstPosition = hash; // reused: the hashes are no longer needed
    for (let j = 0; j < short; j++) firstPosition[row[j]!] = firstOf[j]!;
    const number = scratch.int32("idColumn.number", n);
    const numberAt = row.fill(-1); // reused: by position of a first row
    const ids: string[] = [];
    const long = this.#longRows > 0 ? new Map<string, number>() : undefined;
    for (let i = 0; i < n; i++) {
      if (keys[i * KEY]! < 0) {
        const id = strings[i]!;
        let known = long!.get(id);
        if (known === undefined) {
          known = ids.length;
          long!.set(id, known);
          ids.push(id);
        }
        number[i] = known;
        continue;
      }
      const first = firstPosition[i]!;
      let known = numberAt[first]!;
      if (known < 0) {
        known = ids.length;
        numberAt[first] = known;
        ids.push(strings[i]!);
      }
      number[i] = known;
    }
    return { number, ids };
  }
}
