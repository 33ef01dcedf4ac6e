/**
 * A worked customer survey, from answers to a loyalty reading: `npx tsx examples/satisfaction.ts`.
 *
 * A regional internet provider surveyed 200 customers after a support contact. The answers are
 * generated deterministically below (a small linear-congruential generator) so the script prints
 * the same tables every run; swap in your own survey export.
 */
import {
  compareNetPromoterScores,
  customerEffortScore,
  customerSatisfactionScore,
  indexByCustomerId,
  type KanoAnswer,
  kanoClassify,
  loyaltyMatrix,
  loyaltyScore,
  loyaltyType,
  netPromoterScore,
  raterIndex,
  type ServqualResponse,
  satisfactionIndex,
  satisfactionLoyaltySegment,
  servqual,
} from "../src/index.js";

// ── a deterministic "survey export" ─────────────────────────────────────────────────────────
let seed = 20260501;
const uniform = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
/** Draws an answer from a discrete distribution given as weights for min..max. */
const draw = (min: number, weights: readonly number[]) => {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return min + i;
  }
  return min + weights.length - 1;
};
const n = 200;
const npsThisQuarter = Array.from({ length: n }, () =>
  draw(0, [2, 1, 2, 3, 4, 8, 10, 22, 30, 38, 80]),
);
const npsLastQuarter = Array.from({ length: n }, () =>
  draw(0, [3, 2, 3, 5, 6, 10, 14, 25, 32, 34, 66]),
);
const csat = Array.from({ length: n }, () => draw(1, [6, 12, 30, 80, 72]));
const ces = Array.from({ length: n }, () => draw(1, [8, 10, 16, 24, 50, 52, 40]));

const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(7);
const line = (label: string, ...cells: string[]) =>
  console.log(`${label.padEnd(26)}${cells.join("")}`);

// ── 1. NPS with its uncertainty ─────────────────────────────────────────────────────────────
console.log("1. Net Promoter Score (0–10, promoters 9–10, detractors 0–6), 95 % Wald interval");
const nps = netPromoterScore(npsThisQuarter);
line(
  "  this quarter",
  fmt(nps.score),
  `   ± ${nps.standardError.toFixed(1)} SE`,
  `   CI [${nps.confidenceInterval.lower.toFixed(1)}, ${nps.confidenceInterval.upper.toFixed(1)}]`,
);
line(
  "  shares P / pass / D",
  fmt(100 * nps.promoterShare),
  fmt(100 * nps.passiveShare),
  fmt(100 * nps.detractorShare),
);
const change = compareNetPromoterScores(npsThisQuarter, npsLastQuarter);
line(
  "  change vs last quarter",
  fmt(change.difference),
  `   z = ${change.zStatistic.toFixed(2)}`,
  `   p = ${change.pValue.toFixed(3)}`,
);

// ── 2. CSAT and CES ─────────────────────────────────────────────────────────────────────────
console.log("\n2. CSAT (1–5) and CES 2.0 (1–7, higher = easier)");
for (const method of ["top-2-box", "top-box", "mean"] as const) {
  const r = customerSatisfactionScore(csat, { scale: { min: 1, max: 5 }, method });
  line(`  CSAT ${method}`, fmt(r.score, 2), `   ± ${r.standardError.toFixed(2)} SE`);
}
for (const method of ["mean", "percent-easy", "net"] as const) {
  const r = customerEffortScore(ces, { version: "2.0", method });
  line(`  CES 2.0 ${method}`, fmt(r.score, 2), `   ± ${r.standardError.toFixed(2)} SE`);
}

// ── 3. SERVQUAL by RATER dimension, with the zone of tolerance ──────────────────────────────
console.log(
  "\n3. SERVQUAL (22 items, 7-point), gaps P − E and zone of tolerance [adequate, desired]",
);
// Mean perception by dimension for this provider: reliability is the weak spot.
const perceptionByDimension = [5.6, 4.2, 4.9, 5.8, 5.1]; // T, Rel, Resp, A, E
const dimensionOf = (item: number) =>
  item <= 4 ? 0 : item <= 9 ? 1 : item <= 13 ? 2 : item <= 17 ? 3 : 4;
const rows: ServqualResponse[] = [];
for (let respondent = 0; respondent < 60; respondent++) {
  for (let item = 1; item <= 22; item++) {
    const p = perceptionByDimension[dimensionOf(item)] as number;
    const perception = Math.min(7, Math.max(1, Math.round(p + (uniform() - 0.5) * 2)));
    const expectation = draw(4, [1, 3, 6, 8]);
    const adequate = Math.min(expectation, draw(4, [2, 5, 3]));
    rows.push({ item, expectation, perception, adequate, desired: expectation });
  }
}
const weights = { tangibles: 11, reliability: 32, responsiveness: 22, assurance: 19, empathy: 16 };
const sq = servqual(rows, { weights });
line("  dimension", "    gap", "    MSA", "    MSS", "  zone");
for (const d of sq.dimensions) {
  const t = d.tolerance;
  line(
    `  ${d.dimension}`,
    fmt(d.gap, 2),
    fmt(t?.adequacyGap ?? 0, 2),
    fmt(t?.superiorityGap ?? 0, 2),
    `  ${t?.zone}`,
  );
}
line("  SERVQUAL unweighted", fmt(sq.unweightedScore, 3));
line("  SERVQUAL weighted", fmt(sq.weightedScore, 3), "   (ZPB 1990 importance weights)");
const perceptions = Object.fromEntries(sq.dimensions.map((d) => [d.dimension, d.perception]));
const rater = raterIndex(
  {
    tangibles: perceptions.tangibles ?? 1,
    reliability: perceptions.reliability ?? 1,
    responsiveness: perceptions.responsiveness ?? 1,
    assurance: perceptions.assurance ?? 1,
    empathy: perceptions.empathy ?? 1,
  },
  { weights },
);
line("  RATER index (0–100)", fmt(rater.index));

