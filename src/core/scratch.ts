/**
 * Reusable scratch memory for the million-row passes (transaction-log parsing, id numbering,
 * grouping).
 *
 * Those passes need about 100 MB of typed arrays per million rows. Fresh `ArrayBuffer`s are
 * external memory to V8, and allocating that much at every call makes V8 start a full
 * mark-compact of the whole heap almost every call ("external memory pressure") — on a heap that
 * holds the caller's million transaction objects, that costs more than the parsing. So each named
 * scratch array keeps its buffer for the next call, held through a `WeakRef`: the next full GC
 * frees it if the program needs the memory, and a later call simply allocates again.
 *
 * Contract: a scratch array is **not zeroed** (it holds whatever the previous call left), its
 * contents are valid only until the next request of the same name, and it must never escape to
 * the caller. Each name is used at one place per call.
 * @internal
 * @module
 */

const pool = new Map<string, WeakRef<ArrayBuffer>>();

function buffer(name: string, bytes: number): ArrayBuffer {
  let held = pool.get(name)?.deref();
  if (held === undefined || held.byteLength < bytes) {
    held = new ArrayBuffer(Math.max(1024, bytes));
    pool.set(name, new WeakRef(held));
  }
  return held;
}

/** An `Int32Array` of `length` elements over the scratch buffer `name` (contents undefined). @internal */
export function scratchInt32(name: string, length: number): Int32Array {
  return new Int32Array(buffer(name, 4 * length), 0, length);
}

/** A `Uint32Array` of `length` elements over the scratch buffer `name` (contents undefined). @internal */
export function scratchUint32(name: string, length: number): Uint32Array {
  return new Uint32Array(buffer(name, 4 * length), 0, length);
}

/** A `Float64Array` of `length` elements over the scratch buffer `name` (contents undefined). @internal */
export function scratchFloat64(name: string, length: number): Float64Array {
  return new Float64Array(buffer(name, 8 * length), 0, length);
}

/** A `Uint8Array` of `length` elements over the scratch buffer `name` (contents undefined). @internal */
export function scratchUint8(name: string, length: number): Uint8Array {
  return new Uint8Array(buffer(name, length), 0, length);
}
