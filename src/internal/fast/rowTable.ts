/**
 * An open-addressing hash table that merges identical rows of three float64 values and sums their
 * weights: the compression of a million customer histories into a few thousand distinct ones
 * (every likelihood then sums over distinct rows, each times its multiplicity). Keys are hashed on
 * their raw float64 bits (MurmurHash3 mixing) and compared with `===`, so −0 and 0 are one row and
 * no two different values ever merge. Tested against a `Map` keyed by the values in
 * test/internal/fast/rowTable.test.ts.
 * @internal
 * @module
 */

/** MurmurHash3 block mixing of one 32-bit word into the hash state. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Distinct rows `(a, b, c)` with summed weights, in first-seen order: row `k` is `a[k], b[k], c[k]`
 * with weight `w[k]`, for `k < size`. Grows as rows are added.
 * @internal
 */
export class RowTable {
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);
  private slots: Int32Array;
  private mask: number;
  /** Number of distinct rows so far. */
  size = 0;
  /** First value of each distinct row (valid up to `size`). */
  a: Float64Array;
  /** Second value of each distinct row. */
  b: Float64Array;
  /** Third value of each distinct row. */
  c: Float64Array;
  /** Summed weight of each distinct row. */
  w: Float64Array;

  /** A table sized for about `expected` distinct rows (it grows beyond). */
  constructor(expected: number) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = cap >> 1;
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Float64Array(n);
    this.w = new Float64Array(n);
  }

  private hash(a: number, b: number, c: number): number {
    const bits = this.bits;
    const words = this.words;
    bits[0] = a === 0 ? 0 : a; // -0 and 0 are the same row
    let h = mixWord(mixWord(0x12345, words[0]!), words[1]!);
    bits[0] = b === 0 ? 0 : b;
    h = mixWord(mixWord(h, words[0]!), words[1]!);
    bits[0] = c === 0 ? 0 : c;
    h = mixWord(mixWord(h, words[0]!), words[1]!);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  private grow(): void {
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = cap >> 1;
    const copy = (from: Float64Array) => {
      const to = new Float64Array(n);
      to.set(from);
      return to;
    };
    this.a = copy(this.a);
    this.b = copy(this.b);
    this.c = copy(this.c);
    this.w = copy(this.w);
    for (let k = 0; k < this.size; k++) {
      let h = this.hash(this.a[k]!, this.b[k]!, this.c[k]!) & this.mask;
      while (this.slots[h]! >= 0) h = (h + 1) & this.mask;
      this.slots[h] = k;
    }
  }

  /** Adds weight `w` to row (a, b, c); returns its index. */
  add(a: number, b: number, c: number, w: number): number {
    let h = this.hash(a, b, c) & this.mask;
    for (;;) {
      const k = this.slots[h]!;
      if (k < 0) {
        if (this.size === this.a.length) {
          this.grow();
          return this.add(a, b, c, w);
        }
        const idx = this.size++;
        this.slots[h] = idx;
        this.a[idx] = a;
        this.b[idx] = b;
        this.c[idx] = c;
        this.w[idx] = w;
        return idx;
      }
      if (this.a[k] === a && this.b[k] === b && this.c[k] === c) {
        this.w[k] = this.w[k]! + w;
        return k;
      }
      h = (h + 1) & this.mask;
    }
  }
}
