/**
 * No prototype pollution, and no object-literal lookup by a user string.
 *
 * 1. The reproducer: a stored recovery plan whose `entries[0].tier` is `"__proto__"` made
 *    recoveryPlanSummary set `Object.prototype.customers = NaN`.
 * 2. Every export that takes user strings (customer ids, segment and rule names, tiers, cohort and
 *    attribute labels, offer names) is called with the names of `Object.prototype`'s members as
 *    those strings: the results must be right and `Object.prototype` untouched.
 * 3. A static check: with the TypeScript type checker, every computed property access in `src/`
 *    whose key is a string (`obj[key]`, `key in obj`) is listed, and each must be on a reviewed
 *    allowlist that says why its key can never come from input. A new lookup keyed by a user string
 *    fails this test until it is replaced by a `Map`, a constant list (`indexOf`) or a validated
 *    enum — or reviewed and added here with its reason.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  churnRate,
  compareOffers,
  customerValueMatrix,
  InvalidInputError,
  indexByCustomerId,
  kanoClassify,
  loyaltyMatrix,
  portfolioMatrix,
  prioritizeRecovery,
  type RecoveryPlan,
  recoveryPlanSummary,
  rfmScores,
  rfmTable,
  satisfactionLoyaltySegment,
  segmentMigration,
  segmentSummary,
  splitCalibrationHoldout,
  summarizeTransactions,
  targetCustomerGrid,
  valueMatrix,
} from "../../src/index.js";
import { expectInvalidAt } from "../expectInvalidAt.js";

/** Strings that name members of Object.prototype (and the prototype itself). */
const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
  "prototype",
] as const;

/** Own keys and descriptors of the built-in prototypes, to compare before and after. */
function prototypes(): unknown {
  return [Object.prototype, Array.prototype, Function.prototype].map((proto) => [
    Object.getPrototypeOf(proto),
    Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]),
  ]);
}

/** Runs `run` and asserts that no built-in prototype changed. */
function untouched<T>(run: () => T): T {
  const before = prototypes();
  try {
    return run();
  } finally {
    expect(prototypes()).toEqual(before);
    expect(({} as Record<string, unknown>).customers).toBeUndefined();
  }
}

const plan: RecoveryPlan = prioritizeRecovery(
  [
    { customerId: "A", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
    { customerId: "B", value: 800, cause: "third-party", cost: 50, winBackProbability: 0.3 },
    { customerId: "C", value: 40, cause: "unknown", cost: 20, winBackProbability: 0.2 },
  ],
  { keyValue: 1000, smallValue: 100 },
);

describe("recoveryPlanSummary never uses a tier or action as a key", () => {
  it('the reproducer: a stored plan with tier "__proto__" is an error and pollutes nothing', () => {
    const stored = JSON.parse(JSON.stringify(plan)) as { entries: Record<string, unknown>[] };
    stored.entries[0]!.tier = "__proto__";
    untouched(() =>
      expectInvalidAt(() => recoveryPlanSummary(stored as never), ["plan", "entries", 0, "tier"]),
    );
  });

  for (const name of HOSTILE) {
    it(`tier or action ${JSON.stringify(name)}`, () => {
      for (const field of ["tier", "action"] as const) {
        // Through JSON, so that "__proto__" is an own property as a parsed upload would have it.
        const stored = JSON.parse(
          JSON.stringify(plan).replace(
            `"${field}":"${plan.entries[1]![field]}"`,
            `"${field}":"${name}"`,
          ),
        ) as unknown;
        const error = untouched(() =>
          expectInvalidAt(
            () => recoveryPlanSummary(stored as never),
            ["plan", "entries", 1, field],
          ),
        );
        expect(error.message).toContain("Expected one of");
      }
    });
  }

  it("a stored plan (JSON round trip, money as strings) gives the same summary", () => {
    const stored = JSON.parse(JSON.stringify(plan)) as RecoveryPlan;
    expect(JSON.stringify(recoveryPlanSummary(stored))).toBe(
      JSON.stringify(recoveryPlanSummary(plan)),
    );
    expect(recoveryPlanSummary(stored).byTier.key.customerCount).toBe(1);
  });

  it("malformed entries are InvalidInputErrors with the entry's path", () => {
    const entries = plan.entries.map((e) => ({ ...e }));
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [null] } as never),
      ["plan", "entries", 0],
    );
    expectInvalidAt(
      () =>
        recoveryPlanSummary({ ...plan, entries: [{ ...entries[0]!, selected: "yes" }] } as never),
      ["plan", "entries", 0, "selected"],
    );
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [{ ...entries[0]!, cost: "12,5" }] } as never),
      ["plan", "entries", 0, "cost"],
    );
    expectInvalidAt(() => recoveryPlanSummary(null as never), ["plan", "entries"]);
  });
});

