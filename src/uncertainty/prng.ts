/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, from
 * PractRand; 128-bit state, period ≥ 2^32, passes PractRand to 2^40+ bytes), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. Only 32-bit integer operations
 * (`Math.imul`, `>>>`, `|0`), so the same seed gives the same numbers in every JavaScript
 * engine (Node and Chromium alike). Never `Math.random`.
 */
export interface Rng {
  /** A uniform number in [0, 1), 32 bits of resolution. */
  next(): number;
  /** A uniform number in the open interval (0, 1): never 0, never 1 (for quantile functions). */
  open(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32(); // discard the first outputs, as the reference does
  return {
    next: () => u32() / 4294967296,
    open: () => (u32() + 0.5) / 4294967296,
  };
}
