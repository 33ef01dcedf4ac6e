/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)\n");
console.log(`Loaded ${transactions.length.toLocaleString("en-US")} transactions.`);
