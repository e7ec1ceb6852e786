/** A function returning uniformly distributed numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * Creates a small seeded PRNG (mulberry32).
 *
 * Generated organizations must be identical for a given seed (tests and demos refer to account names),
 * and fault injection should be reproducible; this is not for secrets, which use `node:crypto`.
 */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [0, maxExclusive). */
export function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** Shuffles a copy of `items` (Fisher–Yates) with the given PRNG. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(random, i + 1);
    const held = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = held;
  }
  return copy;
}
