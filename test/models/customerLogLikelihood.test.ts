/**
 * customerLogLikelihood: per-customer ℓᵢ at published parameters, and Σ countᵢ·ℓᵢ equal to the
 * model's logLikelihood. Reference ℓᵢ are the per-customer values of the shared model reference
 * (models.md §1.8, §2.4, §3.7, §4.7, §6.4, label [C]: computed from the papers' likelihoods and
 * confirmed by a second route; their sums over the 2,357 CDNOW customers equal the lifetimes
 * totals [L]). No peer prints per-customer values (BTYD's bgnbd.LL/pnbd.LL/bgbb.LL return them
 * but its manual prints none), so the totals carry the peer/paper check: BG/NBD −9,582.4 and
 * Pareto/NBD −9,595.0 (Fader, Hardie & Lee 2005, Marketing Science 24(2)); BG/BB −33,225.6 (Fader,
 * Hardie & Shang 2010, Marketing Science 29(6)); Gamma-Gamma −4,055.92 (Fader & Hardie 2013, note
 * 025); lifetimes 0.11.3 totals to full precision (models.md §0.4).
 */
import { describe, expect, it } from "vitest";
import {
  customerLogLikelihood,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  summarizeTransactions,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowSample, cdnowSummary, cdnowSummaryWithSpend, donations } from "../fixtures/load.js";
import {
  bgNbdModel,
  CDNOW_BG_NBD,
  CDNOW_GAMMA_GAMMA,
  CDNOW_MBG_NBD,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
  sbgModel,
} from "../fixtures/models.js";
import {
  expectRelative,
  REFERENCE_CUSTOMERS as REFERENCE,
} from "../fixtures/referenceCustomers.js";

const sum = (values: ArrayLike<number>, weights?: readonly number[]) => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * (weights?.[i] ?? 1);
  return s;
};

describe("customerLogLikelihood: reference values (12 printed digits)", () => {
  it("BG/NBD at θ_BG (models.md §1.8)", () => {
    expectRelative(
      customerLogLikelihood(CDNOW_BG_NBD, REFERENCE),
      [
        -9.459701008, -4.47043839371, -0.553807110934, -43.8712385296, -12.2392542446,
        -21.515912984, -37.728319042, -10.0233628945, -14.1283786845, -0.476104008909,
      ],
      1e-10,
    );
  });
  it("MBG/NBD at θ_MBG (models.md §2.4)", () => {
    expectRelative(
      customerLogLikelihood(CDNOW_MBG_NBD, REFERENCE),
      [
        -9.48586025911, -4.46049328754, -0.539610446933, -44.4092260338, -12.3827186427,
        -21.4527800721, -38.3235915291, -12.6959125968, -14.0486759616, -0.474015781079,
      ],
      1e-10,
    );
  });
  it("Pareto/NBD at θ_PNBD (models.md §3.7)", () => {
    expectRelative(
      customerLogLikelihood(CDNOW_PARETO_NBD, REFERENCE),
      [
        -9.55433315023, -4.44970946763, -0.5212017958, -45.0552142576, -13.0052009556,
        -21.1954434114, -39.1307657947, -17.8004448397, -13.8726763175, -0.469921968554,
      ],
      1e-10,
    );
  });
  it("BG/BB at θ_BGBB, donations patterns (models.md §4.7); count does not multiply ℓ", () => {
    const rows = [
      [0, 0],
      [1, 1],
      [2, 4],
      [3, 4],
      [4, 5],
      [6, 6],
    ].map(([frequency, recency]) => ({ frequency: frequency!, recency: recency!, periods: 6 }));
    const expected = [
      -1.16751710649, -2.2888275842, -5.19561961758, -5.05935886102, -5.0955810487, -2.18167346897,
    ];
    expectRelative(customerLogLikelihood(DONATIONS_BG_BB, rows), expected, 1e-10);
    const counted = rows.map((row) => ({ ...row, count: 1000 }));
    expectRelative(customerLogLikelihood(DONATIONS_BG_BB, counted), expected, 1e-10);
  });
  it("Gamma-Gamma at θ_GG (models.md §6.4); 0 for a customer without repeat purchases", () => {
    const rows = [
      [2, "22.35"],
      [1, "11.77"],
      [0, "0"],
      [29, "26.26"],
      [5, "194.86"],
      [21, "299.63"],
    ].map(([frequency, monetaryValue]) => ({
      frequency: frequency as number,
      monetaryValue: monetaryValue as string,
    }));
    const ll = customerLogLikelihood(CDNOW_GAMMA_GAMMA, rows);
    expect(ll[2]).toBe(0);
    expectRelative(
      [ll[0]!, ll[1]!, ll[3]!, ll[4]!, ll[5]!],
      [-3.55047619419, -3.73595918491, -3.55989238079, -9.7743589006, -11.7165572356],
      1e-10,
    );
  });
  it("BG/NBD at (r, α, a, b) = (0.25, 4, 0.8, 2.5), T = 40: PyMC-Marketing's stable-logp test (Hardie note 027)", () => {
    // pymc-marketing tests/clv/models/test_beta_geo.py, test_numerically_stable_logp: −0.59947382
    // for (x, t_x) = (0, 0) and 100.7957 for (200, 38), checked there to 5 decimals.
    const ll = customerLogLikelihood(bgNbdModel(0.25, 4, 0.8, 2.5), [
      { frequency: 0, recency: 0, T: 40 },
      { frequency: 200, recency: 38, T: 40 },
    ]);
    expect(ll[0]).toBeCloseTo(-0.59947382, 5);
    expect(ll[1]).toBeCloseTo(100.7957, 4);
  });
  it("a row's count is not read into the value; input order is kept", () => {
    const ll = customerLogLikelihood(CDNOW_BG_NBD, [{ ...REFERENCE[3]!, count: 7 }, REFERENCE[0]!]);
    expectRelative(ll, [-43.8712385296, -9.459701008], 1e-10);
  });
});

