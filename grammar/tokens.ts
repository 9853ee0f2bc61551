/**
 * The tokens of the handoff language: every token type in one file, in lexer order.
 *
 * Lexer order matters (Chevrotain takes the first pattern that matches, not the longest):
 *   1. whitespace and comments;
 *   2. strings, then the unterminated-string fallback (so an unclosed `"` yields one token, not garbage);
 *   3. time ranges (`09:00-17:30`), then durations, then malformed number-like words (`2hours`, `1h30`,
 *      `1.5h`), then numbers;
 *   4. punctuation, two-character operators before their one-character prefixes;
 *   5. `most-severe`, `first-match`, `invalid-input`, then day ranges (`mon-fri`);
 *   6. keywords, longest first (so `invalid` is not read as `in` + `valid`), each with
 *      `longer_alt: Identifier` (so `today` is a name, not `to` + `day`);
 *   7. Identifier last.
 *
 * Reserved words can never be names. Every other keyword ("soft keyword") belongs to the `Name`
 * category as well, so wherever the grammar expects a name it accepts `text`, `stop`, `reason`, …,
 * and the keyword meaning applies only where the grammar asks for that keyword.
 *
 * Line ends are `\n`, `\r\n` and a lone `\r`.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import type { ActionName, MonotoneDirection, PolicyName } from "./vocabulary.ts";

/** Anything that can name a signal, field, owner, rule, enum member or given-signal. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
  label: "a name",
});

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\f\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `#` to the end of the line; collected into `ContractFile.comments`. */
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  label: "a string",
});

/**
 * A `"` whose string is not closed on its line. It counts as a string for the parser (no cascade of
 * errors); `parse` reports "unterminated string" at its position.
 */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral],
  label: "a string",
});

/**
 * `HH:MM-HH:MM`, one token (no spaces), as in a calendar's hours: `09:00-17:30`, `00:00-24:00`. One-digit
 * hours are read too (`9:00-17:30`) so that the checker can say what is wrong; it also judges the values.
 */
export const TimeRange = createToken({
  name: "TimeRange",
  pattern: /[0-9]{1,2}:[0-9]{2}-[0-9]{1,2}:[0-9]{2}(?![A-Za-z0-9_:])/,
  label: "hours such as `09:00-17:30`",
});

export const Duration = createToken({
  name: "Duration",
  pattern: /[0-9]+[smhdw](?:[0-9]+[smhdw])*(?![A-Za-z0-9_])/,
  label: "a duration",
});

/**
 * A number that runs into identifier characters: `2hours`, `1h30`, `1.5h`, `-2h`, `12_000`. It counts
 * as a duration for the parser (the likely intent); `parse` reports it as a syntax error.
 */
export const MalformedNumber = createToken({
  name: "MalformedNumber",
  pattern: /-?[0-9]+(?:\.[0-9]+)?[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Duration],
  label: "a duration",
});

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?[0-9]+(?:\.[0-9]+)?/,
  label: "a number",
});

function punct(name: string, text: string): TokenType {
  return createToken({ name, pattern: text, label: `\`${text}\`` });
}

export const EqEq = punct("EqEq", "==");
export const NotEq = punct("NotEq", "!=");
export const LtEq = punct("LtEq", "<=");
export const GtEq = punct("GtEq", ">=");
export const Lt = punct("Lt", "<");
export const Gt = punct("Gt", ">");
export const Equals = punct("Equals", "=");
export const Colon = punct("Colon", ":");
export const Comma = punct("Comma", ",");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const LCurly = punct("LCurly", "{");
export const RCurly = punct("RCurly", "}");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const Pipe = punct("Pipe", "|");
export const DotDot = punct("DotDot", "..");

export const MostSevere = createToken({
  name: "MostSevere",
  pattern: /most-severe(?![A-Za-z0-9_])/,
  label: "`most-severe`",
});
export const FirstMatch = createToken({
  name: "FirstMatch",
  pattern: /first-match(?![A-Za-z0-9_])/,
  label: "`first-match`",
});

