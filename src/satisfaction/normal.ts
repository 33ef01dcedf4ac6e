/**
 * The standard normal distribution for the satisfaction domain's confidence intervals and z tests:
 * its quantile function (Wichura's AS 241) and its distribution function Φ.
 * @internal
 * @module
 */

/**
 * A polynomial `c[0]·x^(n−1) + … + c[n−1]` by Horner's rule, highest coefficient first: the
 * operations, in order, of the nested form `(c[0]·x + c[1])·x + …` AS 241 is printed in.
 */
function horner(coefficients: readonly number[], x: number): number {
  let value = coefficients[0]!;
  for (let k = 1; k < coefficients.length; k++) value = value * x + coefficients[k]!;
  return value;
}

// Wichura (1988), AS 241 PPND16: numerator and denominator coefficients of the three rational
// approximations, highest degree first (the paper's a7..a0, b7..b1 with b0 = 1, and so on).
const CENTRAL_NUMERATOR = [
  2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
  13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608,
];
const CENTRAL_DENOMINATOR = [
  5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
  5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1,
];
const INTERMEDIATE_NUMERATOR = [
  7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177,
  1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959,
  1.42343711074968357734,
];
const INTERMEDIATE_DENOMINATOR = [
  1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966,
  0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1,
];
const TAIL_NUMERATOR = [
  2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386,
  0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699,
  6.6579046435011037772,
];
const TAIL_DENOMINATOR = [
  2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5,
  7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769,
  1,
];

/**
 * Inverse of the standard normal distribution function, Wichura (1988) algorithm AS 241
 * (PPND16), relative accuracy about 1e-16: a rational function of `r = 0.180625 − q²` for
 * `|q| ≤ 0.425` (q = p − 0.5), and of `r = √(−log min(p, 1 − p))` (shifted by 1.6 up to 5, by 5
 * beyond) in the tails, the sign taken from q.
 *
 * Reference: Wichura, M. J. (1988), "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution", *Applied Statistics* 37(3): 477–484.
 * @internal
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(CENTRAL_NUMERATOR, r)) / horner(CENTRAL_DENOMINATOR, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value =
    r <= 5
      ? horner(INTERMEDIATE_NUMERATOR, r - 1.6) / horner(INTERMEDIATE_DENOMINATOR, r - 1.6)
      : horner(TAIL_NUMERATOR, r - 5) / horner(TAIL_DENOMINATOR, r - 5);
  return q < 0 ? -value : value;
}

/**
 * Complementary error function by a 28-term Chebyshev expansion of erfc(z)·exp(z²) in
 * t = 2/(2 + z) (Press, Teukolsky, Vetterling & Flannery 2007, *Numerical Recipes* 3rd ed.,
 * §6.2.2), relative error about 1e-16.
 */
function erfc(x: number): number {
  const ncof = 28;
  const cof = [
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
    -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
    5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
    8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ncof - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (cof[j] as number);
    dd = tmp;
  }
  const value = t * Math.exp(-z * z + 0.5 * ((cof[0] as number) + ty * d) - dd);
  return x >= 0 ? value : 2 - value;
}

/** Standard normal distribution function Φ(x). @internal */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
