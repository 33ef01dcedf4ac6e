/**
 * How error messages quote what they received: short, never longer than about 100 characters,
 * never by calling user code.
 * @internal
 * @module
 */

/** Longest part of a received string that a message quotes. @internal */
export const ECHO_LIMIT = 64;
/**
 * `text` itself, or its first `limit` characters and its length: `"999…"…(100001 characters)`.
 * @internal
 */
export function shorten(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…(${text.length} characters)`;
}

/**
 * A received value as an error message quotes it, never longer than about 100 characters: a
 * string in JSON quotes cut to its first {@link ECHO_LIMIT} characters plus its length
 * (`"99999…"…(100001 characters)`), a number, bigint or boolean in its usual form, anything else by
 * its type. Never throws and never calls user code (no `toString`).
 * @internal
 */
export function echo(value: unknown): string {
  if (typeof value === "string") {
    return value.length <= ECHO_LIMIT
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, ECHO_LIMIT))}…(${value.length} characters)`;
  }
  if (typeof value === "bigint") return `${shorten(String(value))}n (a BigInt)`;
  if (typeof value === "number" || typeof value === "boolean") return shorten(String(value));
  if (value === null) return "null";
  return typeof value;
}

/** How many characters of a received string an error message echoes. */
const ECHO_LENGTH = 40;

/**
 * A short description of any received value for an error message, that never throws and never
 * runs user code: no `String(value)` on objects (a `toString`, a Proxy trap or an array of length
 * 2^32 − 1 could throw or take minutes), BigInt and Symbol spelled out, strings truncated.
 * @internal
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value.toString().slice(0, ECHO_LENGTH)}n (a BigInt)`;
    case "symbol":
      return "a symbol";
    case "string":
      return value.length > ECHO_LENGTH
        ? `${JSON.stringify(value.slice(0, ECHO_LENGTH))}… (${value.length} characters)`
        : JSON.stringify(value);
    case "undefined":
    case "boolean":
      return String(value);
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return `an array of length ${value.length}`;
      if (value instanceof Date) return "a Date";
      return "an object";
  }
}
