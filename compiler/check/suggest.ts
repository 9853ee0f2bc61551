/**
 * "Did you mean …?": the closest declared name by edit distance.
 *
 * Distance is the optimal-string-alignment variant of Damerau–Levenshtein (insert, delete, substitute,
 * swap two adjacent characters), as TypeScript's `getSpellingSuggestion` uses. A candidate is close
 * when it differs only in case, or when the distance is at most a third of the name's length (at
 * least 1, and 0 for names shorter than three characters, where any edit is a different word).
 * Ties go to the first candidate, which is the first declared.
 *
 * A suggestion is both a hint ("did you mean `x`?", as `handoff check` prints it) and a fix that
 * writes `x` over the misspelt name, for editors and `check --format json`.
 */
import type { Fix, Span } from "../../diagnostics/index.ts";

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length < 3 ? 0 : Math.max(1, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = distance(name, candidate, limit);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export interface Suggestion {
  readonly hint: string;
  readonly fixes: readonly Fix[];
}

/**
 * "did you mean `x`?" for the candidate closest to the name written at `span`, with the fix that
 * writes it there (in double quotes when the author quoted the name); undefined when none is close.
 */
export function suggestion(name: string, candidates: Iterable<string>, span: Span, quoted = false): Suggestion | undefined {
  const close = suggest(name, candidates);
  return close === undefined ? undefined : { hint: `did you mean \`${close}\`?`, fixes: [replaceWith(span, close, quoted)] };
}

/** The fix that writes `word` over `span`. */
export function replaceWith(span: Span, word: string, quoted = false): Fix {
  return { title: `Change to \`${word}\``, span, text: quoted ? JSON.stringify(word) : word, preferred: true };
}

/** Optimal string alignment distance; returns a value above `limit` as soon as it must exceed it. */
export function distance(a: string, b: string, limit = Infinity): number {
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[n]!;
}

/** "`a`, `b` or `c`": every name, for a short closed list such as the urgencies. */
export function oneOfNames(names: readonly string[]): string {
  const shown = names.map((n) => `\`${n}\``);
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

/** "`a`, `b`, `c`", cut after `max` names with "…". */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map((n) => `\`${n}\``);
  if (names.length > max) shown.push("…");
  return shown.join(", ");
}
