/**
 * Prints, as JSON, a set of library outputs that involve wall-clock conversion. `time.test.ts` runs
 * it in child processes under several `TZ` values and asserts the outputs are identical: the library
 * must never read the process time zone. Run by hand: `TZ=Asia/Kathmandu npx tsx test/edges/timeProbe.ts`.
 */

import { civilDayOfInstant, parseCivilDay, parseInstant } from "../../src/core/time.js";
import {
  churnRate,
  InvalidInputError,
  lifecyclePattern,
  lifecycleStage,
  splitCalibrationHoldout,
  summarizeTransactions,
} from "../../src/index.js";

const zones = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "America/St_Johns",
];

const strings = [
  "2024-11-03T01:30", // repeated in New York
  "2024-03-10T02:30", // skipped in New York
  "2024-03-31T02:30:00", // skipped in Berlin
  "2024-10-27T02:30", // repeated in Berlin
  "2024-04-07T01:45", // repeated in Lord Howe (half-hour DST)
  "2011-12-30", // skipped day in Apia
  "0000-01-01",
  "0050-01-01T12:00",
  "0099-12-31",
  "9999-12-31T23:59:59.999",
  "1913-10-26T00:15",
  "1900-01-01",
];

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error instanceof InvalidInputError
      ? { error: error.name, issues: error.issues }
      : { unexpected: String(error) };
  }
}

const rows: Record<string, unknown> = {};
for (const zone of zones) {
  rows[`instant ${zone}`] = strings.map((s) => parseInstant(s, zone) ?? null);
  rows[`day ${zone}`] = strings.map((s) => parseCivilDay(s, zone) ?? null);
  rows[`civil ${zone}`] = [-62_167_219_200_000, -2_208_988_800_000, 0, 1_730_611_800_000].map(
    (ms) => civilDayOfInstant(ms, zone),
  );
}
rows.churn = outcome(() => {
  const r = churnRate(
    [{ acquiredAt: "2024-01-01" }, { acquiredAt: "2024-01-01", churnedAt: "2024-11-03T05:45:00Z" }],
    { periodStart: "2024-10-01", periodEnd: "2024-11-03T01:30", timeZone: "America/New_York" },
  );
  return { ...r, byCohort: [...r.byCohort] };
});
rows.summary = outcome(() =>
  summarizeTransactions(
    [
      { customerId: "a", date: "0000-01-01", amount: "1.50" },
      { customerId: "a", date: new Date(Date.UTC(2024, 2, 10, 7, 30)), amount: 2 },
      { customerId: "b", date: "0050-06-01T00:30", amount: 3 },
    ],
    { observationEnd: "9999-12-31", timeZone: "Pacific/Kiritimati", unit: "week" },
  ),
);
rows.extreme = [8.64e15, -8.64e15].map((ms) =>
  outcome(() =>
    summarizeTransactions([{ customerId: "a", date: new Date(ms), amount: 1 }], {
      unit: "day",
      observationEnd: "2000-01-01",
      timeZone: "Europe/Berlin",
    }),
  ),
);
rows.split = outcome(() =>
  splitCalibrationHoldout([{ customerId: "a", date: "2024-03-09", amount: 1 }], {
    unit: "day",
    calibrationEnd: "2024-03-10",
    observationEnd: "2024-11-03",
    timeZone: "America/Los_Angeles",
  }),
);
rows.stage = outcome(() =>
  lifecycleStage(
    [
      { date: "0000-01-01", amount: 1 },
      { date: "2024-11-03T01:30", amount: 2 },
    ],
    { asOf: "9999-12-31", unit: "day", timeZone: "America/New_York" },
  ),
);
rows.pattern = outcome(() => {
  const r = lifecyclePattern(
    [
      { date: "2024-01-31T23:30:00Z", amount: 1 },
      { date: "2024-03-31T02:30", amount: 2 },
      { date: "2024-06-30", amount: 2 },
    ],
    { unit: "week", window: 2, timeZone: "Asia/Tokyo" },
  );
  return { ...r, stages: r.stages.join(",") };
});
process.stdout.write(JSON.stringify(rows));
