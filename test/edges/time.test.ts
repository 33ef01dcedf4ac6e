/**
 * Time without the host: wall-clock conversion without the process time zone, an explicit DST rule, a documented supported date range, and date-walking loops bounded
 * by it. Numeric truths come from the IANA tz database through `Intl` (see `intlReference.ts`, a
 * second, independent route to the same offsets) and from the tz source lines cited inline.
 * Run under several TZ values: `TZ=America/Los_Angeles npx vitest run test/edges/time.test.ts`
 * (also `Asia/Kathmandu`, `Pacific/Chatham`); the child-process test checks that itself.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilDayOfInstant,
  daysFromCivil,
  formatCivilDay,
  MAX_CIVIL_DAY,
  MIN_CIVIL_DAY,
  parseCivilDay,
  parseInstant,
  wallClockToInstant,
} from "../../src/core/time.js";
import {
  churnRate,
  cumulativePurchaseTracking,
  type LifecyclePurchase,
  lifecyclePattern,
  lifecycleStage,
  rfmTable,
  splitCalibrationHoldout,
  summarizeTransactions,
} from "../../src/index.js";
import { catchInvalidInput, expectInvalidAt } from "../expectInvalidAt.js";
import {
  referenceCivilDay,
  referenceOffsetMs,
  referenceWallToInstant,
  utcWall,
} from "./intlReference.js";

const DAY = 86_400_000;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const ZONES = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "America/St_Johns",
  "America/Sao_Paulo",
  "Europe/Berlin",
  "Europe/London",
  "Africa/Casablanca",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
];

describe("reproducer: churnRate does not depend on the process time zone", () => {
  const customers = [
    { acquiredAt: "2024-01-01" },
    // 01:45 EDT, i.e. during the FIRST 01:00–02:00 of 3 November 2024 in New York
    { acquiredAt: "2024-01-01", churnedAt: "2024-11-03T05:45:00Z" },
  ];
  it("a period end on the fall-back night is that calendar day in the zone, inclusive: churn 0.5", () => {
    // Before the fix: 0 under TZ=UTC, 0.5 (periodEnd 06:30Z) under TZ=America/Los_Angeles. Since
    // Cut-offs are inclusive calendar days: 01:30 is on 3 November, and so is the loss.
    const r = churnRate(customers, {
      periodStart: "2024-10-01",
      periodEnd: "2024-11-03T01:30",
      timeZone: "America/New_York",
    });
    expect(r.periodEnd).toBe("2024-11-03");
    expect(r.churnRate).toBe(0.5);
    expect(r.lostCustomerCount).toBe(1);
    // The day before: not lost within the period.
    const before = churnRate(customers, {
      periodStart: "2024-10-01",
      periodEnd: "2024-11-02",
      timeZone: "America/New_York",
    });
    expect(before.lostCustomerCount).toBe(0);
  });
  it("a wall time in the spring-forward gap uses the offset before the gap", () => {
    // 02:30 does not exist on 10 March 2024 in New York (02:00 EST → 03:00 EDT); read at −05:00 it
    // is 07:30Z = 03:30 EDT (RFC 5545 §3.3.5; Temporal "compatible"; java.time ZonedDateTime.of).
    const r = churnRate([{ acquiredAt: "2024-01-01" }], {
      periodStart: "2024-02-01",
      periodEnd: "2024-03-10T02:30",
      timeZone: "America/New_York",
    });
    expect(r.periodEnd).toBe("2024-03-10");
  });
});

describe("DST resolution rule, and offsets that are not whole hours", () => {
  const cases: [string, string, string][] = [
    // zone, wall time, instant: tz rules (northamerica, europe, australasia, asia files)
    ["America/New_York", "2024-11-03T01:30", "2024-11-03T05:30:00.000Z"], // repeated: EDT
    ["America/New_York", "2024-03-10T02:30", "2024-03-10T07:30:00.000Z"], // skipped: 03:30 EDT
    ["Europe/Berlin", "2024-10-27T02:30", "2024-10-27T00:30:00.000Z"], // repeated: CEST
    ["Europe/Berlin", "2024-03-31T02:30", "2024-03-31T01:30:00.000Z"], // skipped: 03:30 CEST
    // Lord Howe: +11 → +10:30 at 02:00 on 7 April 2024; 01:45 happens twice, earlier at +11.
    ["Australia/Lord_Howe", "2024-04-07T01:45", "2024-04-06T14:45:00.000Z"],
    // Lord Howe: +10:30 → +11 at 02:00 on 6 October 2024; 02:15 is skipped, read at +10:30.
    ["Australia/Lord_Howe", "2024-10-06T02:15", "2024-10-05T15:45:00.000Z"],
    ["Asia/Kathmandu", "2024-06-01T00:00", "2024-05-31T18:15:00.000Z"], // +05:45
    ["Pacific/Chatham", "2024-01-15T12:00", "2024-01-14T22:15:00.000Z"], // +13:45
    // Apia skipped 30 December 2011 (−10 → +14): its start is the first instant of the 31st.
    ["Pacific/Apia", "2011-12-30", "2011-12-30T10:00:00.000Z"],
    // Berlin local mean time +0:53:28 in year 50 (no two-digit-year rule: not 1950).
    ["Europe/Berlin", "0050-01-01", "0049-12-31T23:06:32.000Z"],
    ["America/New_York", "0000-01-01", "0000-01-01T04:56:02.000Z"], // LMT −4:56:02
  ];
  it.each(cases)("%s %s → %s", (zone, wall, expected) => {
    expect(iso(parseInstant(wall, zone))).toBe(expected);
    // The reference (Intl longOffset, its own search) agrees.
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(wall)!;
    const wallMs = utcWall(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0));
    expect(iso(referenceWallToInstant(wallMs, zone))).toBe(expected);
  });
  it("years 0000–0099 are read as written in every zone", () => {
    for (const zone of ZONES) {
      for (const year of [0, 1, 49, 50, 99]) {
        const text = `${String(year).padStart(4, "0")}-07-01`;
        const day = daysFromCivil(year, 7, 1);
        expect(parseCivilDay(text, zone)).toBe(day);
        const start = parseInstant(text, zone)!;
        expect(referenceCivilDay(start, zone)).toBe(day);
        expect(referenceCivilDay(start - 1, zone)).toBe(day - 1);
      }
    }
  });
});

describe("property: conversions equal an Intl.DateTimeFormat reference (fixed seed)", () => {
  const minMs = MIN_CIVIL_DAY * DAY + DAY; // a day inside so every zone is in range
  const maxMs = (MAX_CIVIL_DAY - 1) * DAY;
  const instants = fc.oneof(
    fc.integer({ min: minMs, max: maxMs }),
    // where the transitions are: 1850–2100, minute-grained
    fc.integer({ min: -3_786_825_600, max: 4_102_444_800 }).map((s) => s * 1000 + 30_000),
  );
  it("civil day of an instant", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, ms) => {
        expect(civilDayOfInstant(ms, zone)).toBe(referenceCivilDay(ms, zone));
      }),
      { seed: 20231, numRuns: 3000 },
    );
  });
  it("wall clock → instant (earlier of two, offset before a gap)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, ms) => {
        const wallMs = Math.floor(ms / 60_000) * 60_000;
        expect(wallClockToInstant(wallMs, zone)).toBe(referenceWallToInstant(wallMs, zone));
      }),
      { seed: 20232, numRuns: 400 },
    );
  });
  it("wall clock → instant around every transition of 2024 in DST zones", () => {
    for (const zone of [
      "America/New_York",
      "Europe/Berlin",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "America/Sao_Paulo",
    ]) {
      let previous = referenceOffsetMs(utcWall(2024, 1, 1), zone);
      for (let ms = utcWall(2024, 1, 1); ms < utcWall(2025, 1, 1); ms += 3_600_000) {
        const offset = referenceOffsetMs(ms, zone);
        if (offset === previous) continue;
        previous = offset;
        // every 15 minutes of wall time from 3 h before to 3 h after the transition
        const wallAt = ms + offset;
        for (let w = wallAt - 3 * 3_600_000; w <= wallAt + 3 * 3_600_000; w += 900_000) {
          expect(wallClockToInstant(w, zone)).toBe(referenceWallToInstant(w, zone));
        }
      }
    }
  });
});

describe("supported range 0000-01-01 … 9999-12-31 (calendar days in the time zone)", () => {
  it("accepts the first and last day in the zones furthest from UTC", () => {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"]) {
      const [row] = summarizeTransactions(
        [
          { customerId: "a", date: "0000-01-01", amount: "1.50" },
          { customerId: "a", date: "9999-12-31", amount: "2.50" },
        ],
        { unit: "day", observationEnd: "9999-12-31", timeZone: zone },
      );
      expect(row!.firstPurchase).toBe("0000-01-01");
      expect(row!.lastPurchase).toBe("9999-12-31");
      expect(row!.T).toBe(MAX_CIVIL_DAY - MIN_CIVIL_DAY);
      expect(row!.recency).toBe(3_652_424);
    }
    expect(formatCivilDay(MIN_CIVIL_DAY)).toBe("0000-01-01");
    expect(formatCivilDay(MAX_CIVIL_DAY)).toBe("9999-12-31");
  });
  it("reproducer: extreme valid Dates are an InvalidInputError, not T: NaN or 1970-01-01", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles"]) {
      for (const ms of [8.64e15, -8.64e15, utcWall(10000, 1, 2), utcWall(0, 1, 1) - DAY]) {
        const error = expectInvalidAt(
          () =>
            summarizeTransactions([{ customerId: "a", date: new Date(ms), amount: 1 }], {
              unit: "day",
              observationEnd: "2000-01-01",
              timeZone: zone,
            }),
          ["transactions", 0, "date"],
        );
        expect(error.message).toContain("outside the supported range 0000-01-01 to 9999-12-31");
        expect(error.issues[0]!.code).toBe("invalid_date");
      }
    }
  });
  it("an instant in range in UTC but not in the zone is rejected at the option's path", () => {
    // 9999-12-31T23:00Z is 10000-01-01 in Kiritimati (+14); 0000-01-01T03:00Z is year −1 in LA.
    const late = new Date(utcWall(9999, 12, 31, 23));
    const early = new Date(utcWall(0, 1, 1, 3));
    expect(parseCivilDay(late, "UTC")).toBe(MAX_CIVIL_DAY);
    expect(parseCivilDay(late, "Pacific/Kiritimati")).toBeUndefined();
    expect(parseCivilDay(early, "America/Los_Angeles")).toBeUndefined();
    expect(parseCivilDay("9999-12-31T20:00-08:00", "UTC")).toBeUndefined();
    expectInvalidAt(
      () =>
        summarizeTransactions([], {
          unit: "day",
          observationEnd: late,
          timeZone: "Pacific/Kiritimati",
        }),
      ["options", "observationEnd"],
    );
    expectInvalidAt(
      () =>
        splitCalibrationHoldout([], {
          unit: "day",
          calibrationEnd: early,
          observationEnd: "2000-01-01",
          timeZone: "America/Los_Angeles",
        }),
      ["options", "calibrationEnd"],
    );
    expectInvalidAt(
      () =>
        churnRate([{ acquiredAt: early }], {
          periodStart: "2000-01-01",
          periodEnd: "2001-01-01",
          timeZone: "America/Los_Angeles",
        }),
      ["customers", 0, "acquiredAt"],
    );
    expectInvalidAt(
      () =>
        churnRate([{ acquiredAt: "2000-01-01" }], {
          periodStart: "2000-01-01",
          periodEnd: new Date(8.64e15),
        }),
      ["options", "periodEnd"],
    );
    const error = catchInvalidInput(() =>
      rfmTable([{ customerId: "a", date: new Date(-8.64e15), amount: 1 }], { asOf: "2000-01-01" }),
    );
    expect(error.issues[0]!.path).toEqual(["transactions", 0, "date"]);
  });
  it("messages name the zone and truncate long strings", () => {
    const error = catchInvalidInput(() =>
      churnRate([{ acquiredAt: "2000-01-01" }], {
        periodStart: "1999-01-01",
        periodEnd: "9999-12-31T23:00-05:00",
        timeZone: "UTC",
      }),
    );
    expect(error.message).toContain(
      'outside the supported range 0000-01-01 to 9999-12-31 (calendar days in "UTC")',
    );
    const long = catchInvalidInput(() =>
      churnRate([{ acquiredAt: `2000-01-01${"9".repeat(100_000)}` }], {
        periodStart: "1999-01-01",
        periodEnd: "2001-01-01",
      }),
    );
    expect(long.message.length).toBeLessThan(200);
    // A symbol has no string form: still an InvalidInputError (was a TypeError from String()).
    expectInvalidAt(
      () =>
        churnRate([{ acquiredAt: Symbol("x") as unknown as string }], {
          periodStart: "1999-01-01",
          periodEnd: "2001-01-01",
        }),
      ["customers", 0, "acquiredAt"],
    );
  });
});

describe("fake and lying Dates", () => {
  it("an object that only inherits Date.prototype is an InvalidInputError, not a TypeError", () => {
    const fake = Object.create(Date.prototype) as Date;
    expectInvalidAt(
      () =>
        summarizeTransactions([{ customerId: "a", date: fake, amount: 1 }], {
          unit: "day",
          observationEnd: "2000-01-01",
        }),
      ["transactions", 0, "date"],
    );
    expectInvalidAt(
      () =>
        churnRate([{ acquiredAt: "1999-01-01" }], { periodStart: fake, periodEnd: "2001-01-01" }),
      ["options", "periodStart"],
    );
    expectInvalidAt(
      () => lifecycleStage([{ date: "2000-01-01", amount: 1 }], { asOf: fake, unit: "month" }),
      ["options", "asOf"],
    );
  });
  it("a Date subclass overriding getTime is read by its real time value", () => {
    class Liar extends Date {
      override getTime(): number {
        return 8.64e15;
      }
    }
    const [row] = summarizeTransactions(
      [{ customerId: "a", date: new Liar(utcWall(1999, 1, 1)), amount: 1 }],
      { unit: "day", observationEnd: "2000-01-01", timeZone: "Europe/Berlin" },
    );
    expect(row!.firstPurchase).toBe("1999-01-01");
  });
});

describe("reproducer: lifecycle functions at the ends of the range do not hang", () => {
  const timed = <T>(run: () => T): { value: T; ms: number } => {
    const t0 = performance.now();
    const value = run();
    return { value, ms: performance.now() - t0 };
  };
  it("asOf at the end of the Date range is rejected at once (was > 60 s)", () => {
    const { ms } = timed(() =>
      expectInvalidAt(
        () =>
          lifecycleStage([{ date: "2000-01-01", amount: 1 }], {
            asOf: new Date(8.64e15),
            unit: "day",
          }),
        ["options", "asOf"],
      ),
    );
    expect(ms).toBeLessThan(2000);
  }, 20_000);
  it("lifecycleStage and lifecyclePattern over the whole range, by day, in well under 2 s", () => {
    const history: LifecyclePurchase[] = [
      { date: "0000-01-01", amount: 1 },
      { date: "0000-01-02", amount: 1 },
      { date: "9999-12-31", amount: 2 },
    ];
    const stage = timed(() =>
      lifecycleStage(history, { asOf: "9999-12-31", unit: "day", timeZone: "Pacific/Kiritimati" }),
    );
    expect(stage.ms).toBeLessThan(2000);
    expect(stage.value.periodsObserved).toBe(MAX_CIVIL_DAY - MIN_CIVIL_DAY + 1);
    expect(stage.value.stage).toBe("build-up"); // 1 purchase recent, 0 in the 3 days before
    const pattern = timed(() => lifecyclePattern(history, { unit: "day", window: 1_000_000 }));
    expect(pattern.ms).toBeLessThan(2000);
    expect(pattern.value.stages.length).toBe(3_652_425);
    expect(pattern.value.stages[0]).toBe("exploration");
    expect(pattern.value.stages[1_999_998]).toBe("exploration");
    expect(pattern.value.stages[1_999_999]).toBe("decline");
    expect(pattern.value.stages[3_652_424]).toBe("build-up");
    expect(pattern.value.pattern).toBe("mid-way-aborted");
  }, 20_000);
  it("cohort dates at the end of the Date range do not size an array by their span", () => {
    // Before: new Date(8.64e15) made a ~1e8-entry cohort array; now it is outside the range.
    const model = {
      kind: "bg-nbd",
      params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 },
      logLikelihood: -9582.43,
      standardErrors: { r: 0.01, alpha: 0.1, a: 0.1, b: 0.1 },
      iterations: 20,
      converged: true,
      customerCount: 2357,
      unit: "week",
    } as const;
    const { ms } = timed(() =>
      expectInvalidAt(
        () =>
          cumulativePurchaseTracking(model as never, ["2000-01-01", new Date(8.64e15)], {
            periods: 10,
          }),
        ["cohorts", 1],
      ),
    );
    expect(ms).toBeLessThan(2000);
  }, 20_000);
  it("many purchases with a wide window stay fast (stages evaluated only where they change)", () => {
    const history: LifecyclePurchase[] = Array.from({ length: 20_000 }, (_, i) => ({
      date: new Date(utcWall(1900, 1, 1) + i * 2 * DAY),
      amount: (i % 7) + 1,
    }));
    const { value, ms } = timed(() => lifecyclePattern(history, { unit: "day", window: 5000 }));
    expect(ms).toBeLessThan(2000);
    expect(value.stages.length).toBe(39_999);
  }, 20_000);
});

/** The rules of lifecycleStage as first written: one dense array entry per period. */
function denseStages(
  history: readonly { day: number; amount: number }[],
  window: number,
  tolerance: number,
  lastDay: number,
): { stages: string[]; recent: number[]; spend: string[] } {
  const first = Math.min(...history.map((p) => p.day));
  const counts = new Array<number>(lastDay - first + 1).fill(0);
  const spend = new Array<number>(lastDay - first + 1).fill(0);
  for (const p of history) {
    counts[p.day - first]!++;
    spend[p.day - first]! += p.amount; // integer amounts: exact
  }
  const out = { stages: [] as string[], recent: [] as number[], spend: [] as string[] };
  for (let k = 0; k < counts.length; k++) {
    const sum = (a: readonly number[], from: number, to: number) => {
      let s = 0;
      for (let j = Math.max(0, from); j <= to; j++) s += a[j]!;
      return s;
    };
    const purchases = sum(counts, 0, k);
    const rc = sum(counts, k - window + 1, k);
    const pc = sum(counts, k - 2 * window + 1, k - window);
    const rs = sum(spend, k - window + 1, k);
    const ps = sum(spend, k - 2 * window + 1, k - window);
    let stage: string;
    if (k + 1 < 2 * window || purchases < 2) stage = "exploration";
    else if (rc === 0) stage = "decline";
    else {
      // counts compared in float as documented; spend exactly (tolerance is a multiple of 0.1)
      const tenths = Math.round(10 * tolerance);
      const rise = rc > (1 + tolerance) * pc || 10 * rs > ps * (10 + tenths);
      const fall = rc < (1 - tolerance) * pc || 10 * rs < ps * (10 - tenths);
      stage = fall && !rise ? "decline" : rise && !fall ? "build-up" : "maturity";
    }
    out.stages.push(stage);
    out.recent.push(rc);
    out.spend.push(String(rs));
  }
  return out;
}

