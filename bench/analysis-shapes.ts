/**
 * Contract shapes that have made the static analyses slow, for the analysis benchmark (bench/analysis.ts)
 * and the tests that keep them fast enough to run. Same arguments, same text.
 *
 *   ladder       tiers on one number: `rule rI when n > I and a then route to teamK`; every rule overlaps
 *                every later one, and each wins only on its own step
 *   mixed        20 signals of mixed types, each rule 2–5 random comparisons (enum `in` lists, text `!=`,
 *                int `==`, numeric bounds), mixed actions: conjunctions that overlap in every direction
 *   interleaved  (adversarial) two ladders on two signals crossed, plus overlapping enum windows, under
 *                `first-match`: no signal separates the rules, so every index and every cheap test fails
 */
import { prng } from "./synthetic.ts";

export type AnalysisShape = "ladder" | "mixed" | "interleaved";

export function shapeContract(shape: AnalysisShape, rules: number, seed = 7): string {
  return shape === "ladder" ? ladderContract(rules) : shape === "mixed" ? mixedContract(rules, seed) : interleavedContract(rules, seed);
}

const TEAMS = 8;
const ownerBlock = (teams: number) => ["owners {", ...Array.from({ length: teams }, (_, k) => `  team${k}: "Team ${k}"`), "}", ""];

export function ladderContract(rules: number): string {
  const lines = [`contract "ladder-${rules}"`, "policy most-severe", "", "signals {", "  n: int in 0..", "  a: bool = false", "}", "", ...ownerBlock(TEAMS)];
  for (let i = 0; i < rules; i++) lines.push(`rule r${i} when n > ${i} and a then route to team${i % TEAMS}`);
  lines.push("", "otherwise answer", "");
  return lines.join("\n");
}

const enums: Record<string, readonly string[]> = {
  topic: ["billing", "pricing", "technical", "shipping", "returns", "account", "legal", "medical", "other"],
  tier: ["free", "basic", "pro", "business", "enterprise"],
  channel: ["chat", "voice", "email", "whatsapp", "sms"],
  region: ["eu", "uk", "us", "apac", "latam", "mena"],
  plan: ["monthly", "yearly", "trial", "none"],
  device: ["ios", "android", "web", "desktop"],
};
const texts = ["language", "country", "brand"];
const textValues = ["en", "de", "fr", "es", "nl", "it", "pt", "pl"];
const ints = ["contactCount", "openTickets", "items", "attempts"];
const numbers = ["sentiment", "confidence", "lifetimeValue"];
const bools = ["asksForHuman", "repeatContact", "vulnerable", "businessHours"];

export function mixedContract(rules: number, seed = 7): string {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const someOf = (items: readonly string[]) => {
    const chosen = new Set<string>();
    const k = 2 + int(Math.min(3, items.length - 2));
    while (chosen.size < k) chosen.add(pick(items));
    return [...chosen];
  };
  const comparisons: Record<string, () => string> = {};
  for (const [name, members] of Object.entries(enums)) comparisons[name] = () => (random() < 0.7 ? `${name} in [${someOf(members).join(", ")}]` : `${name} is ${pick(members)}`);
  for (const name of texts) comparisons[name] = () => `${name} ${random() < 0.6 ? "!=" : "=="} "${pick(textValues)}"`;
  for (const name of ints) comparisons[name] = () => `${name} ${pick(["==", "==", ">=", "<"])} ${int(8)}`;
  comparisons.sentiment = () => `sentiment ${pick(["<", ">="])} ${(random() * 2 - 1).toFixed(1)}`;
  comparisons.confidence = () => `confidence < ${(0.1 + int(9) / 10).toFixed(1)}`;
  comparisons.lifetimeValue = () => `lifetimeValue >= ${int(20) * 1000}`;
  for (const name of bools) comparisons[name] = () => (random() < 0.7 ? name : `not ${name}`);
  const names = Object.keys(comparisons);
  const lines = [
    `contract "mixed-${rules}"`,
    "policy most-severe",
    "",
    "signals {",
    ...Object.entries(enums).map(([name, members]) => `  ${name}: ${members.join(" | ")}`),
    ...texts.map((name) => `  ${name}: text`),
    ...ints.map((name) => `  ${name}: int in 0..`),
    "  sentiment: number in -1..1",
    "  confidence: number in 0..1",
    "  lifetimeValue: number in 0..",
    ...bools.map((name) => `  ${name}: bool = false`),
    "}",
    "",
    ...ownerBlock(TEAMS),
  ];
  for (let i = 0; i < rules; i++) {
    const chosen = new Set<string>();
    const k = 2 + int(4);
    while (chosen.size < k) chosen.add(pick(names));
    const condition = [...chosen].map((name) => comparisons[name]!()).join(" and ");
    const roll = random();
    const action = roll < 0.15 ? "answer" : roll < 0.75 ? `route to team${int(TEAMS)}` : roll < 0.95 ? `escalate to team${int(TEAMS)} within 4h` : `stop to team${int(TEAMS)} within 4h say "A colleague will contact you."`;
    lines.push(`rule m${i} when ${condition} then ${action}`);
  }
  lines.push("", "otherwise answer", "");
  return lines.join("\n");
}

export function interleavedContract(rules: number, seed = 7): string {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const windows = ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"];
  const lines = [
    `contract "interleaved-${rules}"`,
    "policy first-match",
    "",
    "signals {",
    "  waiting: duration",
    "  orderValue: number in 0..",
    `  window: ${windows.join(" | ")}`,
    "  urgent: bool = false",
    "}",
    "",
    ...ownerBlock(TEAMS),
  ];
  const actions = ["answer", "route to team", "escalate to team", "stop to team"];
  for (let i = 0; i < rules; i++) {
    // Thresholds from both ends, so the two ladders cross instead of nesting.
    const w = 1 + int(rules);
    const v = (rules - i) * 10 + int(10);
    const from = int(windows.length - 2);
    const span = windows.slice(from, from + 2 + int(3));
    const conds = [`waiting >= ${w}s`, `orderValue < ${v}`, `window in [${span.join(", ")}]`];
    if (random() < 0.3) conds.push(random() < 0.5 ? "urgent" : "not urgent");
    const action = actions[int(actions.length)]!;
    const outcome = action === "answer" ? action : `${action}${int(TEAMS)}${action.startsWith("route") ? "" : " within 1h"}${action.startsWith("stop") ? ' say "A colleague will contact you."' : ""}`;
    lines.push(`rule x${i} when ${conds.join(" and ")} then ${outcome}`);
  }
  lines.push("", "otherwise answer", "");
  return lines.join("\n");
}
