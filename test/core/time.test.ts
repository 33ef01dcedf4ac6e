import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type { InputIssue, InvalidInputError } from "../../src/core/errors.js";
import {
  calendarPeriodIndex,
  civilFromDays,
  dateIssueCode,
  dateLikeSchema,
  daysFromCivil,
  formatCivilDay,
  isValidTimeZone,
  parseCivilDay,
  parseInstant,
  startOfCivilDay,
  timeUnitSchema,
  timeZoneSchema,
} from "../../src/core/time.js";
import { parseInput } from "../../src/core/validate.js";

describe("calendar days", () => {
  it("round-trips day numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (n) => {
        const { year, month, day } = civilFromDays(n);
        expect(daysFromCivil(year, month, day)).toBe(n);
      }),
    );
  });
  it("agrees with Date.UTC", () => {
    expect(daysFromCivil(1997, 1, 1) * 86_400_000).toBe(Date.UTC(1997, 0, 1));
    expect(daysFromCivil(2000, 2, 29) * 86_400_000).toBe(Date.UTC(2000, 1, 29));
  });
  it("parses ISO dates, extended and basic format, and rejects impossible ones", () => {
    expect(formatCivilDay(parseCivilDay("1997-01-01", "UTC")!)).toBe("1997-01-01");
    expect(parseCivilDay("19970101", "UTC")).toBe(parseCivilDay("1997-01-01", "UTC"));
    expect(parseCivilDay("19970230", "UTC")).toBeUndefined();
    expect(parseCivilDay("1997-02-30", "UTC")).toBeUndefined();
    expect(parseCivilDay("1997-13-01", "UTC")).toBeUndefined();
    expect(parseCivilDay("1996-02-29", "UTC")).toBeDefined();
    expect(parseCivilDay(new Date(Number.NaN), "UTC")).toBeUndefined();
    expect(parseCivilDay(42, "UTC")).toBeUndefined();
  });
  it("places instants on the calendar day of the time zone", () => {
    // 1997-01-01T05:00Z is still 31 December in Los Angeles (UTC−8).
    expect(formatCivilDay(parseCivilDay("1997-01-01T05:00:00Z", "America/Los_Angeles")!)).toBe(
      "1996-12-31",
    );
    expect(formatCivilDay(parseCivilDay("1997-01-01T05:00:00Z", "UTC")!)).toBe("1997-01-01");
    // A wall-clock time without offset is read in the time zone itself.
    expect(formatCivilDay(parseCivilDay("1997-01-01 05:00:00", "America/Los_Angeles")!)).toBe(
      "1997-01-01",
    );
    expect(parseInstant("1997-01-01", "America/Los_Angeles")).toBe(Date.UTC(1997, 0, 1, 8));
    expect(
      new Date(startOfCivilDay(daysFromCivil(1997, 7, 1), "Europe/Berlin")).toISOString(),
    ).toBe("1997-06-30T22:00:00.000Z");
  });
  it("counts Monday-based weeks and calendar months", () => {
    const monday = parseCivilDay("2024-03-11", "UTC")!;
    expect(calendarPeriodIndex(monday - 1, "week")).toBe(calendarPeriodIndex(monday, "week") - 1);
    expect(calendarPeriodIndex(monday + 6, "week")).toBe(calendarPeriodIndex(monday, "week"));
    expect(
      calendarPeriodIndex(parseCivilDay("1998-01-31", "UTC")!, "month") -
        calendarPeriodIndex(parseCivilDay("1997-12-01", "UTC")!, "month"),
    ).toBe(1);
    expect(
      calendarPeriodIndex(parseCivilDay("1997-04-01", "UTC")!, "quarter") -
        calendarPeriodIndex(parseCivilDay("1997-03-31", "UTC")!, "quarter"),
    ).toBe(1);
  });
  it("knows time zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("issue codes of bad dates, units and zones", () => {
  const issuesOf = (schema: z.core.$ZodType, value: unknown): readonly InputIssue[] => {
    try {
      parseInput("f", schema, value, ["options"]);
    } catch (error) {
      return (error as InvalidInputError).issues;
    }
    throw new Error("expected an error");
  };
  it("dateIssueCode: required, invalid_type, invalid_date", () => {
    expect(dateIssueCode(undefined)).toBe("required");
    for (const value of [null, 19970101, {}, true])
      expect(dateIssueCode(value)).toBe("invalid_type");
    for (const value of ["1997-02-30", "yesterday", new Date(Number.NaN), new Date(8.64e15)]) {
      expect(dateIssueCode(value)).toBe("invalid_date");
    }
  });
  it("timeUnitSchema: a missing unit is required, an unknown one invalid_value, a number invalid_type", () => {
    const schema = z.strictObject({ unit: timeUnitSchema });
    const message = 'Invalid option: expected one of "day"|"week"|"month"|"quarter"|"year"';
    expect(issuesOf(schema, {})).toEqual([
      { path: ["options", "unit"], message, code: "required", received: undefined },
    ]);
    expect(issuesOf(schema, { unit: "fortnight" })).toEqual([
      { path: ["options", "unit"], message, code: "invalid_value", received: "fortnight" },
    ]);
    expect(issuesOf(schema, { unit: 7 })[0]).toMatchObject({ code: "invalid_type", received: 7 });
    for (const unit of ["day", "week", "month", "quarter", "year"]) {
      expect(parseInput("f", schema, { unit })).toEqual({ unit });
    }
    // Optional where a function has a default: absent is fine, a bad value is still an issue.
    const optional = z.strictObject({ unit: z.exactOptional(timeUnitSchema) });
    expect(parseInput("f", optional, {})).toEqual({});
    expect(issuesOf(optional, { unit: "days" })[0]!.code).toBe("invalid_value");
  });
  it("timeZoneSchema and dateLikeSchema give codes", () => {
    expect(
      issuesOf(z.strictObject({ timeZone: timeZoneSchema }), { timeZone: "Mars/Base" }),
    ).toEqual([
      {
        path: ["options", "timeZone"],
        message: 'Unknown time zone "Mars/Base"',
        code: "invalid_value",
        received: "Mars/Base",
      },
    ]);
    expect(issuesOf(z.strictObject({ asOf: dateLikeSchema }), { asOf: 5 })[0]).toMatchObject({
      path: ["options", "asOf"],
      code: "invalid_type",
      received: 5,
    });
  });
});
