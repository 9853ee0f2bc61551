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

  /** Offers the next item of the stream; `make` is called only if the item is kept. */
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(make());
    else {
      const j = below(this.random, this.seen);
      if (j < this.size) this.items[j] = make();
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

  /** Offers the next item of `key`'s stream; `make` is called only if the item is kept. */
  offer(key: K, make: () => T): void {
    let r = this.reservoirs.get(key);
    if (r === undefined) this.reservoirs.set(key, (r = new Reservoir<T>(this.size, this.randomFor(key))));
    r.offer(make);
  }

  /** The sample of `key`, in stream order of arrival into the reservoir slots. */
  get(key: K): readonly T[] {
    return this.reservoirs.get(key)?.items ?? [];
  }
}
