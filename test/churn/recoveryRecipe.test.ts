/**
 * Issue 16: "README, guide and example use the same recipe and agree to the cent". The recipe —
 * every `churnRisk` row into `prioritizeRecovery` as it is (value at risk, P(alive), whole days) —
 * is the same text in README.md, docs/churn-recovery.md, examples/churn-recovery.ts and
 * examples/quickstart.ts, and on the same data it gives the plan totals the README and the guide
 * claim (their `// =>` claims are also run by test/docs/guides.test.ts). The slow suite's
 * test/examples/examples.test.ts checks that both examples print those totals, read from the guide.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCdnowSample } from "../../examples/data/load.js";
import {
  churnRisk,
  fitBgNbd,
  fitGammaGamma,
  prioritizeRecovery,
  summarizeTransactions,
} from "../../src/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");
const SOURCES = [
  "README.md",
  "docs/churn-recovery.md",
  "examples/churn-recovery.ts",
  "examples/quickstart.ts",
];

/** The `prioritizeRecovery(risk.map(…), { … })` call of a file, whitespace collapsed. */
function recipe(text: string): string {
  const call = /prioritizeRecovery\(\s*risk\.map\([\s\S]*?aliveThreshold: [\d.]+ \},?\s*\)/.exec(
    text,
  );
  expect(call, "the recipe call").not.toBeNull();
  return call![0].replaceAll(/\s+/g, " ").replaceAll(/,\s*\)/g, ")");
}

/** The string a `// =>` claim of `expression` states in `text`. */
function claim(text: string, expression: string): string {
  const line = text.split("\n").find((l) => l.startsWith(`${expression}; // => `));
  expect(line, `a claim of ${expression}`).toBeDefined();
  return JSON.parse(line!.slice(`${expression}; // => `.length)) as string;
}

describe("one recovery recipe: README, guide, examples", () => {
  it("is the same call, option for option, in all four", () => {
    const [first, ...rest] = SOURCES.map((file) => recipe(read(file)));
    expect(first).toContain("value: r.valueAtRisk");
    expect(first).toContain("daysSinceLastPurchase: r.daysSinceLastPurchase");
    for (const other of rest) expect(other).toBe(first);
  });

  it("the recipe on the CDNOW calibration period: $160.00 spent of $300, expected net $373.26", () => {
    const customers = summarizeTransactions(
      loadCdnowSample().filter((t) => t.date <= "1997-09-30"),
      { observationEnd: "1997-09-30", unit: "week", bucketing: "elapsed" },
    );
    const model = fitBgNbd(customers);
    const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
    const risk = churnRisk({ purchase: model, spend: spendModel }, customers, {
      horizon: 52,
      discountRate: 1.15 ** (1 / 52) - 1,
      profitMargin: 0.3,
    });
    const plan = prioritizeRecovery(
      risk.map((r) => ({
        customerId: r.customerId!,
        value: r.valueAtRisk,
        probabilityAlive: r.probabilityAlive,
        daysSinceLastPurchase: r.daysSinceLastPurchase,
        cause: "unknown" as const,
        cost: 4,
      })),
      { budget: 300, halfLifeDays: 182, aliveThreshold: 0.5 },
    );
    expect(plan.budget!.spend.toFixed(2)).toBe("160.00");
    expect(plan.budget!.expectedNetValue.toFixed(2)).toBe("373.26");
    // … which are the totals the README and the guide claim, to the cent
    for (const file of ["README.md", "docs/churn-recovery.md"]) {
      const text = read(file);
      expect(claim(text, "plan.budget?.spend.toFixed(2)"), file).toBe("160.00");
      expect(claim(text, "plan.budget?.expectedNetValue.toFixed(2)"), file).toBe("373.26");
    }
    // Issue 16: the best *active* customers (P(alive) ≈ 0.95) were labelled "recover-strongly".
    plan.entries.forEach((e, i) => {
      if (risk[i]!.probabilityAlive > 0.5)
        expect([e.action, e.selected]).toEqual(["retain", false]);
      else expect(e.action).not.toBe("retain");
    });
  });
});
