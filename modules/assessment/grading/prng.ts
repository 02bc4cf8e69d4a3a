/**
 * Mulberry32: a 32-bit seeded pseudo-random generator (Tommy Ettinger, public
 * domain). Small enough to read in full, fast, and good enough to shuffle a
 * handful of questions; it is NOT for secrets. Each attempt stores its seed,
 * so the order it produced can be reproduced and audited.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A fresh seed for a new attempt (any unsigned 32-bit integer). */
export function newSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
