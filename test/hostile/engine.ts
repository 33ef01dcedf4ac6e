/**
 * The hostile-input machinery shared by the fast sweep (test/edges/errors.test.ts) and the
 * fast-check sweep (test/slow/hostile.test.ts, via test/hostile/sweep.ts): hostile values, the
 * paths into a call's arguments, substitution without touching the seed, and the per-call checks
 * (error type, vague message, non-finite output, time, prototype pollution).
 */

/** A step into a value: an own property / index, or the value stored under a `Map` key. */
export type Step = PropertyKey | { readonly mapKey: unknown } | { readonly mapKeyOf: unknown };

/** A path from the call's argument list to one value inside it. */
export type Path = readonly Step[];

/** A named hostile value; `make` builds a fresh one for each use. */
export interface Hostile {
  readonly label: string;
  readonly make: (original: unknown) => unknown;
}

const DECIMAL_TAG = "[object Decimal]";

/** A duck-typed "Decimal" that `Decimal.isDecimal` accepts but whose digits are garbage. */
function duckDecimal(d: unknown, e: unknown, s: unknown): unknown {
  return { toStringTag: DECIMAL_TAG, d, e, s, constructor: { precision: 20 } };
}

/**
 * A replacement that {@link setAt} installs as a getter on the parent: the first read yields the
 * original value, every later read `then` (catches values read twice and not re-validated).
 */
export class TwoFaced {
  constructor(
    readonly original: unknown,
    readonly then: unknown,
  ) {}
}

/** A getter that yields the original once and `then` afterwards. */
export function getterHostile(then: unknown): Hostile {
  return { label: `getter→${describe(then)}`, make: (original) => new TwoFaced(original, then) };
}

/**
 * The fixed hostile values of the fast suite. Values that need the original
 * (getters, proxies, holes) receive it.
 */
export const HOSTILE_VALUES: readonly Hostile[] = [
  { label: "null", make: () => null },
  { label: "undefined", make: () => undefined },
  { label: "NaN", make: () => Number.NaN },
  { label: "Infinity", make: () => Number.POSITIVE_INFINITY },
  { label: "-Infinity", make: () => Number.NEGATIVE_INFINITY },
  { label: "-0", make: () => -0 },
  { label: "1e308", make: () => 1e308 },
  { label: "-1e308", make: () => -1e308 },
  { label: "5e-324", make: () => 5e-324 },
  { label: "-1", make: () => -1 },
  { label: "1.5", make: () => 1.5 },
  { label: "2**32", make: () => 2 ** 32 },
  { label: "2**53+2", make: () => 2 ** 53 + 2 },
  { label: "1n", make: () => 1n },
  { label: "10n**30n", make: () => 10n ** 30n },
  { label: "Symbol", make: () => Symbol("hostile") },
  { label: "true", make: () => true },
  { label: '""', make: () => "" },
  { label: '"__proto__"', make: () => "__proto__" },
  { label: '"constructor"', make: () => "constructor" },
  { label: '"toString"', make: () => "toString" },
  { label: "string 100k", make: () => "x".repeat(100_000) },
  { label: '"1e400"', make: () => "1e400" },
  { label: '"-0.00"', make: () => "-0.00" },
  { label: '" 12 "', make: () => " 12 " },
  { label: "{}", make: () => ({}) },
  { label: "[]", make: () => [] },
  { label: "function", make: () => () => 1 },
  { label: "Date(NaN)", make: () => new Date(Number.NaN) },
  { label: "Date(max)", make: () => new Date(8.64e15) },
  { label: "Date(min)", make: () => new Date(-8.64e15) },
  { label: '"0000-01-01"', make: () => "0000-01-01" },
  { label: '"0099-12-31"', make: () => "0099-12-31" },
  { label: '"+275760-09-13"', make: () => "+275760-09-13" },
  { label: '"2024-03-10T02:30"', make: () => "2024-03-10T02:30" },
  { label: '"2024-11-03T01:30"', make: () => "2024-11-03T01:30" },
  { label: '"2024-02-30"', make: () => "2024-02-30" },
  { label: "duck Decimal", make: () => duckDecimal([1e9], Number.NaN, 1) },
  { label: "duck Decimal(∞)", make: () => duckDecimal(null, Number.NaN, 1) },
  { label: "duck Decimal(-0)", make: () => duckDecimal([0], 0, -1) },
  { label: "Float64Array", make: () => new Float64Array([1, Number.NaN]) },
  { label: "Map", make: () => new Map([["a", 1]]) },
  {
    label: "array with holes",
    make: (original) => holey(isSmallArray(original) ? original : [1]),
  },
  {
    label: "array length 2**32-1",
    make: (original) =>
      Object.assign(isSmallArray(original) ? [...original] : [], { length: 2 ** 32 - 1 }),
  },
  {
    label: "proxy",
    make: (original) =>
      typeof original === "object" && original !== null
        ? new Proxy(original as object, {})
        : original,
  },
  {
    label: "extra key",
    make: (original) =>
      typeof original === "object" && original !== null && !Array.isArray(original)
        ? { ...(original as object), extraKey: 1 }
        : original,
  },
  {
    label: "own __proto__ key",
    make: (original) =>
      typeof original === "object" && original !== null && !Array.isArray(original)
        ? Object.assign(JSON.parse('{"__proto__": {"polluted": 1}}') as object, original)
        : original,
  },
  getterHostile(null),
  getterHostile({ toString: () => "object id" }),
];

