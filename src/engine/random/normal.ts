/**
 * The standard normal distribution's CDF and quantile, used by the lognormal (sampling by
 * inversion, and its CDF) and by the gamma sampler. Pure functions, no allocation.
 */

// Wichura (1988), Algorithm AS 241 PPND16, Applied Statistics 37(3), 477-484: relative accuracy
// about 1e-16. Coefficients as published, written at double precision.
const A0 = 3.3871328727963665, A1 = 133.14166789178438, A2 = 1971.5909503065513, A3 = 13731.69376550946;
const A4 = 45921.95393154987, A5 = 67265.7709270087, A6 = 33430.57558358813, A7 = 2509.0809287301227;
const B1 = 42.31333070160091, B2 = 687.1870074920579, B3 = 5394.196021424751, B4 = 21213.794301586597;
const B5 = 39307.89580009271, B6 = 28729.085735721943, B7 = 5226.495278852854;
const C0 = 1.4234371107496835, C1 = 4.630337846156546, C2 = 5.769497221460691, C3 = 3.6478483247632045;
const C4 = 1.2704582524523684, C5 = 0.2417807251774506, C6 = 0.022723844989269184, C7 = 0.0007745450142783414;
const D1 = 2.053191626637759, D2 = 1.6763848301838038, D3 = 0.6897673349851, D4 = 0.14810397642748008;
const D5 = 0.015198666563616457, D6 = 0.0005475938084995345, D7 = 1.0507500716444169e-9;
const E0 = 6.657904643501103, E1 = 5.463784911164114, E2 = 1.7848265399172913, E3 = 0.29656057182850487;
const E4 = 0.026532189526576124, E5 = 0.0012426609473880784, E6 = 0.000027115555687434876, E7 = 2.0103343992922881e-7;
const F1 = 0.599832206555888, F2 = 0.1369298809227358, F3 = 0.014875361290850615, F4 = 0.0007868691311456133;
const F5 = 0.000018463183175100548, F6 = 1.421511758316446e-7, F7 = 2.0442631033899397e-15;

/**
 * The standard normal quantile Phi^-1(p): the z with P(Z <= z) = p.
 * Algorithm AS 241 (Wichura 1988), relative accuracy about 1e-16 over (0, 1).
 * @param p probability in [0, 1]; 0 gives -Infinity, 1 gives Infinity, anything else NaN.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
      (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1);
  }
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) return r === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  r = Math.sqrt(-Math.log(r));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
      (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
  } else {
    r -= 5;
    z = (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
      (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
  }
  return q < 0 ? -z : z;
}

/**
 * The standard normal CDF Phi(x) = P(Z <= x), accurate to about 1e-15 absolute.
 * Hart (1968) algorithm 5666 as given by West, "Better approximations to cumulative normal
 * functions", Wilmott Magazine (2005), figure 2.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      const num = ((((((0.0352624965998911 * a + 0.700383064443688) * a + 6.37396220353165) * a +
        33.912866078383) * a + 112.079291497871) * a + 221.213596169931) * a + 220.206867912376);
      const den = (((((((0.0883883476483184 * a + 1.75566716318264) * a + 16.064177579207) * a +
        86.7807322029461) * a + 296.564248779674) * a + 637.333633378831) * a + 793.826512519948) * a +
        440.413735824752);
      tail = (e * num) / den;
    } else {
      const b = a + 1 / (a + 2 / (a + 3 / (a + 4 / (a + 0.65))));
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
