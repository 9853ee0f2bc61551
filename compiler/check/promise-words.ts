/**
 * A deadline in words, as `{within}` prints it and as a customer reads it, and the time phrases a `say`
 * can promise ("within 2 hours", "within the hour", "in 30 minutes", "by tomorrow"), read back into
 * seconds so `say-contradicts-deadline` can compare them with the rule's `within`.
 */

/** The promise of an outcome: its `within` in seconds, and whether it counts business time. */
export interface Promise {
  readonly seconds: number;
  readonly business: boolean;
}

const UNITS = [
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
] as const;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * `{within}`: "2 hours", "1 hour 30 minutes", "1 day"; in business time "4 business hours",
 * "30 business minutes", or "1 hour 30 minutes of business time" when it mixes units.
 */
export function withinWords({ seconds, business }: Promise): string {
  if (business) {
    if (seconds % 3600 === 0) return plural(seconds / 3600, "business hour");
    if (seconds < 3600 && seconds % 60 === 0) return plural(seconds / 60, "business minute");
  }
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of business ? UNITS.slice(1) : UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(plural(n, unit));
    rest -= n * size;
  }
  const words = parts.join(" ") || "0 seconds";
  return business ? `${words} of business time` : words;
}

/** A time promised in a text: where it is, and what it promises (null: a time that cannot be compared, "by tomorrow"). */
export interface TimePhrase {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly promise: Promise | null;
}

const NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, "forty-five": 45, "twenty-four": 24, "forty-eight": 48,
};
const UNIT_SECONDS: Readonly<Record<string, number>> = { minute: 60, min: 60, mins: 60, hour: 3600, hr: 3600, hrs: 3600, h: 3600, day: 86400 };

const AMOUNT = String.raw`(\d+(?:\.\d+)?|${Object.keys(NUMBERS).join("|")})`;
const UNIT = String.raw`(business\s+|working\s+)?(minutes?|mins?|hours?|hrs?|h|days?)`;
const PHRASE = new RegExp(
  String.raw`\b(?:within|in|under|inside)\s+(?:the\s+next\s+|the\s+)?(?:${AMOUNT}\s*${UNIT}|(hour|day))\b|\bby\s+(tomorrow|tonight|the\s+end\s+of\s+(?:the\s+)?(?:day|week))\b`,
  "gi",
);

/** Every time phrase in `text`, in order. */
export function timePhrases(text: string): TimePhrase[] {
  const out: TimePhrase[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const [whole, amount, kind, unit, bare, by] = m;
    const start = m.index!;
    const phrase = { start, end: start + whole.length, text: whole };
    if (by !== undefined) {
      out.push({ ...phrase, promise: null });
      continue;
    }
    const working = kind?.toLowerCase().startsWith("working") === true;
    const n = bare !== undefined ? 1 : /^\d/.test(amount!) ? Number(amount) : NUMBERS[amount!.toLowerCase()]!;
    const u = (bare ?? unit!).toLowerCase().replace(/s$/, "");
    const size = UNIT_SECONDS[u] ?? UNIT_SECONDS[u + "s"]!;
    // "a working day" is as long as the owner's day: it promises business time, but no number of seconds.
    if (working && u === "day") out.push({ ...phrase, promise: null });
    else out.push({ ...phrase, promise: { seconds: Math.round(n * size), business: kind !== undefined } });
  }
  return out;
}
