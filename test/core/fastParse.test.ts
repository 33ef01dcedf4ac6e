import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilDayOfInstant,
  IMPOSSIBLE_DAY,
  isoDayNumber,
  parseCivilDay,
} from "../../src/core/time.js";
import { referenceCivilDay } from "../edges/intlReference.js";

describe("isoDayNumber (fast YYYY-MM-DD)", () => {
  it("agrees with parseCivilDay on every shape", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          fc.string({ minLength: 10, maxLength: 10 }),
        ),
        (text) => {
          const fast = isoDayNumber(text);
          if (Number.isNaN(fast)) return;
          expect(fast === IMPOSSIBLE_DAY ? undefined : fast).toBe(parseCivilDay(text, "UTC"));
        },
      ),
      { numRuns: 2000 },
    );
    expect(isoDayNumber("1997-02-30")).toBe(IMPOSSIBLE_DAY);
    expect(isoDayNumber("1997-2-03x")).toBeNaN();
  });
});

describe("civilDayOfInstant (cached hourly UTC offsets)", () => {
  it("agrees with Intl's calendar day in zones with odd offsets and transitions", () => {
    // Half-hour DST (Lord Howe), +5:45 (Kathmandu), +12:45/+13:45 (Chatham), a skipped day (Apia
    // 2011), local mean time before 1900, and ordinary DST zones.
    const zones = [
      "Europe/Berlin",
      "America/Los_Angeles",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "Pacific/Apia",
      "America/St_Johns",
      "Africa/Casablanca",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          // (TZDate, the earlier reference, rounds local-mean-time offsets such as Casablanca's
          // −0:30:20 to whole minutes; Intl's longOffset keeps the seconds.)
          expect(civilDayOfInstant(ms, zone)).toBe(referenceCivilDay(ms, zone));
        },
      ),
      { numRuns: 3000 },
    );
    // Around a transition: 2024-03-31T01:00Z Berlin switches from +1 to +2 at the hour.
    for (let ms = Date.UTC(2024, 2, 30, 22, 0); ms < Date.UTC(2024, 2, 31, 2, 0); ms += 60_000) {
      expect(civilDayOfInstant(ms, "Europe/Berlin")).toBe(referenceCivilDay(ms, "Europe/Berlin"));
    }
  });
});
