import { describe, expect, it } from "vitest";
import {
  compareOffers,
  customerBaseValue,
  customerEquity,
  deliveredValue,
  discountedCashFlowValue,
  lifetimeValueSensitivity,
  retentionLifetimeValue,
} from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

// The error rule of docs/conventions.md (Errors), over every export of the value domain: a bad
// option or parameter is reported at `options.<key>` / `parameters.<key>`, a bad row at
// `<argument>[i].<field>`, each with a machine-readable code.

const retention = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
const base = { customerCount: 1000, margin: 100, retentionRate: 0.8, discountRate: 0.1 };
const segment = { name: "s", customerCount: 10, margin: 100, retentionRate: 0.6 };
const offer = { name: "a", productValue: 100, monetaryCost: 90 };

type Case = readonly [name: string, run: () => unknown, path: string, code: string];

const BAD_OPTION_OR_PARAMETER: readonly Case[] = [
  [
    "retentionLifetimeValue",
    () => retentionLifetimeValue({ ...retention, horizon: 2.5 }),
    "parameters.horizon",
    "not_integer",
  ],
  [
    "lifetimeValueSensitivity",
    () => lifetimeValueSensitivity({ ...retention, retentionRate: 1.2 }),
    "parameters.retentionRate",
    "too_big",
  ],
  [
    "customerBaseValue",
    () => customerBaseValue({ ...base, horizon: 0 }),
    "parameters.horizon",
    "too_small",
  ],
  [
    "customerEquity",
    () => customerEquity({ segments: [segment] }, { discountRate: 0.1, horizon: 10_001 }),
    "options.horizon",
    "too_big",
  ],
  [
    "discountedCashFlowValue",
    () => discountedCashFlowValue([{ margin: 1 }], { discountRate: 0.1, timing: "mid" } as never),
    "options.timing",
    "invalid_value",
  ],
  [
    "deliveredValue",
    () => deliveredValue({ productValue: 1, monetaryCosts: 2 } as never),
    "parameters.monetaryCosts",
    "unknown_key",
  ],
  [
    "compareOffers",
    () => compareOffers([offer], { by: "price" } as never),
    "options.by",
    "invalid_value",
  ],
];

const BAD_ROW: readonly Case[] = [
  [
    "customerEquity",
    () =>
      customerEquity(
        { segments: [segment, { ...segment, customerCount: -5 }] },
        { discountRate: 0.1 },
      ),
    "groups.segments[1].customerCount",
    "too_small",
  ],
  [
    "discountedCashFlowValue",
    () => discountedCashFlowValue([{ margin: 1 }, { margin: "1,5" }], { discountRate: 0.1 }),
    "cashFlows[1].margin",
    "invalid_money",
  ],
  [
    "compareOffers",
    () => compareOffers([offer, { ...offer, name: "b", monetaryCost: -1 }]),
    "offers[1].monetaryCost",
    "too_small",
  ],
  [
    "deliveredValue",
    () => deliveredValue({ productValue: [{ value: 1 }, { value: 2, weight: -1 }] }),
    "parameters.productValue[1].weight",
    "too_small",
  ],
  [
    "customerBaseValue",
    () => customerBaseValue({ ...base, levers: { crossSell: "lots" } } as never),
    "parameters.levers.crossSell",
    "invalid_money",
  ],
];

describe("value: error paths and codes", () => {
  it("a missing parameter is required, at its path", () => {
    expectInvalid(
      () => retentionLifetimeValue({ retentionRate: 0.8, discountRate: 0.1 } as never),
      "retentionLifetimeValue",
      "parameters.margin",
      undefined,
      "required",
    );
    expectInvalid(
      () => retentionLifetimeValue({ margin: 1, retentionRate: 0.8 } as never),
      "retentionLifetimeValue",
      "parameters.discountRate",
      undefined,
      "required",
    );
  });
  it.each(BAD_OPTION_OR_PARAMETER)("%s: a bad option or parameter", (name, run, path, code) => {
    expectInvalid(run, name, path, undefined, code as never);
  });
  it.each(BAD_ROW)("%s: a bad row", (name, run, path, code) => {
    expectInvalid(run, name, path, undefined, code as never);
  });
});

// A discount rate of 10 is far more likely 10 % typed as a number than 1,000 % a period: every
// function that takes a discount rate refuses it (implausible_rate) unless the caller opts in.
const DISCOUNTED: readonly (readonly [
  name: string,
  call: (rate: { discountRate: number; allowLargeDiscountRate?: boolean }) => unknown,
  path: string,
])[] = [
  [
    "retentionLifetimeValue",
    (rate) => retentionLifetimeValue({ ...retention, ...rate }),
    "parameters.discountRate",
  ],
  [
    "lifetimeValueSensitivity",
    (rate) => lifetimeValueSensitivity({ ...retention, ...rate }),
    "parameters.discountRate",
  ],
  [
    "customerBaseValue",
    (rate) => customerBaseValue({ ...base, ...rate }),
    "parameters.discountRate",
  ],
  [
    "customerEquity",
    (rate) => customerEquity({ segments: [segment] }, rate),
    "options.discountRate",
  ],
  [
    "discountedCashFlowValue",
    (rate) => discountedCashFlowValue([{ margin: 100 }, { margin: 100 }], rate),
    "options.discountRate",
  ],
];

describe("value: a discount rate of 10", () => {
  it.each(DISCOUNTED)("%s refuses it with implausible_rate", (name, call, path) => {
    const error = expectInvalid(
      () => call({ discountRate: 10 }),
      name,
      path,
      /allowLargeDiscountRate/,
      "implausible_rate",
    );
    expect(error.issues.find((issue) => issue.code === "implausible_rate")?.received).toBe(10);
  });
  it.each(DISCOUNTED)("%s accepts it with allowLargeDiscountRate: true", (_name, call) => {
    expect(() => call({ discountRate: 10, allowLargeDiscountRate: true })).not.toThrow();
  });
  it.each(DISCOUNTED)("%s accepts a rate just below 1 without the opt-in", (_name, call) => {
    expect(() => call({ discountRate: 0.99 })).not.toThrow();
  });
});