describe("customerLogLikelihood: Σ countᵢ·ℓᵢ is the model's logLikelihood", () => {
  const cdnow = cdnowSummary();
  it("at the published CDNOW parameters: the lifetimes totals (models.md §0.4) and the papers' rounded LLs", () => {
    const bg = sum(customerLogLikelihood(CDNOW_BG_NBD, cdnow));
    const mbg = sum(customerLogLikelihood(CDNOW_MBG_NBD, cdnow));
    const pnbd = sum(customerLogLikelihood(CDNOW_PARETO_NBD, cdnow));
    expect(Math.abs(bg - -9582.425560567366)).toBeLessThan(1e-8);
    expect(Math.abs(mbg - -9582.13268489992)).toBeLessThan(1e-8);
    expect(Math.abs(pnbd - -9594.973929826863)).toBeLessThan(1e-8);
    expect(bg.toFixed(1)).toBe("-9582.4"); // Fader, Hardie & Lee (2005), "Counting your customers" the easy way
    expect(pnbd.toFixed(1)).toBe("-9595.0"); // Fader, Hardie & Lee (2005), Pareto/NBD on the same data
  });
  it("for every fitter on CDNOW (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) and on the donations (BG/BB)", () => {
    for (const model of [fitBgNbd(cdnow), fitMbgNbd(cdnow), fitParetoNbd(cdnow)]) {
      const total = sum(customerLogLikelihood(model, cdnow));
      expect(Math.abs(total - model.logLikelihood)).toBeLessThan(1e-9 * Math.abs(total));
    }
    const spend = cdnowSummaryWithSpend();
    const gg = fitGammaGamma(spend);
    const ggTotal = sum(customerLogLikelihood(gg, spend));
    expect(Math.abs(ggTotal - gg.logLikelihood)).toBeLessThan(1e-9 * Math.abs(ggTotal));
    expect(ggTotal.toFixed(2)).toBe("-4055.92"); // Fader & Hardie (2013), note 025
    const rows = donations();
    const bgbb = fitBgBb(rows);
    const ll = customerLogLikelihood(bgbb, rows);
    const weighted = sum(
      ll,
      rows.map((row) => row.count),
    );
    expect(Math.abs(weighted - bgbb.logLikelihood)).toBeLessThan(1e-9 * Math.abs(weighted));
    expect(weighted.toFixed(1)).toBe("-33225.6"); // Fader, Hardie & Shang (2010)
    const atPublished = sum(
      customerLogLikelihood(DONATIONS_BG_BB, rows),
      rows.map((row) => row.count),
    );
    expect(Math.abs(atPublished - -33225.58127434616)).toBeLessThan(1e-8); // lifetimes total
  });
});

