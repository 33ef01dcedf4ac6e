import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerEffortScore } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "customerEffortScore";

describe("customerEffortScore (Dixon et al. 2010; 2013)", () => {
  it("version 2.0: mean, % agreeing 5–7 (GitLab/Zonka bands) and net", () => {
    const answers = [7, 6, 5, 5, 4, 2, 6, 7];
    const mean = customerEffortScore(answers, { version: "2.0" });
    expect(mean.score).toBeCloseTo(42 / 8, 12);
    expect([mean.easyShare, mean.neutralShare, mean.difficultShare]).toEqual([0.75, 0.125, 0.125]);
    const easy = customerEffortScore(answers, { version: "2.0", method: "percent-easy" });
    expect(easy.score).toBeCloseTo(75, 12);
    expect(easy.standardError).toBeCloseTo(100 * Math.sqrt((0.75 * 0.25) / 8), 12);
    const net = customerEffortScore(answers, { version: "2.0", method: "net" });
    expect(net.score).toBeCloseTo(62.5, 12);
    expect(net.standardError).toBeCloseTo(100 * Math.sqrt((0.875 - 0.625 ** 2) / 8), 12);
  });
  it("version 1.0 is 1–5 with lower = easier (1–2 easy, 4–5 difficult)", () => {
    const answers = [1, 2, 2, 3, 5];
    const r = customerEffortScore(answers, { version: "1.0", method: "net" });
    expect(r.easyShare).toBeCloseTo(0.6, 12);
    expect(r.difficultShare).toBeCloseTo(0.2, 12);
    expect(r.score).toBeCloseTo(40, 12);
    expect(customerEffortScore(answers, { version: "1.0" }).score).toBeCloseTo(2.6, 12);
  });
  it("scores stay in range and the interval contains them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("1.0" as const, "2.0" as const),
        fc.constantFrom("mean" as const, "percent-easy" as const, "net" as const),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 100 }),
        (version, method, answers) => {
          const r = customerEffortScore(answers, { version, method });
          const [lo, hi] =
            method === "mean"
              ? [1, version === "1.0" ? 5 : 7]
              : method === "net"
                ? [-100, 100]
                : [0, 100];
          expect(r.score).toBeGreaterThanOrEqual(lo);
          expect(r.score).toBeLessThanOrEqual(hi);
          expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.score);
          expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.score);
          expect(Math.abs(r.easyShare + r.neutralShare + r.difficultShare - 1)).toBeLessThan(1e-12);
        },
      ),
    );
  });
  it("rejects answers outside the version's scale, non-integers, empty sets, missing version", () => {
    expectInvalid(() => customerEffortScore([6], { version: "1.0" }), fn, "answers[0]");
    expectInvalid(() => customerEffortScore([7, 8], { version: "2.0" }), fn, "answers[1]");
    expectInvalid(() => customerEffortScore([2.5], { version: "2.0" }), fn, "answers[0]");
    expectInvalid(() => customerEffortScore([], { version: "2.0" }), fn, "answers");
    expectInvalid(() => customerEffortScore([3], {} as never), fn, "options.version");
  });
});