/** An array the harness may copy (not one of the huge-length arrays it made itself). */
function isSmallArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length <= 100_000;
}

/** A copy of `array` with a hole before its first element. */
function holey(array: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  out.length = array.length + 1;
  for (let i = 0; i < array.length; i++) out[i + 1] = array[i];
  return out;
}

/** Short, safe description of any value (never throws; BigInt and Symbol included). */
export function describe(value: unknown): string {
  try {
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "symbol") return value.toString();
    if (typeof value === "string")
      return value.length > 40
        ? `"${value.slice(0, 20)}…"(${value.length})`
        : JSON.stringify(value);
    if (typeof value === "function") return "function";
    if (Array.isArray(value)) return `array(${value.length})`;
    if (value instanceof Date) return `Date(${value.getTime()})`;
    if (value instanceof Map) return `Map(${value.size})`;
    if (typeof value === "object" && value !== null) return "object";
    return String(value);
  } catch {
    return "?";
  }
}

function isPlainish(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Every path into `args` (containers included), depth-first, at most `limit` of them. Arrays are
 * entered at their first two and last element only: the rest behave alike.
 */
export function pathsOf(args: readonly unknown[], limit = 400): Path[] {
  const out: Path[] = [];
  const visit = (value: unknown, path: Step[]): void => {
    if (out.length >= limit) return;
    out.push(path);
    if (value instanceof Map) {
      let i = 0;
      for (const [key, entry] of value) {
        if (i++ >= 2) break;
        out.push([...path, { mapKeyOf: key }]);
        visit(entry, [...path, { mapKey: key }]);
      }
      return;
    }
    if (Array.isArray(value)) {
      const indices = [...new Set([0, 1, value.length - 1])].filter(
        (i) => i >= 0 && i < value.length,
      );
      for (const i of indices) visit(value[i], [...path, i]);
      return;
    }
    if (isPlainish(value)) {
      for (const key of Object.keys(value)) visit(value[key], [...path, key]);
    }
  };
  for (let i = 0; i < args.length; i++) visit(args[i], [i]);
  // One past the end of the argument list: an extra argument.
  out.push([args.length]);
  return out;
}

/** The value at `path` (undefined when absent). */
export function getAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const step of path) {
    if (typeof step === "object") {
      if (!(value instanceof Map)) return undefined;
      if ("mapKeyOf" in step) return step.mapKeyOf;
      value = value.get(step.mapKey);
    } else {
      value = (value as Record<PropertyKey, unknown> | undefined)?.[step];
    }
  }
  return value;
}

/**
 * A copy of `root` with the value at `path` replaced by `replacement`; containers along the path
 * are shallow-copied, the rest is shared (seeds are built fresh per case anyway).
 */
export function setAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0)
    return replacement instanceof TwoFaced ? replacement.original : replacement;
  const [step, ...rest] = path as [Step, ...Step[]];
  // A path through a value an earlier substitution replaced: nothing left to replace.
  if (
    typeof step === "object" ? !(root instanceof Map) : typeof root !== "object" || root === null
  ) {
    return root;
  }
  // …or through an array of huge length an earlier substitution made: never copy 2^32 slots.
  if (Array.isArray(root) && root.length > 100_000) return root;
  if (typeof step === "object") {
    const map = root as Map<unknown, unknown>;
    const copy = new Map<unknown, unknown>();
    if ("mapKeyOf" in step) {
      for (const [k, v] of map) copy.set(k === step.mapKeyOf ? replacement : k, v);
      return copy;
    }
    for (const [k, v] of map) copy.set(k, k === step.mapKey ? setAt(v, rest, replacement) : v);
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = Array.isArray(root)
    ? ([...root] as unknown as Record<PropertyKey, unknown>)
    : { ...(root as Record<PropertyKey, unknown>) };
  if (rest.length === 0 && replacement instanceof TwoFaced) {
    let reads = 0;
    Object.defineProperty(copy, step, {
      get: () => (reads++ === 0 ? replacement.original : replacement.then),
      enumerable: true,
      configurable: true,
    });
    return copy;
  }
  copy[step] = setAt((root as Record<PropertyKey, unknown>)[step], rest, replacement);
  return copy;
}

/** Printable path. */
export function pathLabel(path: Path): string {
  return path
    .map((step) =>
      typeof step === "object"
        ? "mapKey" in step
          ? `{${describe(step.mapKey)}}`
          : `{key ${describe(step.mapKeyOf)}}`
        : typeof step === "number"
          ? `[${step}]`
          : `.${String(step)}`,
    )
    .join("");
}