describe("customerLogLikelihood: sBG subscribers", () => {
  // Fader & Hardie (2007), "How to project customer retention", Table 1: customers of the regular
  // and high-end segments alive at the start of years 1…8 (1,000 each); published LLs −1,680.27
  // and −1,611.16 at α 0.704, β 1.182 and α 0.668, β 3.806.
  const cohorts = [
    [[1000, 631, 468, 382, 326, 289, 262, 241], "-1680.27"],
    [[1000, 869, 743, 653, 593, 551, 517, 491], "-1611.16"],
  ] as const;
  const rowsOf = (survivors: readonly number[]) => [
    ...survivors.slice(1).map((alive, t) => ({
      periodsObserved: t + 1,
      churned: true,
      count: survivors[t]! - alive,
    })),
    { periodsObserved: survivors.length - 1, churned: false, count: survivors.at(-1)! },
  ];
  it("Σ countᵢ·ℓᵢ over per-customer rows is fitSbg's logLikelihood, the published LL", () => {
    for (const [survivors, published] of cohorts) {
      const rows = rowsOf(survivors);
      const fit = fitSbg(rows, { unit: "year" });
      const total = sum(
        customerLogLikelihood(fit, rows),
        rows.map((row) => row.count),
      );
      expect(Math.abs(total - fit.logLikelihood)).toBeLessThan(1e-10 * Math.abs(total));
      expect(total.toFixed(2)).toBe(published);
      // the same model fitted to the survivor counts
      expect(fitSbg([...survivors], { unit: "year" }).logLikelihood.toFixed(2)).toBe(published);
    }
  });
  it("ℓ is ln P(T = t) for a cancellation and ln S(t) for an active subscriber", () => {
    const ll = customerLogLikelihood(sbgModel(1, 1), [
      { periodsObserved: 1, churned: true },
      { periodsObserved: 3, churned: true },
      { periodsObserved: 3, churned: false },
      { periodsObserved: 0, churned: false },
    ]);
    // α = β = 1: θ uniform, P(T = t) = 1/(t(t+1)), S(t) = 1/(t+1)
    expectRelative(ll.slice(0, 3), [Math.log(1 / 2), Math.log(1 / 12), Math.log(1 / 4)], 1e-14);
    expect(ll[3]).toBe(0);
  });
  it("bad rows are listed at customers[i].<field>", () => {
    expectIssue(
      () => customerLogLikelihood(sbgModel(1, 1), [{ periodsObserved: 0, churned: true }]),
      "customerLogLikelihood",
      ["customers", 0, "periodsObserved"],
      "inconsistent",
    );
  });
});

describe("customerLogLikelihood: errors", () => {
  const fn = "customerLogLikelihood";
  it("lists bad rows at customers[i].<field> for each model family", () => {
    expectIssue(
      () =>
        customerLogLikelihood(CDNOW_BG_NBD, [REFERENCE[0]!, { frequency: 1, recency: 5, T: 4 }]),
      fn,
      ["customers", 1, "recency"],
      "inconsistent",
    );
    expectIssue(
      () => customerLogLikelihood(DONATIONS_BG_BB, [{ frequency: 3, recency: 2, periods: 6 }]),
      fn,
      ["customers", 0, "frequency"],
      "inconsistent",
    );
    expectIssue(
      () =>
        customerLogLikelihood(CDNOW_GAMMA_GAMMA, [
          { frequency: 1, monetaryValue: "3" },
          { frequency: 2, monetaryValue: "12,50" },
        ]),
      fn,
      ["customers", 1, "monetaryValue"],
      "invalid_money",
    );
    expectIssue(
      () =>
        customerLogLikelihood(DONATIONS_BG_BB, [
          { frequency: 0, recency: 0, periods: 6, count: 0 },
        ]),
      fn,
      ["customers", 0, "count"],
      "too_small",
    );
  });
  it("rejects an invalid model at its path", () => {
    expectIssue(
      () =>
        customerLogLikelihood(
          { ...CDNOW_PARETO_NBD, params: { ...CDNOW_PARETO_NBD.params, s: -1 } },
          REFERENCE,
        ),
      fn,
      ["model", "params", "s"],
      "too_small",
    );
  });
});

describe("customerLogLikelihood reads Gamma-Gamma rows as the fit reads them", () => {
  it("gives 0 to rows the fit leaves out, so Σ count·ℓ is still the model's log-likelihood", () => {
    // CDNOW_master has such a customer (a repeat buyer whose mean spend is 0); here a copy of the
    // 1/10 sample with one zero-mean repeat buyer added.
    const rows = [
      ...cdnowSummaryWithSpend(),
      { frequency: 2, recency: 10, T: 39, monetaryValue: "0" },
    ];
    const model = fitGammaGamma(rows);
    expect(model.excludedCount).toBe(1);
    const ell = customerLogLikelihood(model, rows);
    expect(ell[rows.length - 1]).toBe(0);
    const total = ell.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - model.logLikelihood)).toBeLessThan(
      1e-8 * Math.abs(model.logLikelihood),
    );
  });

  it('follows firstTransaction: "include" (x + 1 transactions, mean totalSpend/(x + 1))', () => {
    const rows = summarizeTransactions(
      cdnowSample().map((t) => ({ customerId: t.customerId, date: t.date, amount: t.amount })),
      { observationEnd: "1997-09-30", unit: "week", bucketing: "elapsed" },
    );
    const model = fitGammaGamma(rows, { firstTransaction: "include" });
    const ell = customerLogLikelihood(model, rows);
    // Every customer has spend information now, but those whose purchases all cost 0 are left out.
    const scored = ell.filter((v) => v !== 0).length;
    expect(scored).toBe(model.customerCount);
    expect(rows.length - scored).toBe(model.excludedCount);
    expect(model.customerCount).toBeGreaterThan(2000);
    const total = ell.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - model.logLikelihood)).toBeLessThan(
      1e-8 * Math.abs(model.logLikelihood),
    );
  });
});
