import { describe, expect, it } from "vitest";
import {
  assignSegments,
  rfmScores,
  rfmTable,
  segmentMigration,
  segmentSummary,
  valueMatrix,
} from "../../src/index.js";

describe("segmentation never mutates its inputs", () => {
  it("frozen transaction log and Maps come out unchanged", () => {
    const log = Object.freeze(
      Array.from({ length: 40 }, (_, i) =>
        Object.freeze({
          customerId: `c${i % 9}`,
          date: `2024-0${1 + (i % 6)}-1${i % 10}`,
          amount: `${i}.25`,
        }),
      ),
    );
    const snapshot = JSON.stringify(log);
    const table = rfmTable(log, { asOf: "2024-12-31" });
    expect(JSON.stringify(log)).toBe(snapshot);
    const tableKeys = [...table.keys()];
    const scores = rfmScores(table);
    expect([...table.keys()]).toEqual(tableKeys);
    const before = [...scores.scores.entries()];
    const segments = assignSegments(scores.scores);
    expect([...scores.scores.entries()]).toEqual(before);
    const segmentsBefore = [...segments.entries()];
    segmentSummary(segments, table);
    segmentMigration(segments, segments);
    expect([...segments.entries()]).toEqual(segmentsBefore);
    const rows = new Map(
      [...table].map(([id, r]) => [
        id,
        Object.freeze({ current: r.monetary, potential: r.frequency }),
      ]),
    );
    valueMatrix(rows);
    expect(rows.size).toBe(table.size);
    // shared score objects are frozen, so a caller cannot corrupt other customers' scores
    expect(Object.isFrozen(scores.scores.values().next().value)).toBe(true);
  });
});
