/**
 * Read-once copies of input rows, for functions that validate a row in one pass and use it in
 * another (or read a field in several places).
 * @internal
 * @module
 */

/**
 * A copy of `rows` in which every object row is a new plain object holding `fields`, each read from
 * the caller's row exactly once (a getter cannot give the validation one value and the computation
 * another, and a re-entrant getter runs once). Absent or `undefined` fields stay absent; other
 * fields are dropped. A non-array, and a row that is not a plain object (a primitive, `null`, an
 * array), are passed on unchanged for the caller's validation to report.
 * @internal
 */
export function readFieldsOnce(rows: unknown, fields: readonly string[]): unknown {
  if (!Array.isArray(rows)) return rows;
  const list: readonly unknown[] = rows;
  const n = list.length;
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = list[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      out[i] = row;
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const field of fields) {
      const value = (row as Record<string, unknown>)[field];
      if (value !== undefined) copy[field] = value;
    }
    out[i] = copy;
  }
  return out;
}
