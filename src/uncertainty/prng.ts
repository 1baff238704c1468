/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, from
 * PractRand; 128-bit state, period ≥ 2^32, passes PractRand to 2^40+ bytes), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. Only 32-bit integer operations
 * (`Math.imul`, `>>>`, `|0`), so the same seed gives the same numbers in every JavaScript
 * engine (Node and Chromium alike). Never `Math.random`.
 *
 * Streams: `createRng(seed, stream)` gives stream `stream` of `seed`. The Monte Carlo gives each
 * draw d its own stream (`createRng(seed, d)`), so a draw's numbers depend only on (seed, d), never
 * on which draws ran before it in the same thread: a run split across workers gives the numbers
 * of a run in one piece (split invariance). The stream index is mixed into the third state word
 * through murmur3's 32-bit finaliser (a bijection with fmix32(0) = 0, so stream 0 is the
 * single-stream generator of earlier versions, and distinct streams of one seed start from
 * distinct states); the 12 discarded outputs then mix the state, much as PractRand's sfc32
 * seeding does for a 64-bit seed (its words placed in the state, 12 outputs discarded).
 * prng.test.ts checks neighbouring streams for uniformity and correlation.
 */
export interface Rng {
  /** A uniform number in [0, 1), 32 bits of resolution. */
  next(): number;
  /** A uniform number in the open interval (0, 1): never 0, never 1 (for quantile functions). */
  open(): number;
}

/** splitmix32's output function: the mix of one state word (the state steps by 0x9e3779b9). */
function splitmixOutput(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** murmur3's 32-bit finaliser: a bijection on 32-bit words with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * sfc32's state in an Int32Array, its steps as methods: one object a generator, where closures
 * over four variables made five, and a state word outside V8's small integers a new heap
 * number at every step (the Monte Carlo makes a generator a draw; bench/NOTES.md).
 */
class Sfc32 implements Rng {
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream: number) {
    const s = this.s;
    // splitmix32 from the seed: four outputs, the third mixed with the stream.
    let x = seed >>> 0;
    x = (x + 0x9e3779b9) | 0;
    s[0] = splitmixOutput(x);
    x = (x + 0x9e3779b9) | 0;
    s[1] = splitmixOutput(x);
    x = (x + 0x9e3779b9) | 0;
    s[2] = splitmixOutput(x) ^ fmix32(stream >>> 0);
    x = (x + 0x9e3779b9) | 0;
    s[3] = splitmixOutput(x);
    for (let i = 0; i < 12; i++) this.u32(); // discard the first outputs, as the reference does
  }

  private u32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  open(): number {
    return (this.u32() + 0.5) / 4294967296;
  }
}

export function createRng(seed: number, stream = 0): Rng {
  return new Sfc32(seed, stream);
}