/**
 * The rule name of the `on invalid` outcome, one token so that `expect rule invalid-input` gets a
 * message saying why it cannot be tested rather than a stray `-`. The grammar accepts it only there.
 */
export const InvalidInput = createToken({
  name: "InvalidInput",
  pattern: /invalid-input(?![A-Za-z0-9_])/,
  label: "`invalid-input`",
});

/** The weekday abbreviations of a calendar, Monday first. */
export const weekdayWords = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayWord = (typeof weekdayWords)[number];
const dayPattern = weekdayWords.join("|");

/** Two weekdays joined by `-` (`mon-fri`), one token; a single weekday is a `Weekday` keyword. */
export const DayRange = createToken({
  name: "DayRange",
  pattern: new RegExp(`(?:${dayPattern})-(?:${dayPattern})(?![A-Za-z0-9_])`),
  label: "days such as `mon-fri`",
});

function keyword(name: string, word: string, soft: boolean): TokenType {
  return createToken({
    name,
    pattern: word,
    longer_alt: Identifier,
    label: `\`${word}\``,
    ...(soft ? { categories: [Name] } : {}),
  });
}

// Reserved words: never names.
export const And = keyword("And", "and", false);
export const Or = keyword("Or", "or", false);
export const Not = keyword("Not", "not", false);
export const Is = keyword("Is", "is", false);
export const In = keyword("In", "in", false);
export const True = keyword("True", "true", false);
export const False = keyword("False", "false", false);
export const When = keyword("When", "when", false);
export const Then = keyword("Then", "then", false);
export const Rule = keyword("Rule", "rule", false);
export const Otherwise = keyword("Otherwise", "otherwise", false);
export const Test = keyword("Test", "test", false);
export const Given = keyword("Given", "given", false);
export const Expect = keyword("Expect", "expect", false);

// Soft keywords: keywords only where the grammar expects them, names everywhere else.
export const Contract = keyword("Contract", "contract", true);
export const Version = keyword("Version", "version", true);
export const Policy = keyword("Policy", "policy", true);
export const Signals = keyword("Signals", "signals", true);
export const Fields = keyword("Fields", "fields", true);
export const Owners = keyword("Owners", "owners", true);
export const Answer = keyword("Answer", "answer", true);
export const Route = keyword("Route", "route", true);
export const Escalate = keyword("Escalate", "escalate", true);
export const Stop = keyword("Stop", "stop", true);
export const To = keyword("To", "to", true);
export const Within = keyword("Within", "within", true);
export const Collect = keyword("Collect", "collect", true);
export const Confirm = keyword("Confirm", "confirm", true);
export const Reason = keyword("Reason", "reason", true);
export const Say = keyword("Say", "say", true);
export const Urgency = keyword("Urgency", "urgency", true);
export const On = keyword("On", "on", true);
export const Invalid = keyword("Invalid", "invalid", true);
export const Monotone = keyword("Monotone", "monotone", true);
export const Increasing = keyword("Increasing", "increasing", true);
export const Decreasing = keyword("Decreasing", "decreasing", true);
export const Pii = keyword("Pii", "pii", true);
export const Calendars = keyword("Calendars", "calendars", true);
export const Hours = keyword("Hours", "hours", true);
export const Closed = keyword("Closed", "closed", true);
export const Open = keyword("Open", "open", true);
export const Business = keyword("Business", "business", true);

/** One weekday (`sat`): a soft keyword, so `sat` stays a name everywhere but a calendar's hours. */
export const Weekday = createToken({ name: "Weekday", pattern: Lexer.NA, label: "a weekday (`mon` … `sun`)" });
export const weekdayTokens: readonly TokenType[] = weekdayWords.map((w) =>
  createToken({ name: `Weekday_${w}`, pattern: w, longer_alt: Identifier, label: `\`${w}\``, categories: [Name, Weekday] }),
);