describe("property: the sparse lifecycle rules equal the dense per-period definition", () => {
  it("every period's stage, window count and window spend (fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 60 }),
            amount: fc.integer({ min: 0, max: 50 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 0.2, 0.5),
        fc.integer({ min: 0, max: 10 }),
        (purchases, window, tolerance, extra) => {
          const base = daysFromCivil(2024, 1, 1);
          const history = purchases.map((p) => ({
            date: formatCivilDay(base + p.day),
            amount: p.amount,
          }));
          const first = Math.min(...purchases.map((p) => p.day));
          const last = Math.max(...purchases.map((p) => p.day));
          const dense = denseStages(purchases, window, tolerance, last + extra);
          const untilLast = dense.stages.slice(0, last - first + 1);
          const pattern = lifecyclePattern(history, { unit: "day", window, tolerance });
          expect(pattern.stages).toEqual(untilLast);
          expect(pattern.maturityPeriods).toBe(untilLast.filter((s) => s === "maturity").length);
          const stage = lifecycleStage(history, {
            unit: "day",
            window,
            tolerance,
            asOf: formatCivilDay(base + last + extra),
          });
          expect(stage.stage).toBe(dense.stages.at(-1));
          expect(stage.recentPurchases).toBe(dense.recent.at(-1));
          expect(stage.recentSpend.toString()).toBe(dense.spend.at(-1));
        },
      ),
      { seed: 20233, numRuns: 300 },
    );
  });
});

