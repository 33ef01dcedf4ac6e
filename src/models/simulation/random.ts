/**
 * The seeded random source of the simulators: a documented generator, one independent stream per
 * customer, and the draws the models need (exponential, gamma, beta).
 *
 * **Generator.** xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"), 128 bits of state, seeded by running SplitMix32 (a 32-bit variant of Steele, Lea &
 * Flood 2014's SplitMix) over the seed and the customer's index. Both use only 32-bit integer
 * arithmetic (`Math.imul`, shifts), so the uniform numbers are bit-identical on every platform and
 * engine. The draws below also use `Math.log`, `Math.sqrt` and `Math.exp`: V8 (Node.js, Chrome,
 * Deno) computes them with the same portable code everywhere, so a seed gives the same data on every
 * machine running it; another engine may differ in a last bit, which can move a simulated time by
 * an ulp.
 *
 * **Streams.** Customer `i` draws from its own stream, seeded from `(seed, i)`: customer `i`'s data
 * do not depend on how many customers are simulated nor on the holdout length.
 * @internal
 * @module
 */

/** A uniform generator on the open interval (0, 1). @internal */
export type Uniform = () => number;

/** One SplitMix32 step: the next state and its mixed output. */
function splitMix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [next, (z ^ (z >>> 15)) >>> 0];
}

const TWO_TO_32 = 4294967296;

/**
 * The uniform stream of customer `index` under `seed` (both integers in [0, 2³²)): xoshiro128**
 * with its state filled by SplitMix32 from `seed` mixed with `index`. Returns numbers in (0, 1),
 * never 0 or 1 (a 32-bit draw k maps to (k + 0.5)/2³²).
 * @internal
 */
export function customerStream(seed: number, index: number): Uniform {
  const mixed = seed ^ Math.imul(index, 0x85ebca6b) ^ (index >>> 16);
  const [state1, a] = splitMix32(mixed);
  const [state2, b] = splitMix32(state1);
  const [state3, c] = splitMix32(state2);
  const [, d] = splitMix32(state3);
  // The all-zero state is the one xoshiro cannot leave.
  const next = xoshiro128StarStar(a, b, c, (a | b | c | d) === 0 ? 1 : d);
  return () => (next() + 0.5) / TWO_TO_32;
}

/**
 * The xoshiro128** generator from the state (s0, s1, s2, s3): each call returns the next 32-bit
 * unsigned output (Blackman & Vigna's reference algorithm).
 * @internal
 */
export function xoshiro128StarStar(a: number, b: number, c: number, d: number): () => number {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An exponential draw with rate `rate` (mean 1/rate), by inversion. @internal */
export function exponential(u: Uniform, rate: number): number {
  return -Math.log(u()) / rate;
}

/** A standard normal draw (Box–Muller, one of the pair). */
function normal(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/**
 * A Gamma(shape, rate) draw (mean shape/rate): Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3), with their boost U^{1/shape} for shape < 1 (taken in
 * logs, so a tiny shape underflows to the smallest positive number rather than to 0).
 * @internal
 */
export function gamma(u: Uniform, shape: number, rate: number): number {
  if (shape < 1) {
    const boosted = gamma(u, shape + 1, 1);
    const value = Math.exp(Math.log(boosted) + Math.log(u()) / shape) / rate;
    return value > 0 ? value : Number.MIN_VALUE;
  }
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
    if (Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/**
 * A Beta(a, b) draw as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b); strictly inside (0, 1) unless a
 * shape is so small that the other gamma draw swamps it.
 * @internal
 */
export function beta(u: Uniform, a: number, b: number): number {
  const x = gamma(u, a, 1);
  return x / (x + gamma(u, b, 1));
}

/**
 * The number of failures before the first success of independent trials with success probability
 * `p` (Geometric on 0, 1, 2, …; P(≥ k) = (1 − p)^k), by inversion: ⌊ln U / ln(1 − p)⌋. Infinite when
 * p = 0, 0 when p = 1.
 * @internal
 */
export function geometricFailures(u: Uniform, p: number): number {
  return Math.floor(Math.log(u()) / Math.log1p(-p));
}

/**
 * The seed of replicate `r` of a study seeded with `seed`: one SplitMix32 output of the two mixed,
 * so replicates draw from unrelated streams.
 * @internal
 */
export function replicateSeed(seed: number, r: number): number {
  return splitMix32(seed ^ Math.imul(r + 1, 0x27d4eb2f))[1];
}
