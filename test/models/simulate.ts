/**
 * Simulators of the buy-till-you-die processes, written from the model assumptions (Fader, Hardie
 * & Lee 2005; Batislam et al. 2007; Fader, Hardie & Lee 2005 JMR for spend), for parameter-recovery
 * tests and benchmarks. Deterministic: a seeded PRNG (mulberry32).
 */

/** A seeded uniform generator on (0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return u === 0 ? 0.5 / 4294967296 : u;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gamma(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(u, shape + 1, rate) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

function beta(u: () => number, a: number, b: number): number {
  const x = gamma(u, a, 1);
  return x / (x + gamma(u, b, 1));
}

/** A simulated customer summary. */
export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
  /** Mean value of the repeat purchases (0 without repeat purchases). */
  monetaryValue: number;
}

export interface SimulationOptions {
  /** BG/NBD-family parameters. */
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  /** 0: BG/NBD; 1: MBG/NBD (drop-out possible right after the first purchase). */
  readonly modified?: 0 | 1;
  /** Customers. */
  readonly n: number;
  /** Observation lengths: T drawn uniformly from [minT, maxT]. */
  readonly minT: number;
  readonly maxT: number;
  /** Round times down to multiples of this (e.g. 1 for daily data in days); 0 = exact. */
  readonly resolution?: number;
  /** Gamma-Gamma spend parameters (optional). */
  readonly spend?: { readonly p: number; readonly q: number; readonly v: number };
  readonly seed?: number;
}

/** Simulates customers from the BG/NBD (or MBG/NBD) purchase process and the Gamma-Gamma spend model. */
export function simulateCustomers(options: SimulationOptions): SimulatedCustomer[] {
  const u = random(options.seed ?? 42);
  const res = options.resolution ?? 0;
  const round = (t: number) => (res > 0 ? Math.floor(t / res) * res : t);
  const out: SimulatedCustomer[] = new Array(options.n);
  for (let i = 0; i < options.n; i++) {
    const lambda = gamma(u, options.r, options.alpha);
    const p = beta(u, options.a, options.b);
    const T = round(options.minT + (options.maxT - options.minT) * u()) || res || options.minT;
    let x = 0;
    let tx = 0;
    let alive = !(options.modified === 1 && u() < p);
    let t = 0;
    while (alive) {
      t += -Math.log(u()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (u() < p) alive = false;
    }
    let monetaryValue = 0;
    if (options.spend !== undefined && x > 0) {
      const nu = gamma(u, options.spend.q, options.spend.v);
      let total = 0;
      for (let k = 0; k < x; k++) total += gamma(u, options.spend.p, nu);
      monetaryValue = total / x;
    }
    out[i] = { frequency: x, recency: x === 0 ? 0 : Math.min(round(tx), T), T, monetaryValue };
  }
  return out;
}
