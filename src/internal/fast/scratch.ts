/**
 * Reusable scratch memory for the million-row passes (transaction-log parsing, id numbering,
 * grouping, ranking).
 *
 * Those passes need about 100 MB of typed arrays per million rows. Fresh `ArrayBuffer`s are
 * external memory to V8, and allocating that much at every call makes V8 start a full
 * mark-compact of the whole heap almost every call ("external memory pressure") — on a heap that
 * holds the caller's million transaction objects, that costs more than the parsing. So each named
 * scratch array keeps its buffer for the next call, held through a `WeakRef`: the next full GC
 * frees it if the program needs the memory, and a later call simply allocates again.
 *
 * **Re-entrancy.** A call can run user code while its scratch arrays are in use (a getter on an
 * input row, a duck-typed `Decimal`'s `toString`), and that code can call the library again. So
 * scratch arrays are only handed out through a {@link Scratch} lease that {@link withScratch}
 * opens for the duration of one call: leases nest like the call stack, and each nesting level has
 * its own pool. A nested call therefore never receives a buffer that an enclosing call is still
 * using, and a nested call at the same level as an earlier one reuses that level's buffers. A lease
 * is closed when its call returns or throws; asking a closed lease for memory is a programming
 * error (it would hand out a buffer that a later call may own).
 *
 * Contract: a scratch array is **not zeroed** (it holds whatever the previous call at the same
 * level left), its contents are valid only until the lease closes or the next request of the same
 * name on the same lease, and it must never escape to the caller. Each name is used at one place per
 * call.
 * @internal
 * @module
 */

/** Scratch memory of one call: named typed arrays whose buffers are reused by later calls. @internal */
export interface Scratch {
  /** An `Int32Array` of `length` elements over the scratch buffer `name` (contents undefined). */
  int32(name: string, length: number): Int32Array;
  /** A `Uint32Array` of `length` elements over the scratch buffer `name` (contents undefined). */
  uint32(name: string, length: number): Uint32Array;
  /** A `Float64Array` of `length` elements over the scratch buffer `name` (contents undefined). */
  float64(name: string, length: number): Float64Array;
  /** A `Uint8Array` of `length` elements over the scratch buffer `name` (contents undefined). */
  uint8(name: string, length: number): Uint8Array;
}

type Pool = Map<string, WeakRef<ArrayBuffer>>;

/** One pool per nesting level of {@link withScratch}; level 0 serves the outermost call. */
const levels: Pool[] = [];
/**
 * The open leases, outermost first: their number is the nesting level the next
 * {@link withScratch} gets (a stack, so that no module-level variable is reassigned).
 */
const open: Lease[] = [];

class Lease implements Scratch {
  readonly #pool: Pool;
  #open = true;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  close(): void {
    this.#open = false;
  }

  #buffer(name: string, bytes: number): ArrayBuffer {
    if (!this.#open) throw new Error(`scratch buffer "${name}" requested after its call returned`);
    let held = this.#pool.get(name)?.deref();
    if (held === undefined || held.byteLength < bytes) {
      held = new ArrayBuffer(Math.max(1024, bytes));
      this.#pool.set(name, new WeakRef(held));
    }
    return held;
  }

  int32(name: string, length: number): Int32Array {
    return new Int32Array(this.#buffer(name, 4 * length), 0, length);
  }

  uint32(name: string, length: number): Uint32Array {
    return new Uint32Array(this.#buffer(name, 4 * length), 0, length);
  }

  float64(name: string, length: number): Float64Array {
    return new Float64Array(this.#buffer(name, 8 * length), 0, length);
  }

  uint8(name: string, length: number): Uint8Array {
    return new Uint8Array(this.#buffer(name, length), 0, length);
  }
}

/**
 * Runs `body` with a scratch lease of its own: buffers no enclosing call is using, reused by later
 * calls at the same nesting level. The lease closes when `body` returns or throws. Wrap the whole
 * stretch of a public function during which scratch arrays are alive — including every point where
 * user code can run (reading input fields, converting amounts).
 * @internal
 */
export function withScratch<T>(body: (scratch: Scratch) => T): T {
  const level = open.length;
  let pool = levels[level];
  if (pool === undefined) {
    pool = new Map();
    levels[level] = pool;
  }
  const lease = new Lease(pool);
  open.push(lease);
  try {
    return body(lease);
  } finally {
    lease.close();
    open.length = level;
  }
}