export const reservedTokens: readonly TokenType[] = [
  And, Or, Not, Is, In, True, False, When, Then, Rule, Otherwise, Test, Given, Expect,
];
export const softKeywordTokens: readonly TokenType[] = [
  Contract, Version, Policy, Signals, Fields, Owners, Answer, Route, Escalate, Stop, To, Within,
  Collect, Confirm, Reason, Say, Urgency, On, Invalid, Monotone, Increasing, Decreasing, Pii,
  Calendars, Hours, Closed, Open, Business, ...weekdayTokens,
];

/** The token of each action word; typed by the vocabulary, so a new action without a token fails to compile. */
export const actionTokens: Readonly<Record<ActionName, TokenType>> = { answer: Answer, route: Route, escalate: Escalate, stop: Stop };

export const policyTokens: Readonly<Record<PolicyName, TokenType>> = { "most-severe": MostSevere, "first-match": FirstMatch };

export const directionTokens: Readonly<Record<MonotoneDirection, TokenType>> = { increasing: Increasing, decreasing: Decreasing };

/** The vocabulary word a keyword token stands for (the inverse of one of the tables above). */
export function wordOf<W extends string>(table: Readonly<Record<W, TokenType>>, token: TokenType): W | undefined {
  for (const word of Object.keys(table) as W[]) if (table[word] === token) return word;
  return undefined;
}

/** The reserved words, which can never be names. */
export const reservedWords: readonly string[] = reservedTokens.map((t) => t.PATTERN as string);
/** The words that are keywords only where the grammar expects them. */
export const softKeywords: readonly string[] = softKeywordTokens.map((t) => t.PATTERN as string);

/** Keywords longest first: a keyword that is a prefix of another must come after it. */
const keywordsInLexerOrder = [...reservedTokens, ...softKeywordTokens].sort(
  (a, b) => (b.PATTERN as string).length - (a.PATTERN as string).length,
);

/** Every token type in lexer order (see the header). `Name` is a category and matches nothing itself. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  TimeRange,
  Duration,
  MalformedNumber,
  NumberLiteral,
  EqEq, NotEq, LtEq, GtEq, Lt, Gt, Equals, Colon, Comma,
  LBracket, RBracket, LCurly, RCurly, LParen, RParen, Pipe, DotDot,
  MostSevere,
  FirstMatch,
  InvalidInput,
  DayRange,
  ...keywordsInLexerOrder,
  Identifier,
  Name,
  Weekday,
];

/** Built once; `tokenize` is reentrant. */
export const lexer = new Lexer(allTokens as TokenType[], {
  positionTracking: "full",
  // `\n`, `\r\n` and a lone `\r` each end a line, so CR-only files get correct lines and columns.
  lineTerminatorsPattern: /\n|\r\n?/g,
  lineTerminatorCharacters: ["\n", "\r"],
  ensureOptimizations: true,
});

// ---------------------------------------------------------------------------------------------
// What a Duration token means.

export const unitSeconds = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof unitSeconds;
const unitOrder: readonly Unit[] = ["w", "d", "h", "m", "s"];

export interface DurationValue {
  /** Total seconds (the sum of every part, even when the units are out of order). */
  readonly seconds: number;
  /** Each unit appears at most once and the units descend (`1h30m`, not `30m1h` or `1h1h`). */
  readonly descending: boolean;
}

/** The value of a well-formed duration image (`90s`, `1h30m`); null for anything else. */
export function durationValue(image: string): DurationValue | null {
  if (!/^(?:[0-9]+[smhdw])+$/.test(image)) return null;
  let seconds = 0;
  let descending = true;
  let lastRank = -1;
  for (const [, digits, unit] of image.matchAll(/([0-9]+)([smhdw])/g)) {
    const rank = unitOrder.indexOf(unit as Unit);
    if (rank <= lastRank) descending = false;
    lastRank = rank;
    seconds += Number(digits) * unitSeconds[unit as Unit];
  }
  return { seconds, descending };
}

/** The canonical spelling of a whole number of seconds, largest units first: 5400 → `1h30m`. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return "0s";
  let rest = seconds;
  let out = "";
  for (const unit of unitOrder) {
    const n = Math.floor(rest / unitSeconds[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * unitSeconds[unit];
    }
  }
  return out;
}
