import { describe, expect, it } from "vitest";
import {
  assignSegments,
  customerValueMatrix,
  rfmScores,
  rfmTable,
  segmentMigration,
  segmentSummary,
  valueMatrix,
} from "../../src/index.js";

describe("segmentation never mutates its inputs", () => {
  it("frozen transaction log and rows come out unchanged", () => {
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
    const table = Object.freeze(
      rfmTable(log, { asOf: "2024-12-31" }).map((row) => Object.freeze(row)),
    );
    expect(JSON.stringify(log)).toBe(snapshot);
    const tableSnapshot = JSON.stringify(table);
    const scores = Object.freeze(rfmScores(table).scores.map((row) => Object.freeze(row)));
    const scoresSnapshot = JSON.stringify(scores);
    const segments = Object.freeze(assignSegments(scores).map((row) => Object.freeze(row)));
    const segmentsSnapshot = JSON.stringify(segments);
    segmentSummary(segments, table);
    segmentMigration(segments, segments);
    customerValueMatrix(table);
    valueMatrix(
      table.map((r) =>
        Object.freeze({ customerId: r.customerId, current: r.totalSpend, potential: r.purchases }),
      ),
    );
    expect(JSON.stringify(table)).toBe(tableSnapshot);
    expect(JSON.stringify(scores)).toBe(scoresSnapshot);
    expect(JSON.stringify(segments)).toBe(segmentsSnapshot);
  });
});
