import { ObjectId } from 'mongodb';

/** mulberry32: a small seeded PRNG, so a dataset is the same on every machine for the same seed. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  bytes(size: number): Buffer {
    const out = Buffer.alloc(size);
    for (let i = 0; i < size; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/**
 * Deterministic ObjectIds: a fixed timestamp and a counter, so ids (and their
 * order, which pagination follows) are the same on every run with the same seed.
 */
export class IdSource {
  private counter = 0;
  private readonly prefix: string;

  constructor(seed: number) {
    this.prefix = (0x67000000 + (seed % 0xffff)).toString(16).padStart(8, '0');
  }

  next(): ObjectId {
    return new ObjectId(this.prefix + (++this.counter).toString(16).padStart(16, '0'));
  }
}
