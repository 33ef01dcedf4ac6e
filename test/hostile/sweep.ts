/**
 * The hostile sweeps over every export of `src/index.ts`.
 *
 * - {@link fixedSweep}: each seed call of {@link VALID_CALLS} with every value inside it replaced,
 *   one at a time, by each of a fixed small set of hostile values (the fast suite,
 *   test/edges/errors.test.ts).
 * - {@link randomSweep}: fast-check with a fixed seed draws, per export, a seed call and one to
 *   three substitutions, each a hostile value from {@link HOSTILE_VALUES} or an arbitrary value
 *   from fast-check (`anything`, doubles, BigInts, strings, dates); the slow suite runs it in two
 *   processes with different `TZ` and compares the digests (test/slow/hostile.test.ts).
 *
 * Per call: the call returns, or throws only `InvalidInputError` / `ModelFitError`; no message
 * issue is a bare "Invalid input"; no returned number (deep, typed arrays, Decimals) is
 * non-finite; no call takes over 2 s; `Object.prototype` and `Array.prototype` are untouched.
 */
import fc from "fast-check";
import {
  canonical,
  describe,
  errorText,
  getAt,
  HOSTILE_VALUES,
  type Hostile,
  nonFinitePath,
  type Path,
  pathLabel,
  pathsOf,
  prototypeKeys,
  restorePrototypes,
  runCall,
  setAt,
} from "./engine.js";
import { KNOWN_FAILURES, type KnownFailure } from "./knownFailures.js";
import { VALID_CALLS } from "./validCalls.js";

/** The longest a single call may take. */
export const MAX_CALL_MS = 2000;

/** The public API as a table of functions. */
export type Api = Record<string, unknown>;

/** One broken promise. */
export interface Violation {
  readonly export: string;
  readonly kind: "error type" | "vague message" | "non-finite" | "slow" | "prototype";
  /** The call: `export#seed path := value`. */
  readonly label: string;
  readonly detail: string;
}

/** What a sweep found. */
export interface SweepReport {
  /** Violations not covered by {@link KNOWN_FAILURES}. */
  readonly violations: Violation[];
  /** Violations covered by a known failure, by the known failure's reproducer. */
  readonly known: Map<KnownFailure, Violation[]>;
  /** Calls not run because a known failure hangs or kills the process. */
  readonly skipped: number;
  /** Calls made. */
  readonly calls: number;
  /** One canonical line per call: the label and what came back. */
  readonly digest: string[];
}

/** The exported functions the sweeps call (the two error classes are constructors, not calls). */
export function sweptExports(api: Api): string[] {
  return Object.keys(api)
    .filter((name) => typeof api[name] === "function" && !/Error$/.test(name))
    .sort();
}

/** A mutation: the value at `path` (chosen modulo the seed's paths) becomes `hostile`. */
interface Mutation {
  readonly pathIndex: number;
  readonly hostile: Hostile;
}

function newReport(): SweepReport {
  return { violations: [], known: new Map(), skipped: 0, calls: 0, digest: [] };
}

function knownFor(name: string, label: string): KnownFailure | undefined {
  return KNOWN_FAILURES.find((k) => k.export === name && k.matches(label));
}

/** Runs one call, checks it, and records the outcome in `report`. */
function check(
  report: SweepReport,
  api: Api,
  name: string,
  label: string,
  build: () => unknown[],
  progress?: (label: string) => void,
): void {
  const known = knownFor(name, label);
  if (known?.skip) {
    (report as { skipped: number }).skipped++;
    report.digest.push(`${label} → skipped (known: ${known.reproducer})`);
    return;
  }
  progress?.(label);
  const args = build();
  const keys = prototypeKeys();
  const outcome = runCall(api[name] as (...args: unknown[]) => unknown, args);
  (report as { calls: number }).calls++;
  const found: Violation[] = [];
  const polluted = restorePrototypes(keys);
  if (polluted.length > 0) {
    found.push({ export: name, kind: "prototype", label, detail: `added ${polluted.join(", ")}` });
  }
  if (outcome.ms > MAX_CALL_MS) {
    found.push({ export: name, kind: "slow", label, detail: `${outcome.ms.toFixed(0)} ms` });
  }
  if (outcome.kind === "ok") {
    const bad = nonFinitePath(outcome.value);
    if (bad !== undefined) found.push({ export: name, kind: "non-finite", label, detail: bad });
    let text: string;
    try {
      text = canonical(outcome.value);
    } catch (error) {
      text = `unserialisable (${errorText(error)})`;
    }
    report.digest.push(`${label} → ok ${text}`);
  } else {
    const message = errorText(outcome.error);
    report.digest.push(`${label} → ${outcome.kind}: ${message}`);
    if (outcome.kind !== "InvalidInputError" && outcome.kind !== "ModelFitError") {
      found.push({
        export: name,
        kind: "error type",
        label,
        detail: `${outcome.kind}: ${message.slice(0, 200)}`,
      });
    } else if (outcome.kind === "InvalidInputError") {
      const issues = (outcome.error as { issues: readonly { message: string; path: unknown[] }[] })
        .issues;
      for (const issue of issues) {
        if (/^\s*Invalid input\s*$/.test(issue.message)) {
          found.push({
            export: name,
            kind: "vague message",
            label,
            detail: `"${issue.message}" at ${issue.path.map((p) => describe(p)).join(".")}`,
          });
        }
      }
    }
  }
  for (const violation of found) {
    if (known) {
      const list = report.known.get(known) ?? [];
      list.push(violation);
      report.known.set(known, list);
    } else {
      report.violations.push(violation);
    }
  }
}

