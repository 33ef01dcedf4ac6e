/**
 * Prints every chart of test/charts/allCharts.ts as one JSON object `{ name: spec }` (for
 * scripts/test-browser-charts.mjs): `node --import tsx test/charts/printAllCharts.ts`.
 */
import { allCharts } from "./allCharts.js";

process.stdout.write(JSON.stringify(allCharts()));