/** Where a non-finite number hides in a result (deep), or undefined if none. */
export function nonFinitePath(
  value: unknown,
  seen = new Set<unknown>(),
  at = "",
): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${at} = ${value}`;
  if (typeof value !== "object" || value === null) return undefined;
  if (seen.has(value)) return undefined;
  seen.add(value);
  if (isDecimalLike(value)) {
    return (value as { isFinite(): boolean }).isFinite()
      ? undefined
      : `${at} = Decimal ${String(value)}`;
  }
  if (value instanceof Date) {
    // A Proxy of a Date (passed through unchanged, e.g. by toPlainData) is not a Date to getTime.
    let time: number;
    try {
      time = Date.prototype.getTime.call(value);
    } catch {
      return undefined;
    }
    return Number.isNaN(time) ? `${at} = Invalid Date` : undefined;
  }
  if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === "number" && !Number.isFinite(item)) return `${at}[${i}] = ${item}`;
    }
    return undefined;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      // Keys are the caller's ids, echoed back; only the values are the library's numbers.
      const found = nonFinitePath(v, seen, `${at}{${describe(k)}}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value instanceof Set) {
    for (const v of value) {
      const found = nonFinitePath(v, seen, `${at}{set}`);
      if (found) return found;
    }
    return undefined;
  }
  if (Array.isArray(value) && value.length > 100_000) return undefined;
  for (const key of Object.keys(value)) {
    const found = nonFinitePath((value as Record<string, unknown>)[key], seen, `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function isDecimalLike(value: object): boolean {
  const candidate = value as { toStringTag?: unknown; isFinite?: unknown };
  return candidate.toStringTag === DECIMAL_TAG && typeof candidate.isFinite === "function";
}

/**
 * A canonical serialisation of a result: decimals by their exact string, numbers by their shortest
 * round-trip form (with -0), dates by their epoch milliseconds, maps and sets in insertion order.
 */
export function canonical(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "function";
  if (value === null || typeof value !== "object") return String(value);
  if (seen.has(value)) return "[cycle]";
  seen.add(value);
  try {
    if (isDecimalLike(value)) return `D(${String(value)})`;
    if (value instanceof Date) return `Date(${value.getTime()})`;
    if (ArrayBuffer.isView(value)) {
      return `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>, (x) => canonical(x)).join(",")}]`;
    }
    if (value instanceof Map) {
      return `Map{${[...value].map(([k, v]) => `${canonical(k, seen)}=>${canonical(v, seen)}`).join(",")}}`;
    }
    if (value instanceof Set) return `Set{${[...value].map((v) => canonical(v, seen)).join(",")}}`;
    if (Array.isArray(value)) {
      // The caller's own huge-length arrays come back as Map keys: never iterate 2^32 slots.
      if (value.length > 100_000) return `array(${value.length})`;
      return `[${value.map((v) => canonical(v, seen)).join(",")}]`;
    }
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], seen)}`)
      .join(",")}}`;
  } finally {
    seen.delete(value);
  }
}

/** What the prototypes look like: own keys and their values. */
export function prototypeSnapshot(): string {
  const protos: [string, object][] = [
    ["Object", Object.prototype],
    ["Array", Array.prototype],
    ["Function", Function.prototype],
    ["Map", Map.prototype],
    ["String", String.prototype],
    ["Number", Number.prototype],
  ];
  return protos
    .map(
      ([name, proto]) =>
        `${name}:${Reflect.ownKeys(proto)
          .map((key) => {
            const d = Object.getOwnPropertyDescriptor(proto, key);
            const v = d && "value" in d ? d.value : d?.get;
            return `${String(key)}=${typeof v === "function" ? v.name : describe(v)}`;
          })
          .join(",")}`,
    )
    .join("\n");
}

/** Removes every own key added to Object/Array.prototype since `before` (so a sweep can go on). */
export function restorePrototypes(keysBefore: Map<object, Set<PropertyKey>>): string[] {
  const removed: string[] = [];
  for (const [proto, keys] of keysBefore) {
    for (const key of Reflect.ownKeys(proto)) {
      if (!keys.has(key)) {
        removed.push(String(key));
        Reflect.deleteProperty(proto, key);
      }
    }
  }
  return removed;
}

/** The own keys of the prototypes we guard, for {@link restorePrototypes}. */
export function prototypeKeys(): Map<object, Set<PropertyKey>> {
  return new Map(
    [Object.prototype, Array.prototype, Function.prototype, Map.prototype].map(
      (proto) => [proto, new Set(Reflect.ownKeys(proto))] as const,
    ),
  );
}

/** The outcome of one call. */
export interface Outcome {
  /** `"ok"` or the thrown error's constructor name. */
  readonly kind: string;
  readonly value?: unknown;
  readonly error?: unknown;
  readonly ms: number;
}

/** Calls `fn(...args)` and records what happened. */
export function runCall(fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Outcome {
  const start = performance.now();
  try {
    const value = fn(...args);
    return { kind: "ok", value, ms: performance.now() - start };
  } catch (error) {
    const name = error instanceof Error ? error.constructor.name : `non-Error ${describe(error)}`;
    return { kind: name, error, ms: performance.now() - start };
  }
}

/** Safe text of a thrown error (never throws). */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : describe(error);
  } catch {
    return "?";
  }
}
