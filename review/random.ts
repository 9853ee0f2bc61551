/**
 * A small seeded PRNG for reproducible samples and generated logs: sfc32 (Chris Doty-Humphrey's
 * "small fast chaotic" generator, PractRand-tested), seeded from any text by FNV-1a hashing.
 */
export type Random = () => number;

/** A generator of floats in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: string | number): Random {
  let h = 0x811c9dc5;
  const text = String(seed);
  const words: number[] = [];
  for (let k = 0; k < 4; k++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ (k + 1), 0x01000193);
    words.push(h >>> 0);
  }
  let [a, b, c, d] = words as [number, number, number, number];
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A whole number in [0, n). */
export function below(random: Random, n: number): number {
  return Math.floor(random() * n);
}
