import type { KeyedOption, KeyedQuestion } from './grading.types';
import { mulberry32, shuffled } from './prng';

/** A question of the quiz's pool, as the curriculum hands it over (read-only). */
export type PoolQuestion = Readonly<Omit<KeyedQuestion, 'options'>> & { readonly options: ReadonlyArray<Readonly<KeyedOption>> };

export interface OrderSettings {
  shuffle: boolean;
  /** Draw this many questions from the pool; absent (or ≥ the pool) asks them all. */
  drawCount?: number | null;
}

/**
 * The questions of one attempt, in the order that attempt shows them, each
 * with its options in order. Deterministic in (pool, seed, settings), so an
 * attempt's order can be rebuilt from its stored seed; the attempt also stores
 * the result, so a later change to this function never reorders an open attempt.
 *
 * One generator stream, consumed in a fixed sequence: the draw, then the
 * question order, then each question's options in final order. TRUE_FALSE
 * options keep True before False: shuffling two fixed words only confuses.
 */
export function orderAttempt(pool: readonly PoolQuestion[], seed: number, settings: OrderSettings): KeyedQuestion[] {
  const random = mulberry32(seed);
  const draw = settings.drawCount && settings.drawCount < pool.length ? settings.drawCount : undefined;

  let chosen: PoolQuestion[] = [...pool];
  if (draw !== undefined) {
    const picked = new Set(shuffled(pool, random).slice(0, draw).map((q) => q.id));
    // Drawn questions keep the authored order unless the quiz also shuffles.
    chosen = pool.filter((q) => picked.has(q.id));
  }
  if (settings.shuffle) chosen = shuffled(chosen, random);

  return chosen.map((q) => ({
    ...q,
    options: settings.shuffle && q.kind !== 'TRUE_FALSE' ? shuffled(q.options, random) : q.options.map((o) => ({ ...o })),
  }));
}
