/**
 * Scoring many customers in parallel with Node's worker_threads: `npx tsx examples/score-in-workers.ts [customers] [workers]`.
 *
 * The fitted model is a plain JSON object, so it crosses to the workers as it is. The customers
 * travel as three Float64Array columns (frequency, recency, T) whose buffers are *transferred*, not
 * copied; each worker scores its chunk with the library's batch functions and transfers its result
 * columns back. The main thread then checks a sample against a single-threaded run.
 *
 * The customers here are synthetic (drawn from the BG/NBD fitted to the CDNOW sample) so that the
 * script runs anywhere; in production they are the rows of your warehouse query (see docs/scale.md).
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type BgNbdModel, conditionalExpectedPurchases, probabilityAlive } from "../src/index.js";

/** What the main thread sends each worker. */
interface Chunk {
  model: BgNbdModel;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  horizon: number;
}

/** What a worker sends back. */
interface Scores {
  probabilityAlive: Float64Array;
  expectedPurchases: Float64Array;
}

function rowsOf(chunk: Pick<Chunk, "frequency" | "recency" | "T">) {
  return Array.from(chunk.frequency, (frequency, i) => ({
    frequency,
    recency: chunk.recency[i]!,
    T: chunk.T[i]!,
  }));
}

function score(chunk: Chunk): Scores {
  const rows = rowsOf(chunk);
  return {
    probabilityAlive: probabilityAlive(chunk.model, rows),
    expectedPurchases: conditionalExpectedPurchases(chunk.model, rows, { horizon: chunk.horizon }),
  };
}

if (!isMainThread) {
  // ── worker: score one chunk and transfer the result columns back ─────────────────────────────
  const result = score(workerData as Chunk);
  parentPort!.postMessage(result, [
    result.probabilityAlive.buffer as ArrayBuffer,
    result.expectedPurchases.buffer as ArrayBuffer,
  ]);
} else {
  const customers = Number(process.argv[2] ?? 200_000);
  const workers = Number(process.argv[3] ?? Math.min(4, availableParallelism()));
  const horizon = 52;

  // BG/NBD fitted to the CDNOW sample in weeks (fitBgNbd output, stored as JSON).
  const model: BgNbdModel = {
    kind: "bg-nbd",
    params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 },
    logLikelihood: -9582.43,
    standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
    iterations: 18,
    converged: true,
    customerCount: 2357,
    unit: "week",
  };

  // Synthetic histories from the model itself (deterministic generator): T uniform on 1..78 weeks.
  let seed = 42;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed + 0.5) / 2147483648;
  };
  const gamma = (shape: number): number => {
    // Marsaglia & Tsang (2000); shape < 1 via the boost u^(1/shape).
    if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const { r, alpha, a, b } = model.params;
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(r) / alpha;
    const x = gamma(a);
    const p = x / (x + gamma(b));
    const age = 1 + Math.floor(uniform() * 78);
    let t = 0;
    let last = 0;
    let count = 0;
    for (;;) {
      t += -Math.log(uniform()) / lambda;
      if (t > age) break;
      count += 1;
      last = t;
      if (uniform() < p) break; // drops out after this purchase
    }
    frequency[i] = count;
    recency[i] = Math.round(last * 7) / 7; // whole days, in weeks
    T[i] = age;
  }

  // ── split into chunks, one per worker; transfer the column buffers ──────────────────────────
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const started = performance.now();
  const size = Math.ceil(customers / workers);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * size;
      const to = Math.min(customers, from + size);
      const chunk: Chunk = {
        model,
        frequency: frequency.slice(from, to),
        recency: recency.slice(from, to),
        T: T.slice(from, to),
        horizon,
      };
      return new Promise<Scores>((resolve, reject) => {
        // The worker runs this same file. It starts from a two-line loader that registers the
        // TypeScript hooks (tsx) first; a compiled .js script passes `new URL(import.meta.url)`.
        const worker = new Worker(bootstrap, {
          eval: true,
          workerData: chunk,
          transferList: [
            chunk.frequency.buffer as ArrayBuffer,
            chunk.recency.buffer as ArrayBuffer,
            chunk.T.buffer as ArrayBuffer,
          ],
        });
        worker.once("message", resolve);
        worker.once("error", reject);
      });
    }),
  );
  const alive = new Float64Array(customers);
  const expected = new Float64Array(customers);
  results.forEach((part, w) => {
    alive.set(part.probabilityAlive, w * size);
    expected.set(part.expectedPurchases, w * size);
  });
  const elapsed = performance.now() - started;

  // ── check a sample against a single-threaded run, then report ───────────────────────────────
  const sample = Math.min(customers, 1000);
  const single = score({
    model,
    frequency: frequency.slice(0, sample),
    recency: recency.slice(0, sample),
    T: T.slice(0, sample),
    horizon,
  });
  let maxDifference = 0;
  for (let i = 0; i < sample; i++) {
    maxDifference = Math.max(
      maxDifference,
      Math.abs(single.probabilityAlive[i]! - alive[i]!),
      Math.abs(single.expectedPurchases[i]! - expected[i]!),
    );
  }
  let likelyLost = 0;
  let totalExpected = 0;
  for (let i = 0; i < customers; i++) {
    if (alive[i]! < 0.5) likelyLost += 1;
    totalExpected += expected[i]!;
  }
  console.log(
    `Scored ${customers.toLocaleString("en-US")} customers in ${workers} workers in ${elapsed.toFixed(0)} ms`,
  );
  console.log(
    `P(alive) < 0.5: ${likelyLost.toLocaleString("en-US")} customers (${((100 * likelyLost) / customers).toFixed(1)}%)`,
  );
  console.log(`expected purchases in the next ${horizon} weeks: ${totalExpected.toFixed(0)}`);
  console.log(
    `same as single-threaded on the first ${sample} customers: ${maxDifference === 0 ? "yes" : `no (max difference ${maxDifference})`}`,
  );
}