describe("no host-local time anywhere in src/", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(__dirname, "../../src"));
  // Local-time Date getters/setters (the UTC variants are fine), local formatting, parsing of
  // zone-less strings, the multi-argument local constructor, the clock, and TZDate (whose
  // constructor resolves wall times through the host's local time).
  const forbidden: [string, RegExp][] = [
    [
      "local getter/setter",
      /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|Year)\(/,
    ],
    ["getTimezoneOffset", /\.getTimezoneOffset\(/],
    ["local formatting", /\.to(?:Locale\w*|Date|Time)String\(/],
    ["Date.parse", /\bDate\.parse\(/],
    ["new Date with several arguments", /\bnew Date\([^()]*,/],
    ["the clock", /\bDate\.now\(|\bnew Date\(\s*\)/],
    ["TZDate / @date-fns/tz", /\bTZDate\b|@date-fns\/tz/],
  ];
  it("scans the library sources", () => expect(files.length).toBeGreaterThan(50));
  it.each(forbidden)("no %s", (_, pattern) => {
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (/^\s*\*/.test(code)) return; // doc comment
          if (pattern.test(code)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});

describe("outputs are identical in child processes under different TZ", () => {
  it("UTC, America/Los_Angeles, Asia/Kathmandu, Pacific/Chatham", async () => {
    const run = promisify(execFile);
    const tsx = join(__dirname, "../../node_modules/.bin/tsx");
    const probe = join(__dirname, "timeProbe.ts");
    const zones = ["UTC", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Chatham"];
    const outputs = await Promise.all(
      zones.map(async (TZ) => (await run(tsx, [probe], { env: { ...process.env, TZ } })).stdout),
    );
    const parsed = JSON.parse(outputs[0]!) as Record<string, unknown>;
    // Inclusive calendar days: the loss at 01:45 EDT on 3 November is on periodEnd's day.
    expect((parsed.churn as { churnRate: number }).churnRate).toBe(0.5);
    for (let i = 1; i < zones.length; i++) expect(outputs[i], zones[i]).toBe(outputs[0]);
  }, 120_000);
});
