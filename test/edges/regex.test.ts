/**
 * No ReDoS: every regular expression in `src/` runs in linear time. The test finds
 * the regular expressions by parsing every source file (a new one is covered automatically; a
 * `RegExp` built at run time is refused, since it cannot be checked here), then runs each against
 * adversarial strings of 100,000 characters — runs of one or two characters after prefixes that
 * match the start of the library's grammars (amounts, dates, RFM codes) and before a bad last
 * character, the shape that makes an ambiguous pattern backtrack quadratically. Each rejection
 * must take under 50 ms: a linear pattern needs well under 1 ms here, a quadratic one seconds
 * (the money pattern before the fix took ~60 s on 100,000 nines and an "x"; the control below shows
 * the harness catches it).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isDecimalString, moneyProblem } from "../../src/core/money.js";
import { isoDayNumber, parseCivilDay, parseInstant } from "../../src/core/time.js";
import { readScaledAmount } from "../../src/internal/fast/scaledAmount.js";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src");
const LENGTH = 100_000;
const LIMIT_MS = 50;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

/** Every regular expression literal in src/, and every place a RegExp is built at run time. */
function findRegexes(): { literals: Found[]; dynamic: string[] } {
  const literals: Found[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const where = `${file.slice(SRC.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const end = literal.lastIndexOf("/");
        literals.push({ where, regex: new RegExp(literal.slice(1, end), literal.slice(end + 1)) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "RegExp"
      ) {
        dynamic.push(where);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** Prefixes that match the start of the library's grammars, so a pattern gets past its anchor. */
const PREFIXES = [
  "",
  "1",
  "-1",
  "1.",
  ".1",
  "1e",
  "1e+",
  "2024",
  "2024-",
  "2024-01-01",
  "2024-01-01T",
  "2024-01-01T10:",
  "2024-01-01T10:00",
  "2024-01-01T10:00:00",
  "2024-01-01T10:00:00.",
  "2024-01-01T10:00:00+",
  "20240101",
  "20240101T",
  "20240101T1000",
  "20240101T100000",
  "20240101T100000.",
  "20240101T100000+",
  "34",
];
/** Units repeated to fill 100,000 characters. */
const UNITS = [
  "9",
  "0",
  ".",
  "-",
  "+",
  "e",
  ":",
  "T",
  " ",
  "Z",
  "a",
  "1.",
  "1e",
  "0:",
  "00-",
  "9.",
];
/** Last characters that make the whole string fail. */
const ENDINGS = ["x", "", "\n", "-"];

function* adversarialInputs(): Generator<string> {
  for (const prefix of PREFIXES) {
    for (const unit of UNITS) {
      const run = unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
      for (const ending of ENDINGS) yield prefix + run + ending;
    }
  }
}

/**
 * The slowest of `run` over every adversarial input: [milliseconds, input]. Each input is timed
 * three times and its fastest time kept, so that a garbage collection or another process on a
 * busy machine does not count (a quadratic pattern is slow every time).
 */
function slowest(run: (input: string) => unknown): [number, string] {
  let worst: [number, string] = [0, ""];
  for (const input of adversarialInputs()) {
    input.charCodeAt(input.length - 1); // flatten the concatenation before timing
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3 && best >= 1; k++) {
      const started = performance.now();
      run(input);
      best = Math.min(best, performance.now() - started);
    }
    if (best > worst[0]) worst = [best, input];
  }
  return worst;
}

const shown = (input: string) => `${JSON.stringify(input.slice(0, 30))}… (${input.length} chars)`;

describe("regular expressions in src/ run in linear time", () => {
  const { literals, dynamic } = findRegexes();

  it("finds the library's regular expressions, none built at run time", () => {
    // money.ts has none any more (a hand-written scanner); the dates and RFM codes keep theirs.
    expect(literals.length).toBeGreaterThanOrEqual(4);
    expect(literals.some((f) => f.where.startsWith("core/money.ts"))).toBe(false);
    expect(dynamic).toEqual([]);
  });

  it.each(literals.map((f) => [f.where, f.regex] as const))(
    "%s rejects 100,000-character adversarial strings in < 50 ms",
    (_, regex) => {
      const [ms, input] = slowest((s) => regex.exec(s));
      expect(ms, `${regex} on ${shown(input)}`).toBeLessThan(LIMIT_MS);
    },
  );

  it("the harness catches a quadratic pattern (control: the money pattern before the fix)", () => {
    const before = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    // A quarter of the length keeps the control short (~0.3 s on the 2-core machine when idle,
    // more under load) while staying well above the limit: the cost grows with the square.
    const input = `${"9".repeat(LENGTH / 4)}x`;
    const started = performance.now();
    expect(before.test(input)).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(LIMIT_MS);
  });
});

describe("the library's string readers run in linear time (or refuse long strings at once)", () => {
  const readers: readonly (readonly [string, (input: string) => unknown])[] = [
    ["moneyProblem", moneyProblem],
    ["isDecimalString", isDecimalString],
    ["readScaledAmount", (s) => readScaledAmount(s, { units: 0, scale: 0 })],
    ["isoDayNumber", isoDayNumber],
    ["parseCivilDay", (s) => parseCivilDay(s, "America/New_York")],
    ["parseInstant", (s) => parseInstant(s, "Europe/Berlin")],
  ];
  it.each(readers)("%s on 100,000-character adversarial strings: < 50 ms each", (_, read) => {
    const [ms, input] = slowest(read);
    expect(ms, shown(input)).toBeLessThan(LIMIT_MS);
  });
});