/**
 * The fixed hostile values of the fast sweep: one of each kind the issue lists (the full list is
 * {@link HOSTILE_VALUES}, which the random sweep draws from).
 */
export const FAST_HOSTILE_LABELS: readonly string[] = [
  "null",
  "undefined",
  "NaN",
  "-Infinity",
  "-0",
  "1e308",
  "5e-324",
  "-1",
  "10n**30n",
  "Symbol",
  "string 100k",
  '"__proto__"',
  "{}",
  "Date(max)",
  '"0000-01-01"',
  "duck Decimal",
  "array with holes",
  "array length 2**32-1",
  "proxy",
  "extra key",
  "getter→null",
];

const FAST_HOSTILE = FAST_HOSTILE_LABELS.map((label) => {
  const hostile = HOSTILE_VALUES.find((h) => h.label === label);
  if (!hostile) throw new Error(`no hostile value ${label}`);
  return hostile;
});

/**
 * Every export × every seed call × every path × each value of {@link FAST_HOSTILE_LABELS}.
 * `only` restricts the exports (for debugging).
 */
export function fixedSweep(
  api: Api,
  only?: readonly string[],
  progress?: (label: string) => void,
): SweepReport {
  const report = newReport();
  for (const name of sweptExports(api)) {
    if (only && !only.includes(name)) continue;
    // The first seed call of each export: the others differ in options the random sweep reaches.
    const seeds = (VALID_CALLS[name] ?? []).slice(0, 1);
    seeds.forEach((seed, s) => {
      for (const path of pathsOf(seed(api))) {
        for (const hostile of FAST_HOSTILE) {
          const label = `${name}#${s} ${pathLabel(path)} := ${hostile.label}`;
          check(report, api, name, label, () => substitute(seed(api), path, hostile), progress);
        }
      }
    });
  }
  return report;
}

function substitute(args: unknown[], path: Path, hostile: Hostile): unknown[] {
  return setAt(args, path, hostile.make(getAt(args, path))) as unknown[];
}

/** A hostile value drawn by fast-check: a named one, or an arbitrary value. */
const hostileArbitrary: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  {
    weight: 1,
    arbitrary: fc
      .anything({
        maxDepth: 2,
        withBigInt: true,
        withDate: true,
        withNullPrototype: true,
        withSparseArray: true,
      })
      .map((value) => ({ label: describe(value), make: () => value })),
  },
  {
    weight: 1,
    arbitrary: fc.double().map((value) => ({ label: describe(value), make: () => value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -(2 ** 40), max: 2 ** 40 })
      .map((value) => ({ label: describe(value), make: () => value })),
  },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: false }).map((value) => ({
      label: `Date(${value.getTime()})`,
      make: () => new Date(value.getTime()),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 30 })
      .map((value) => ({ label: describe(value), make: () => value })),
  },
);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  pathIndex: fc.nat(),
  hostile: hostileArbitrary,
});

/**
 * `runsPerExport` fast-check cases per export, drawn with `seed`: a seed call of the export and
 * one to three substitutions. Deterministic for a given seed (labels and digests included).
 */
export function randomSweep(
  api: Api,
  seed: number,
  runsPerExport: number,
  progress?: (label: string) => void,
  only?: readonly string[],
): SweepReport {
  const report = newReport();
  sweptExports(api).forEach((name, k) => {
    if (only && !only.includes(name)) return;
    const seeds = VALID_CALLS[name] ?? [];
    if (seeds.length === 0) return;
    const cases = fc.sample(
      fc.record({
        seedIndex: fc.nat(seeds.length - 1),
        mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
      }),
      { seed: seed + k, numRuns: runsPerExport },
    );
    cases.forEach((c, i) => {
      const build = seeds[c.seedIndex]!;
      const base = build(api);
      const paths = pathsOf(base);
      const chosen = c.mutations.map((m) => ({
        path: paths[m.pathIndex % paths.length]!,
        hostile: m.hostile,
      }));
      const label = `${name}#${c.seedIndex}/${i} ${chosen
        .map((m) => `${pathLabel(m.path)} := ${m.hostile.label}`)
        .join("; ")}`;
      check(
        report,
        api,
        name,
        label,
        () => {
          let args = build(api);
          for (const m of chosen) args = substitute(args, m.path, m.hostile);
          return args;
        },
        progress,
      );
    });
  });
  return report;
}

/** Violations as readable lines. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.kind}: ${v.label} — ${v.detail}`).join("\n");
}
