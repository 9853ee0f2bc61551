// The TextMate grammar knows the language's words: every keyword the lexer has (grammar/tokens.ts) and
// every action, type, policy, urgency, clause, direction and expect mode of grammar/vocabulary.ts is
// highlighted in its scope where the language writes it. A word added to either file without the
// grammar fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reservedWords, softKeywords } from "../../grammar/tokens.ts";
import {
  actionNames,
  clauseNames,
  fieldTypeNames,
  monotoneDirections,
  policyNames,
  primitiveTypeNames,
  urgencyNames,
  type ExpectMode,
} from "../../grammar/vocabulary.ts";
import { grammarPath, scopesOf, tokenize } from "./textmate.ts";

/** `word`, written on the last line of `source`, is highlighted as `scope`. */
interface Case {
  readonly word: string;
  readonly source: string;
  readonly scope: string;
  /** Which occurrence of `word` on that line (default 0). */
  readonly occurrence?: number;
}

const header = 'signals { a: bool  b: bool }\nowners { o: "O" }\n';
const c = (word: string, line: string, scope: string, occurrence?: number): Case => ({
  word,
  source: header + line,
  scope: `${scope}.handoff`,
  ...(occurrence === undefined ? {} : { occurrence }),
});

const fromVocabulary: readonly Case[] = [
  ...actionNames.map((a) => c(a, `when a then ${a}`, `keyword.other.action.${a}`)),
  ...actionNames.map((a) => c(a, `test "t" given a = true expect ${a}`, `keyword.other.action.${a}`)),
  ...actionNames.map((a) => c(a, `on invalid ${a}`, `keyword.other.action.${a}`)),
  ...clauseNames.map((k) => c(k, `when a then route to o ${k}`, `keyword.other.${k}`)),
  ...clauseNames.map((k) => c(k, `otherwise answer ${k}`, `keyword.other.${k}`)),
  ...urgencyNames.map((u) => c(u, `when a then answer urgency ${u}`, "constant.language.urgency")),
  ...policyNames.map((p) => c(p, `policy ${p}`, "constant.language.policy")),
  ...primitiveTypeNames.map((t) => c(t, `signals { x: ${t} }`, "support.type.primitive")),
  ...fieldTypeNames.map((t) => c(t, `fields { x: ${t} }`, "support.type.primitive")),
  ...monotoneDirections.map((d) => c(d, `monotone a ${d}`, "constant.language.direction")),
];

/** The words of each expect mode after `expect`, and their scope. Typed by the modes, so a new mode must be added. */
const expectModeWords: Readonly<Record<ExpectMode, readonly Case[]>> = {
  is: [],
  not: [c("not", 'test "t" given a = true expect not answer', "keyword.operator.logical")],
  "at-least": [
    c("at", 'test "t" given a = true expect at least route', "keyword.other.at-least"),
    c("least", 'test "t" given a = true expect at least route', "keyword.other.at-least"),
  ],
};

/** The lexer's keywords that are not vocabulary words, where they are written. */
const structural: readonly Case[] = [
  c("and", "when a and b then answer", "keyword.operator.logical"),
  c("or", "when a or b then answer", "keyword.operator.logical"),
  c("not", "when not a then answer", "keyword.operator.logical"),
  c("is", "when a is b then answer", "keyword.operator.word"),
  c("in", "when a in [b] then answer", "keyword.operator.word"),
  c("true", "when a == true then answer", "constant.language.boolean"),
  c("false", 'test "t" given a = false expect answer', "constant.language.boolean"),
  c("when", "when a then answer", "keyword.control.when"),
  c("then", "when a then answer", "keyword.control.then"),
  c("rule", "rule r when a then answer", "storage.type.rule"),
  c("rule", 'test "t" given a = true expect rule r', "storage.type.rule"),
  c("otherwise", "otherwise answer", "keyword.control.otherwise"),
  c("test", 'test "t" given a = true expect answer', "storage.type.test"),
  c("given", 'test "t" given a = true expect answer', "keyword.other.given"),
  c("expect", 'test "t" given a = true expect answer', "keyword.other.expect"),
  c("contract", 'contract "c"', "storage.type.contract"),
  c("version", 'version "1"', "storage.type.version"),
  c("policy", "policy first-match", "storage.type.policy"),
  c("signals", "signals { x: bool }", "storage.type.signals"),
  c("fields", "fields { x: text }", "storage.type.fields"),
  c("owners", 'owners { x: "X" }', "storage.type.owners"),
  c("calendars", 'calendars { x: "UTC" mon-fri 09:00-17:00 }', "storage.type.calendars"),
  c("hours", 'owners { x: "X" hours office }', "keyword.other.hours"),
  c("closed", 'calendars { x: "UTC" mon 09:00-17:00 closed ["2026-12-24"] }', "keyword.other.closed"),
  c("open", 'calendars { x: "UTC" mon 09:00-17:00 open "2026-12-31" 09:00-12:00 }', "keyword.other.open"),
  c("business", "when a then route to o within 4 business hours", "keyword.other.business"),
  c("owner", "when a and owner o is closed then answer", "keyword.other.staffing"),
  c("calendar", "when calendar office is open then answer", "keyword.other.staffing"),
  c("closed", "when a and owner o is closed then answer", "constant.language.staffing"),
  c("owner", "when owner and a then answer", "variable.other.signal"),
  ...["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => c(d, `calendars { x: "UTC" ${d} 09:00-17:00 }`, "constant.language.weekday")),
  c("to", "when a then escalate to o within 1h", "keyword.other.to"),
  c("to", 'when a then route to "o"', "keyword.other.to"),
  c("within", "when a then escalate to o within 1h", "keyword.other.within"),
  c("within", 'test "t" given a = true expect escalate to o within 1h', "keyword.other.within"),
  c("on", "on invalid stop", "keyword.control.on-invalid"),
  c("invalid", "on invalid stop", "keyword.control.on-invalid"),
  c("monotone", "monotone a increasing", "storage.type.monotone"),
  c("pii", "fields { x: text pii }", "storage.modifier.pii"),
];

const cases = [...fromVocabulary, ...Object.values(expectModeWords).flat(), ...structural];

describe("the TextMate grammar and the language's words", () => {
  it("covers every keyword of the lexer", () => {
    const covered = new Set(cases.map((k) => k.word));
    const keywords = [...reservedWords, ...softKeywords, ...policyNames];
    expect(keywords.filter((w) => !covered.has(w))).toEqual([]);
  });

  it("the vocabulary's actions, clauses and directions are keywords of the lexer", () => {
    const soft = new Set(softKeywords);
    expect([...actionNames, ...clauseNames, ...monotoneDirections].filter((w) => !soft.has(w))).toEqual([]);
  });

  it.each(cases.map((k) => [k.word, k.source.split("\n").pop()!, k] as const))("`%s` in `%s`", async (_word, line, k) => {
    const lines = await tokenize(k.source);
    expect(scopesOf(lines, line, k.word, k.occurrence)).toContain(k.scope);
  });

  it("a name's lookahead excludes exactly the reserved words", () => {
    // The grammar keeps reserved words from being read as names with `(?!(?:and|or|…)(?![\w-]))`.
    const grammar = readFileSync(grammarPath, "utf8");
    const lists = [...grammar.matchAll(/\(\?!\(\?:([a-z|]+)\)\(\?!\[\\\\w-\]\)\)/g)].map((m) => m[1]!.split("|").sort());
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list).toEqual([...reservedWords].sort());
  });
});
