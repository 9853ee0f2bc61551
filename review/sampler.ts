/**
 * Reservoir sampling (Vitter's Algorithm R): a uniform sample of `size` items from a stream of unknown
 * length in O(size) memory. With the same seed and the same stream, the same sample.
 */
import { below, type Random } from "./random.ts";

export class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  constructor(
    readonly size: number,
    private readonly random: Random,
  ) {}

  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = below(this.random, this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }
}

/** One reservoir per key (an action), each with its own stream of random numbers from one seed. */
export class StratifiedSample<K extends string, T> {
  private readonly reservoirs = new Map<K, Reservoir<T>>();
  constructor(
    private readonly size: number,
    private readonly randomFor: (key: K) => Random,
  ) {}

  offer(key: K, item: T): void {
    let r = this.reservoirs.get(key);
    if (r === undefined) this.reservoirs.set(key, (r = new Reservoir<T>(this.size, this.randomFor(key))));
    r.offer(item);
  }

  /** The sample of `key`, in stream order of arrival into the reservoir slots. */
  get(key: K): readonly T[] {
    return this.reservoirs.get(key)?.items ?? [];
  }
}
