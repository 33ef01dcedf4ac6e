import { expect } from "vitest";

/** Checks one `// =>` claim of a documentation example. */
export function __check(
  actual: () => unknown,
  source: string,
  expected: unknown,
  where: string,
): void {
  const value = actual();
  if (typeof expected === "number" && typeof value === "number") {
    const decimals = /\.(\d+)/.exec(source)?.[1]?.length ?? 0;
    const tolerance = /e/i.test(source) ? Math.abs(expected) * 1e-6 : 0.5 * 10 ** -decimals + 1e-12;
    expect(Math.abs(value - expected), `${where}: ${value} ≠ ${source}`).toBeLessThanOrEqual(
      tolerance,
    );
    return;
  }
  expect(value, `${where}: claimed ${source}`).toEqual(expected);
}
