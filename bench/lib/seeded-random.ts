/** mulberry32: a tiny seeded PRNG, so every benchmark run sees the same inputs. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform number in [min, max). */
export function uniform(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Uniform integer in [min, max]. */
export function integer(random: () => number, min: number, max: number): number {
  return Math.floor(uniform(random, min, max + 1));
}
