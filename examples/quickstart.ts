/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)\n");
console.log(`Loaded ${transactions.length.toLocaleString("en-US")} transactions.`);

// ── value: what is an average customer worth under the three conventions? ─────────────────────
// Self-contained: textbook inputs, not the CDNOW data. Rates are per year.
{
  const { retentionLifetimeValue } = await import("../src/index.js");
  const inputs = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
  console.log("\nLifetime value of a customer (margin 100/yr, retention 80%, discount 10%)");
  for (const timing of ["first-payment-now", "start-of-period", "end-of-period"] as const) {
    const { value } = retentionLifetimeValue({ ...inputs, timing });
    console.log(`  ${timing.padEnd(18)} ${value.toFixed(2).padStart(8)}`);
  }
}
