/** Reads the bundled CDNOW sample into plain transaction objects (what a user would load from a database). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ExampleTransaction {
  customerId: string;
  /** ISO date, a calendar day. */
  date: string;
  /** Amount in USD, as a decimal string. */
  amount: string;
}

export function loadCdnowSample(): ExampleTransaction[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), "CDNOW_sample.txt");
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [, id, date, , amount] = line.trim().split(/\s+/);
      return {
        customerId: String(Number(id)),
        date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: amount!,
      };
    });
}