// ── 4. An ACSI-style index ──────────────────────────────────────────────────────────────────
console.log("\n4. ACSI-style satisfaction index (1–10 items, State of Ohio weights)");
const acsi = satisfactionIndex(
  [
    {
      name: "overall satisfaction",
      answers: Array.from({ length: n }, () => draw(1, [1, 1, 2, 3, 5, 10, 20, 30, 18, 10])),
    },
    {
      name: "met expectations",
      answers: Array.from({ length: n }, () => draw(1, [1, 2, 3, 5, 8, 14, 22, 25, 12, 8])),
    },
    {
      name: "close to ideal",
      answers: Array.from({ length: n }, () => draw(1, [2, 3, 4, 6, 10, 16, 22, 20, 10, 7])),
    },
  ],
  { weights: [0.3885, 0.319, 0.2925] },
);
line("  index", fmt(acsi.index));

// ── 5. Kano table for three candidate features ──────────────────────────────────────────────
console.log("\n5. Kano (mode with M > O > A > I tie-break; Better/Worse)");
const kanoAnswers: KanoAnswer[] = ["like", "must-be", "neutral", "live-with", "dislike"];
const features = {
  "stable connection": { functional: [30, 50, 10, 5, 5], dysfunctional: [1, 1, 3, 5, 90] },
  "free router upgrade": { functional: [70, 5, 20, 3, 2], dysfunctional: [2, 3, 70, 20, 5] },
  "24/7 phone line": { functional: [45, 10, 25, 10, 10], dysfunctional: [2, 3, 35, 20, 40] },
};
const kano = kanoClassify(
  Object.entries(features).flatMap(([attribute, w]) =>
    Array.from({ length: 80 }, () => ({
      attribute,
      functional: kanoAnswers[draw(0, w.functional)] as KanoAnswer,
      dysfunctional: kanoAnswers[draw(0, w.dysfunctional)] as KanoAnswer,
    })),
  ),
);
line("  feature", "   A   O   M   I   R   Q", "  category", "        Better  Worse");
for (const a of kano.attributes) {
  const c = a.counts;
  const counts = [
    c.attractive,
    c.oneDimensional,
    c.mustBe,
    c.indifferent,
    c.reverse,
    c.questionable,
  ]
    .map((x) => String(x).padStart(4))
    .join("");
  line(
    `  ${a.attribute}`,
    counts,
    `  ${a.category.padEnd(16)}`,
    fmt(a.better ?? 0, 2),
    fmt(a.worse ?? 0, 2),
  );
}

// ── 6. From satisfaction to loyalty ─────────────────────────────────────────────────────────
console.log("\n6. Loyalty: Jones & Sasser segments, Dick & Basu matrix, loyalty type and score");
const customers = Array.from({ length: n }, (_, i) => ({
  customerId: `cust-${String(i + 1).padStart(3, "0")}`,
  satisfaction: csat[i] as number,
  loyalty: draw(1, [10, 12, 20, 30, 28]),
  share: uniform(),
}));
// Every per-customer function takes rows with a customerId and returns one row per customer, in
// input order; extra fields on the rows (here `share`, `relativeAttitude`) are ignored.
const js = satisfactionLoyaltySegment(customers);
line("  Jones & Sasser", ...Object.entries(js.counts).map(([k, v]) => `  ${k} ${v}`));
const db = loyaltyMatrix(
  customers.map((c) => ({ ...c, relativeAttitude: c.loyalty, repeatPatronage: c.share })),
  { attitudeThreshold: 4, patronageThreshold: 0.5 },
);
line("  Dick & Basu", ...Object.entries(db.counts).map(([k, v]) => `  ${k} ${v}`));
const types = loyaltyType(
  customers.map((c) => ({
    customerId: c.customerId,
    alternativesAvailable: true,
    repeatPurchase: c.share,
    attitude: (c.loyalty - 1) / 4,
    priceSensitivity: 0.7,
  })),
);
const scores = loyaltyScore(
  customers.map((c) => ({ ...c, repeatPurchase: c.share })),
  { competitiveness: 0.8 },
);
const typeCounts = new Map<string, number>();
for (const t of types) typeCounts.set(t.type, (typeCounts.get(t.type) ?? 0) + 1);
line("  loyalty types", ...[...typeCounts].map(([k, v]) => `  ${k} ${v}`));
const byId = indexByCustomerId(scores);
const one = customers[0];
if (one !== undefined) {
  const type = types[0];
  line(
    `  ${one.customerId}`,
    `  satisfaction ${one.satisfaction}, loyalty ${one.loyalty}, repeat ${one.share.toFixed(2)}`,
  );
  line(
    "",
    `  → ${js.segments[0]?.segment}, ${db.segments[0]?.segment}, type ${type?.type} (rule ${type?.rule}), score ${byId.get(one.customerId)?.score.toFixed(1)}`,
  );
}
const curve = loyaltyScore(
  [3, 4, 5].map((s) => ({ customerId: `satisfaction ${s}`, satisfaction: s, repeatPurchase: 0.5 })),
);
for (const r of curve) {
  line(
    `  ${r.customerId} of 5`,
    `  attitudinal loyalty ${fmt(r.attitudinal)}   blended score ${fmt(r.score)}`,
  );
}
