/**
 * What each chart shows: its inlined data follows the result it takes (counts, shares, cumulative
 * sums, cell positions), its axis titles carry the units, and bad options or non-finite values are
 * refused with an `InvalidInputError` at the right path.
 */
import { describe, expect, it } from "vitest";
import {
  customerValueMatrixChart,
  frequencyHistogramChart,
  heterogeneityChart,
  holdoutComparisonChart,
  lifetimeValueChart,
  netPromoterScoreChart,
  probabilityAlivePathChart,
  purchaseTrackingChart,
  recoveryPlanChart,
  rfmHeatmapChart,
  survivalChart,
  type VegaLiteSpec,
} from "../../src/charts/index.js";
import {
  customerValueMatrix,
  heterogeneityDensities,
  netPromoterScore,
  prioritizeRecovery,
  probabilityAlivePath,
  retentionCurve,
  rfmScores,
  rfmTable,
  survivalCurve,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowSample } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_PARETO_NBD, DONATIONS_BG_BB, sbgModel } from "../fixtures/models.js";

type Row = Record<string, unknown>;
const values = (spec: VegaLiteSpec) => (spec.data as { values: Row[] }).values;

describe("data follow the results", () => {
  it("RFM heat map: the cells' counts add up to the customers, one cell per (R, F) pair", () => {
    const table = rfmTable(cdnowSample(), { asOf: "1998-07-01" });
    const scores = rfmScores(table);
    const cells = values(rfmHeatmapChart(scores));
    expect(cells.reduce((s, c) => s + (c.customers as number), 0)).toBe(table.length);
    const pairs = new Set(scores.scores.map((s) => `${s.recencyScore},${s.frequencyScore}`));
    expect(cells).toHaveLength(pairs.size);
    const top = scores.scores.filter((s) => s.recencyScore === 5 && s.frequencyScore === 5);
    const mean = top.reduce((s, r) => s + r.monetaryScore, 0) / top.length;
    const cell = cells.find((c) => c.recencyScore === 5 && c.frequencyScore === 5)!;
    expect(cell.customers).toBe(top.length);
    expect(cell.meanMonetaryScore).toBeCloseTo(mean, 12);
  });

  it("recovery plan: cumulative spend and expected return in rank order, from (0, 0)", () => {
    const plan = prioritizeRecovery(
      [
        { customerId: "a", value: 100, cause: "own", cost: 10, winBackProbability: 0.5 },
        { customerId: "b", value: 900, cause: "unknown", cost: 30, winBackProbability: 0.5 },
        { customerId: "c", value: 50, cause: "unknown", cost: 5, winBackProbability: 0.2 },
      ],
      { budget: 40 },
    );
    const spec = recoveryPlanChart(plan);
    const rows = values(spec);
    // rank 1 is b (0.5 × 900 − 30 = 420), then a (40), then c (5)
    expect(rows.map((r) => r.customerId)).toEqual(["", "b", "a", "c"]);
    expect(rows.map((r) => r.spend)).toEqual([0, 30, 40, 45]);
    expect(rows.map((r) => r.expectedReturn)).toEqual([0, 450, 500, 510]);
    expect(rows.map((r) => r.selected)).toEqual(["start", "selected", "selected", "not selected"]);
    expect((spec.layer as Row[]).length).toBe(3); // line, points, the budget rule
    expect(JSON.stringify(spec)).toContain('"x":{"datum":40}');
  });

  it("customer value matrix: each cell at its (purchases, spend) corner with its count", () => {
    const result = customerValueMatrix([
      { customerId: "a", purchases: 9, averageSpend: "80" },
      { customerId: "b", purchases: 9, averageSpend: "10" },
      { customerId: "c", purchases: 1, averageSpend: "10" },
    ]);
    const cells = values(customerValueMatrixChart(result));
    const at = (cell: string) => cells.find((c) => c.cell === cell)!;
    expect([at("Best").x, at("Best").y, at("Best").customers]).toEqual(["high", "high", 1]);
    expect([at("Frequent").x, at("Frequent").y]).toEqual(["high", "low"]);
    expect([at("Spenders").x, at("Spenders").y, at("Spenders").customers]).toEqual([
      "low",
      "high",
      0,
    ]);
    expect((at("Uncertain").policyLines as string[]).join(" ")).toBe(result.policies.Uncertain);
  });

  it("NPS: shares of the three groups and the interval of the result", () => {
    const nps = netPromoterScore([10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5]);
    const spec = netPromoterScoreChart(nps);
    const [bars, score] = spec.vconcat as { data: { values: Row[] } }[];
    expect(bars!.data.values.map((v) => v.answers)).toEqual([3, 3, 6]);
    expect(score!.data.values).toEqual([
      { score: 25, lower: nps.confidenceInterval.lower, upper: nps.confidenceInterval.upper },
    ]);
  });

  it("survival: S(0…n) from period 0 and r(1…n) from period 1, on the sBG curves", () => {
    const model = { ...sbgModel(0.668, 3.806), unit: "year" as const };
    const spec = survivalChart({
      survival: survivalCurve(model, { periods: 4 }),
      retention: retentionCurve(model, { periods: 4 }),
      unit: "year",
    });
    const rows = values(spec);
    expect(rows.filter((r) => r.series === "survival S(t)").map((r) => r.period)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(rows.filter((r) => r.series === "retention rate r(t)").map((r) => r.period)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it("P(alive) path: every point of the path, repeat purchases marked where the count rises", () => {
    const sample = cdnowSample();
    const id = sample.find(
      (t) => sample.filter((u) => u.customerId === t.customerId).length >= 4,
    )!.customerId;
    const purchases = sample.filter((t) => t.customerId === id);
    const path = probabilityAlivePath(CDNOW_BG_NBD, purchases, { observationEnd: "1998-06-30" });
    const spec = probabilityAlivePathChart(path);
    const rows = values(spec);
    expect(rows.map((r) => [r.date, r.probabilityAlive])).toEqual(
      path.map((p) => [p.date, p.probabilityAlive]),
    );
    const marked = rows.filter((r) => r.purchase).length;
    // one mark per repeat purchase period: the path's last repeat count
    expect(marked).toBe(path.at(-1)!.frequency);
    expect(marked).toBeGreaterThan(0);
    const [line, points] = spec.layer as { encoding: Row; transform?: unknown }[];
    expect(JSON.stringify(line!.encoding)).toContain('"scale":{"domain":[0,1]}');
    expect(points!.transform).toEqual([{ filter: "datum.purchase" }]);
    expect(JSON.stringify(spec)).toContain('"type":"temporal"');
  });

  it("heterogeneity: each panel's curve is the result's grid, its rule the result's mean", () => {
    const densities = heterogeneityDensities(CDNOW_PARETO_NBD, { points: 40 });
    const spec = heterogeneityChart(densities, { unit: "week" });
    const panels = spec.hconcat as { data: { values: Row[] }; layer: { encoding: Row }[] }[];
    expect(panels).toHaveLength(2);
    for (const [i, side] of (["purchase", "dropout"] as const).entries()) {
      const d = densities[side];
      expect(panels[i]!.data.values).toEqual(d.points.map((p) => ({ ...p })));
      expect(panels[i]!.layer[1]!.encoding.x).toEqual({ datum: d.mean });
    }
    const text = JSON.stringify(spec);
    expect(text).toContain("purchase rate λ (purchases per week)");
    expect(text).toContain("drop-out rate μ (drop-outs per week)");
    // without a unit the rates say so; the BG/NBD's p and the BG/BB's need none
    expect(JSON.stringify(heterogeneityChart(densities))).toContain("per unit of time");
    const bgnbd = JSON.stringify(heterogeneityChart(heterogeneityDensities(CDNOW_BG_NBD)));
    expect(bgnbd).toContain("drop-out probability p (after each repeat purchase)");
    const bgbb = JSON.stringify(heterogeneityChart(heterogeneityDensities(DONATIONS_BG_BB)));
    expect(bgbb).toContain("purchase probability p (per opportunity)");
    expect(bgbb).toContain("drop-out probability θ (per opportunity)");
  });

  it("heterogeneity: a pole cuts the y axis at twice the 90th percentile, a smooth density does not", () => {
    // r = 0.243 < 1: λ's density has a pole at 0 (3.7e9 at the grid's first point)
    const polar = heterogeneityChart(heterogeneityDensities(CDNOW_BG_NBD, { points: 11 }));
    const purchase = (
      polar.hconcat as { data: { values: Row[] }; layer: { encoding: Row }[] }[]
    )[0]!;
    const sorted = purchase.data.values.map((v) => v.density as number).sort((a, b) => a - b);
    expect((purchase.layer[0]!.encoding.y as Row).scale).toEqual({ domain: [0, 2 * sorted[9]!] });
    // Gamma(5, 10): no pole, the whole curve
    const smooth = heterogeneityChart({
      purchase: { ...heterogeneityDensities(CDNOW_BG_NBD).purchase },
      dropout: heterogeneityDensities({
        ...CDNOW_PARETO_NBD,
        params: { r: 5, alpha: 10, s: 5, beta: 10 },
      }).dropout,
    });
    const dropout = (smooth.hconcat as { layer: { encoding: Row }[] }[])[1]!;
    expect((dropout.layer[0]!.encoding.y as Row).scale).toBeUndefined();
  });

  it("lifetime values: Decimals become numbers; interval ends become their own series", () => {
    const spec = lifetimeValueChart([{ value: 10, lower: 8, upper: 12 }, { value: 20 }]);
    expect(values(spec).map((r) => r.series)).toEqual(["value", "lower end", "upper end", "value"]);
  });
});

describe("titles and units", () => {
  const fit = {
    rows: [{ frequency: 0, label: "0", actual: 10, expected: 9.5 }],
    chiSquare: 0.03,
    degreesOfFreedom: 1,
    pValue: 0.86,
  };
  it("the caller's title and size replace the defaults", () => {
    const spec = frequencyHistogramChart(fit, { title: "Fit", width: 300, height: 200 });
    expect([spec.title, spec.width, spec.height]).toEqual(["Fit", 300, 200]);
  });
  it("the time unit reaches the axis titles", () => {
    const tracking = purchaseTrackingChart(
      [{ period: 1, expectedIncremental: 1, expectedCumulative: 1 }],
      { unit: "day" },
    );
    expect(JSON.stringify(tracking)).toContain('"title":"period (days)"');
    const spec = holdoutComparisonChart(
      {
        rows: [],
        meanAbsoluteError: 0,
        weightedMeanAbsoluteError: 0,
        totalActual: 0,
        totalExpected: 0,
      },
      { by: "recency", unit: "month" },
    );
    expect(JSON.stringify(spec)).toContain("recency in calibration (months)");
  });
});

describe("errors", () => {
  const fit = { rows: [], chiSquare: 0, degreesOfFreedom: 1, pValue: 1 };
  it("an option named after an Object.prototype member is an unknown key, not a prototype hit", () => {
    for (const key of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
      expectIssue(
        () => frequencyHistogramChart(fit, JSON.parse(`{"${key}": 1}`)),
        "frequencyHistogramChart",
        ["options", key],
        "unknown_key",
      );
    }
  });

  it("options are strict and checked", () => {
    expectIssue(
      () => frequencyHistogramChart(fit, { titel: "x" } as never),
      "frequencyHistogramChart",
      ["options", "titel"],
      "unknown_key",
    );
    expectIssue(
      () => frequencyHistogramChart(fit, { width: 0 }),
      "frequencyHistogramChart",
      ["options", "width"],
      "invalid_value",
    );
    expectIssue(
      () => frequencyHistogramChart(fit, { height: Number.NaN }),
      "frequencyHistogramChart",
      ["options", "height"],
      "invalid_value",
    );
    expectIssue(
      () => frequencyHistogramChart(fit, { title: 3 } as never),
      "frequencyHistogramChart",
      ["options", "title"],
      "invalid_value",
    );
    expectIssue(
      () =>
        holdoutComparisonChart(
          {
            rows: [],
            meanAbsoluteError: 0,
            weightedMeanAbsoluteError: 0,
            totalActual: 0,
            totalExpected: 0,
          },
          { unit: "weeks" } as never,
        ),
      "holdoutComparisonChart",
      ["options", "unit"],
      "invalid_value",
    );
    expectIssue(
      () => frequencyHistogramChart(fit, [] as never),
      "frequencyHistogramChart",
      ["options"],
      "invalid_type",
    );
  });
  it("no NaN gets in: non-finite values are refused at their path", () => {
    expectIssue(
      () => survivalChart({ survival: [1, Number.NaN], unit: "year" }),
      "survivalChart",
      ["curves", "survival", 1],
      "invalid_value",
    );
    expectIssue(() => survivalChart({ unit: "year" }), "survivalChart", ["curves"], "required");
    expectIssue(
      () => survivalChart({ survival: [1], unit: "decade" as never }),
      "survivalChart",
      ["curves", "unit"],
      "invalid_value",
    );
    expectIssue(
      () => lifetimeValueChart([1, Number.POSITIVE_INFINITY]),
      "lifetimeValueChart",
      ["values", 1],
      "invalid_value",
    );
    expectIssue(
      () => lifetimeValueChart([{ value: 1, upper: Number.NaN }]),
      "lifetimeValueChart",
      ["values", 0, "upper"],
      "invalid_value",
    );
    expectIssue(() => lifetimeValueChart([]), "lifetimeValueChart", ["values"], "too_small");
  });
  it("P(alive) path and heterogeneity: bad input is refused at its path", () => {
    const point = { date: "1997-01-12", T: 0, frequency: 0, recency: 0, probabilityAlive: 1 };
    expectIssue(
      () => probabilityAlivePathChart([]),
      "probabilityAlivePathChart",
      ["path"],
      "too_small",
    );
    expectIssue(
      () => probabilityAlivePathChart([point, { ...point, probabilityAlive: Number.NaN }]),
      "probabilityAlivePathChart",
      ["path", 1, "probabilityAlive"],
      "invalid_value",
    );
    expectIssue(
      () => probabilityAlivePathChart([{ ...point, date: "12/01/1997" }]),
      "probabilityAlivePathChart",
      ["path", 0, "date"],
      "invalid_value",
    );
    expectIssue(
      () => probabilityAlivePathChart([point], { unit: "week" } as never),
      "probabilityAlivePathChart",
      ["options", "unit"],
      "unknown_key",
    );
    const densities = heterogeneityDensities(CDNOW_BG_NBD, { points: 5 });
    const points = densities.purchase.points.map((p, i) =>
      i === 2 ? { ...p, density: Number.POSITIVE_INFINITY } : p,
    );
    expectIssue(
      () => heterogeneityChart({ ...densities, purchase: { ...densities.purchase, points } }),
      "heterogeneityChart",
      ["densities", "purchase", "points", 2, "density"],
      "invalid_value",
    );
    expectIssue(
      () => heterogeneityChart({ ...densities, dropout: { ...densities.dropout, points: [] } }),
      "heterogeneityChart",
      ["densities", "dropout", "points"],
      "too_small",
    );
    expectIssue(
      () =>
        heterogeneityChart({
          ...densities,
          dropout: { ...densities.dropout, parameter: "kappa" as never },
        }),
      "heterogeneityChart",
      ["densities", "dropout", "parameter"],
      "invalid_value",
    );
    expectIssue(
      () => heterogeneityChart(densities, { unit: "weeks" } as never),
      "heterogeneityChart",
      ["options", "unit"],
      "invalid_value",
    );
    expectIssue(
      () => heterogeneityChart(null as never),
      "heterogeneityChart",
      ["densities"],
      "invalid_type",
    );
  });

  it("inputs are not mutated", () => {
    const densities = heterogeneityDensities(CDNOW_BG_NBD, { points: 5 });
    const densitiesCopy = structuredClone(densities);
    heterogeneityChart(densities, { unit: "week" });
    expect(densities).toEqual(densitiesCopy);
    const input = [{ value: 1, lower: 0.5 }];
    const copy = structuredClone(input);
    lifetimeValueChart(input);
    expect(input).toEqual(copy);
  });
});