describe("user strings that name Object.prototype members are ordinary strings", () => {
  for (const name of HOSTILE) {
    it(JSON.stringify(name), () => {
      untouched(() => {
        // Transaction logs: the id comes back as given, with its own totals.
        const log = JSON.parse(
          JSON.stringify([
            { customerId: name, date: "2024-01-02", amount: "10.50" },
            { customerId: "x", date: "2024-01-03", amount: 1 },
            { customerId: name, date: "2024-01-09", amount: "4.50" },
          ]),
        ) as never;
        const rows = summarizeTransactions(log, { unit: "day", observationEnd: "2024-01-31" });
        expect(rows.map((r) => [r.customerId, r.totalSpend.toString()])).toEqual([
          [name, "15"],
          ["x", "1"],
        ]);
        const split = splitCalibrationHoldout(log, {
          unit: "day",
          calibrationEnd: "2024-01-05",
          observationEnd: "2024-01-31",
        });
        expect(split[0]!.customerId).toBe(name);
        expect(split[0]!.holdoutSpend.toString()).toBe("4.5");
        const table = rfmTable(log, { asOf: "2024-01-31" });
        const tableById = indexByCustomerId(table);
        expect(tableById.get(name)?.purchases).toBe(2);
        expect(tableById.get(name === "toString" ? "valueOf" : "toString")).toBeUndefined();
        expect(tableById.has("constructor")).toBe(name === "constructor");

        // Scores and segments keyed by the name; rule names and the fallback name are the name.
        const scores = rfmScores(
          [
            { customerId: name, daysSinceLastPurchase: 1, purchases: 5, totalSpend: 100 },
            { customerId: "y", daysSinceLastPurchase: 30, purchases: 1, totalSpend: 5 },
          ],
          { bins: 2 },
        );
        expect(indexByCustomerId(scores.scores).get(name)?.rfmCode).toBe("222");
        const segments = assignSegments(scores.scores, {
          rules: [{ name, codes: ["222"] }],
          otherName: name === "valueOf" ? "toString" : "valueOf",
        });
        expect(segments).toEqual([
          { customerId: name, segment: name },
          { customerId: "y", segment: name === "valueOf" ? "toString" : "valueOf" },
        ]);
        const summary = segmentSummary(
          [
            { customerId: "a", segment: name },
            { customerId: "b", segment: name },
            { customerId: "c", segment: "other" },
          ],
          [
            { customerId: "a", daysSinceLastPurchase: 1, purchases: 2, totalSpend: "10" },
            { customerId: "b", daysSinceLastPurchase: 3, purchases: 4, totalSpend: "20" },
            { customerId: "c", daysSinceLastPurchase: 5, purchases: 6, totalSpend: "30" },
          ],
        );
        expect(summary.map((r) => [r.segment, r.customerCount, r.totalSpend.toString()])).toEqual([
          [name, 2, "30"],
          ["other", 1, "30"],
        ]);
        const migration = segmentMigration(
          [
            { customerId: name, segment: name },
            { customerId: "b", segment: "B" },
          ],
          [
            { customerId: name, segment: "B" },
            { customerId: "c", segment: name },
          ],
          { enteredName: name, leftName: name === "constructor" ? "toString" : "constructor" },
        );
        const cell = (from: string, to: string) =>
          migration.transitions.find((t) => t.from === from && t.to === to)?.customerCount;
        expect(cell(name, "B")).toBe(1);
        expect(cell(name, name)).toBe(1);
        expect(migration.before.find((b) => b.segment === name)?.customerCount).toBe(2);

        // Recovery: a hostile id is returned as given.
        const recovery = prioritizeRecovery(
          [{ customerId: name, value: 10, cause: "own", cost: 1, winBackProbability: 0.5 }],
          { keyValue: 5, smallValue: 1 },
        );
        expect(recovery.entries[0]!.customerId).toBe(name);
        expect(recoveryPlanSummary(recovery).byTier.key.customerCount).toBe(1);

        // Labels: Kano attributes, churn cohorts, offer names.
        const kano = kanoClassify([
          { attribute: name, functional: "like", dysfunctional: "dislike" },
          { attribute: name, functional: "like", dysfunctional: "dislike" },
        ]);
        expect(kano.attributes.map((a) => [a.attribute, a.responseCount])).toEqual([[name, 2]]);
        const churn = churnRate(
          [
            { acquiredAt: "2024-01-01", cohort: name },
            { acquiredAt: "2024-01-01", churnedAt: "2024-05-01", cohort: name },
          ],
          { periodStart: "2024-04-01", periodEnd: "2024-06-30" },
        );
        expect(churn.churnRate).toBe(0.5);
        expect(churn.byCohort.map((c) => c.cohort)).toEqual([name]);
        expect(churn.byCohort[0]?.churnRate).toBe(0.5);
        const offers = compareOffers([
          { name, productValue: 200, monetaryCost: 100 },
          { name: "plain", productValue: 100, monetaryCost: 100 },
        ]);
        expect(offers.best).toBe(name);

        // Matrices and satisfaction segments keyed by customer id.
        expect(
          valueMatrix([
            { customerId: name, current: 100, potential: 900 },
            { customerId: "b", current: 500, potential: 50 },
          ]).placements[0],
        ).toEqual({ customerId: name, cell: "II", policy: expect.any(String) });
        expect(
          indexByCustomerId(
            customerValueMatrix([
              { customerId: name, purchases: 10, averageSpend: 50 },
              { customerId: "b", purchases: 2, averageSpend: 200 },
            ]).placements,
          ).has(name),
        ).toBe(true);
        expect(
          portfolioMatrix([{ customerId: name, potentialVolume: 9e4, relationshipStrength: 0.7 }], {
            potentialVolume: 1000,
            relationshipStrength: 0.5,
          }).placements[0]?.cell,
        ).toBe("Star");
        expect(
          targetCustomerGrid([{ customerId: name, totalCost: 100, demand: 9000 }], {
            totalCost: [300, 600],
            demand: [1000, 5000],
          }).placements[0],
        ).toEqual({ customerId: name, cost: "low", demand: "large", target: "key target" });
        expect(
          satisfactionLoyaltySegment([
            { customerId: name, satisfaction: 5, loyalty: 5 },
            { customerId: "d", satisfaction: 1, loyalty: 1 },
          ]).segments[0],
        ).toEqual({ customerId: name, segment: "apostle" });
        expect(
          loyaltyMatrix(
            [
              { customerId: name, relativeAttitude: 6, repeatPatronage: 0.8 },
              { customerId: "d", relativeAttitude: 2, repeatPatronage: 0.2 },
            ],
            { attitudeThreshold: 4, patronageThreshold: 0.5 },
          ).segments[0],
        ).toEqual({ customerId: name, segment: "loyalty" });
      });
    });
  }

  it('option objects with an own "__proto__" key (as JSON.parse makes them) are rejected, not merged', () => {
    untouched(() => {
      const policies = JSON.parse('{"__proto__": {"customers": 1}, "I": "keep"}') as never;
      const error = (() => {
        try {
          valueMatrix([{ customerId: "a", current: 1, potential: 2 }], { policies });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidInputError);
    });
  });
});

// --- Static check -----------------------------------------------------------------------------

/**
 * Reviewed computed lookups whose key is a string, by file and the object expression. Each key is an
 * internal constant or a value validated against a constant list before the lookup — never a raw
 * user string. Keep reasons short and true; remove an entry when its lookup goes.
 */
const REVIEWED: Record<string, string> = {
  "src/charts/matrixPolicyCharts.ts: result.counts": "cell from the constant grid layout",
  "src/charts/matrixPolicyCharts.ts: result.policies": "cell from the constant grid layout",
  "src/core/units.ts: FIXED_DAYS": "indexed by a TimeUnit narrowed to day | week",
  "src/core/units.ts: MONTHS": "indexed by a TimeUnit narrowed to month | quarter | year",
  "src/core/toPlainData.ts: (value as Record<string, unknown>)":
    "reads an own key of the caller's value (from Object.keys); the copy is written with defineProperty",
  "src/math/optimize.ts: REASONS": "stop reason is an internal StopReason code",
  "src/models/predictions/kernels.ts: q": 'name is the constant "a" or "b"',
  "src/churn/prioritizeRecovery.ts: base": "cause keys iterated from the constant CAUSES",
  "src/churn/prioritizeRecovery.ts: TIER_ORDER": "tier of the constant OUTCOMES table",
  "src/models/fit.ts: options.initial": "reads a model parameter name from the constant list",
  "src/satisfaction/kanoClassify.ts: tally": "category from the constant Kano table",
  "src/satisfaction/kanoClassify.ts: t": "category constants of the Kano table",
  "src/satisfaction/raterIndex.ts: read": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/raterIndex.ts: values": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/raterIndex.ts: rescaled": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/satisfactionIndicators.ts: counts": "one of four constant field names",
  "src/satisfaction/loyaltyType.ts: row": "driver name from the constant OPTIONAL_DRIVERS",
  "src/satisfaction/loyaltyType.ts: d": "driver name from the constant OPTIONAL_DRIVERS",
  "src/satisfaction/satisfactionLoyaltySegment.ts: o": "one of the two constant threshold names",
  "src/satisfaction/raterIndex.ts: weights": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/satisfactionLoyaltySegment.ts: counts": "segment computed by the rules",
  "src/satisfaction/servqualResponses.ts: map": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/servqualGaps.ts: weights": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/rater.ts: weights": "dimension from the constant RATER_DIMENSIONS",
  "src/satisfaction/rowFields.ts: row": "field name from the callers' constant field lists",
  "src/segmentation/targetCustomerGrid.ts: counts": "target class from the validated cell map",
  "src/segmentation/rfmScoresInput.ts: o.thresholds": "the three constant measure names",
  "src/segmentation/targetCustomerGrid.ts: cells": "level computed from the constant COST list",
  "src/segmentation/targetCustomerGrid.ts: cells[cost]":
    "level computed from the constant DEMAND list",
  "src/transactions/splitCalibrationHoldout.ts: FIXED_UNIT_DAYS": "unit validated by a zod enum",
  "src/transactions/logOptions.ts: FIXED_UNIT_DAYS": "unit validated by a zod enum",
  "src/transactions/summarizeLog.ts: FIXED_UNIT_DAYS": "unit validated by a zod enum",
  "src/value/deliveredValue.ts: components": "keys of the constant COMPONENT_KEYS",
  "src/value/deliveredValue.ts: parsed": "keys of the constant COMPONENT_KEYS",
  "src/value/lifetimeValueSensitivity.ts: elasticities": "driver from the constant DRIVERS",
};

/** Every `obj[key]` and `key in obj` in src/ whose key is typed as a string (not a literal). */
function stringKeyedLookups(): { where: string; object: string; text: string }[] {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(root, "src"));
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const stringLike = (type: ts.Type): boolean =>
    type.isUnion()
      ? type.types.some(stringLike)
      : (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
  const found: { where: string; object: string; text: string }[] = [];
  for (const source of program.getSourceFiles()) {
    if (!files.includes(source.fileName) && !files.includes(join(source.fileName))) continue;
    const file = relative(root, source.fileName).split("\\").join("/");
    const record = (node: ts.Node, object: ts.Node, key: ts.Expression): void => {
      if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return;
      if (!stringLike(checker.getTypeAtLocation(key))) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push({
        where: `${file}:${line + 1}`,
        object: `${file}: ${object.getText()}`,
        text: node.getText(),
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isElementAccessExpression(node)) {
        record(node, node.expression, node.argumentExpression);
      } else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.InKeyword
      ) {
        record(node, node.right, node.left);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("static check: no computed lookup by a user string in src/", () => {
  it("every string-keyed lookup is reviewed (replace new ones by a Map, a constant list or an enum)", () => {
    const found = stringKeyedLookups();
    // The check sees what it should: the lookups it guards against are of this shape.
    expect(found.length).toBeGreaterThan(10);
    const unreviewed = found.filter((f) => REVIEWED[f.object] === undefined);
    expect(unreviewed.map((f) => `${f.where}  ${f.text}`)).toEqual([]);
    const stale = Object.keys(REVIEWED).filter((key) => !found.some((f) => f.object === key));
    expect(stale).toEqual([]);
  });
});
