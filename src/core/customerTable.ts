/**
 * A read-only table of per-customer results keyed by customer id: the return type behind the
 * segmentation functions' `ReadonlyMap`s.
 * @internal
 * @module
 */

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * A `ReadonlyMap` from customer id to a result, stored as two arrays in customer order. Iterating it
 * (`forEach`, `for…of`, `entries`, `keys`, `values`) reads the arrays directly; the id → position
 * index that `get` and `has` need is built on their first call. A `Map` of a million entries costs
 * about 0.3 s to build in V8 — more than scoring the customers — so a pipeline that only iterates
 * (scores → segments → summary) never pays for it. Ids are unique (the producer guarantees it).
 * Printing it in Node shows the entries like a `Map`.
 * @internal
 */
export class CustomerTable<V> implements ReadonlyMap<string, V> {
  readonly #ids: readonly string[];
  readonly #values: readonly V[];
  #index: Map<string, number> | undefined;

  /** @param ids - unique customer ids; @param values - their results, same length and order */
  constructor(ids: readonly string[], values: readonly V[]) {
    this.#ids = ids;
    this.#values = values;
  }

  get size(): number {
    return this.#ids.length;
  }

  get(id: string): V | undefined {
    const position = this.#positions().get(id);
    return position === undefined ? undefined : this.#values[position];
  }

  has(id: string): boolean {
    return this.#positions().has(id);
  }

  forEach(
    callback: (value: V, id: string, map: ReadonlyMap<string, V>) => void,
    thisArg?: unknown,
  ): void {
    const ids = this.#ids;
    const values = this.#values;
    for (let i = 0; i < ids.length; i++) callback.call(thisArg, values[i]!, ids[i]!, this);
  }

  *entries(): MapIterator<[string, V]> {
    const ids = this.#ids;
    const values = this.#values;
    for (let i = 0; i < ids.length; i++) yield [ids[i]!, values[i]!];
  }

  *keys(): MapIterator<string> {
    yield* this.#ids;
  }

  *values(): MapIterator<V> {
    yield* this.#values;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return "CustomerTable";
  }

  /** Node's `util.inspect` (console.log): the entries, shown as a `Map`. */
  [inspectSymbol](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    return inspect(new Map(this.entries()), options);
  }

  #positions(): Map<string, number> {
    if (this.#index === undefined) {
      const index = new Map<string, number>();
      const ids = this.#ids;
      for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
      this.#index = index;
    }
    return this.#index;
  }
}

/**
 * Whether `value` can be read as a `ReadonlyMap`: a `Map`, a {@link CustomerTable}, or any object
 * with `forEach`, `get` and a numeric `size`. Structural on purpose: the package ships an ESM and a
 * CJS build, and a table made by one build must be accepted by the other (`instanceof` would fail).
 * @internal
 */
export function isReadonlyMap(value: unknown): value is ReadonlyMap<unknown, unknown> {
  if (typeof value !== "object" || value === null) return false;
  try {
    // A Proxy whose target is a Map passes `instanceof` but every Map method throws on it.
    if (value instanceof Map) return Map.prototype.has.call(value, undefined) || true;
    const candidate = value as { forEach?: unknown; get?: unknown; size?: unknown };
    return (
      typeof candidate.forEach === "function" &&
      typeof candidate.get === "function" &&
      typeof candidate.size === "number"
    );
  } catch {
    return false;
  }
}
