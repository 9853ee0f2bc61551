/**
 * Deterministic synthetic contracts of any size, shaped like the examples: 20 signals of mixed
 * types, rules reading 2–4 signals each, every action, owners and deadlines. Same arguments, same text.
 */
export interface SyntheticOptions {
  readonly rules: number;
  readonly seed?: number;
  readonly policy?: "most-severe" | "first-match";
}

/** mulberry32: a small, good-enough seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = ["billing", "pricing", "technical", "shipping", "returns", "account", "legal", "medical", "other"];
const regions = ["eu", "us", "apac", "latam"];
const tiers = ["free", "pro", "business", "enterprise"];
const channels = ["chat", "voice", "email", "whatsapp"];
const languages = ["en", "de", "fr", "es", "nl"];
const owners = ["senior", "billing", "legal", "clinician", "sales", "tech", "shipping", "retention"];

export function syntheticContract(options: SyntheticOptions): string {
  const random = prng(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const atoms: (() => string)[] = [
    () => `sentiment ${pick(["<", "<=", ">", ">="])} ${(random() * 2 - 1).toFixed(2)}`,
    () => `contactCount ${pick([">", ">=", "<", "=="])} ${Math.floor(random() * 10)}`,
    () => `unresolvedDays > ${Math.floor(random() * 30)}`,
    () => `lifetimeValue >= ${Math.floor(random() * 100) * 1000}`,
    () => `confidence < ${random().toFixed(2)}`,
    () => `waiting > ${1 + Math.floor(random() * 59)}m`,
    () => `topic is ${pick(topics)}`,
    () => `topic in [${pick(topics)}, ${pick(topics)}]`,
    () => `region is ${pick(regions)}`,
    () => `tier is not ${pick(tiers)}`,
    () => `channel in [${pick(channels)}, ${pick(channels)}]`,
    () => `language is "${pick(languages)}"`,
    () => pick(["repeatContact", "not repeatContact"]),
    () => pick(["asksForHuman", "missedPromise", "priorHandoffFailed", "discountAsked", "businessHours", "firstTimeLead", "languageChanged"]),
  ];
  const lines = [
    `# A synthetic contract of ${options.rules} rules, generated for benchmarks and property tests.`,
    `contract "synthetic-${options.rules}"`,
    `version "1"`,
    `policy ${options.policy ?? "most-severe"}`,
    "",
    "signals {",
    "  sentiment: number in -1..1",
    "  repeatContact: bool",
    "  contactCount: int in 0..",
    "  unresolvedDays: int in 0..365",
    "  lifetimeValue: number in 0..",
    "  confidence: number in 0..1",
    "  waiting: duration",
    `  topic: ${topics.join(" | ")}`,
    `  region: ${regions.join(" | ")}`,
    `  tier: ${tiers.join(" | ")}`,
    `  channel: ${channels.join(" | ")}`,
    "  language: text",
    "  asksForHuman: bool = false",
    "  missedPromise: bool = false",
    "  priorHandoffFailed: bool = false",
    "  discountAsked: bool = false",
    "  businessHours: bool = true",
    "  firstTimeLead: bool = false",
    "  languageChanged: bool = false",
    "  customerName: text = \"\"",
    "}",
    "",
    "fields {",
    "  accountNumber: text",
    "  orderNumber: text",
    "  dateOfBirth: text",
    "}",
    "",
    "owners {",
    ...owners.map((o) => `  ${o}: "${o[0]!.toUpperCase()}${o.slice(1)} team"`),
    "}",
    "",
  ];
  for (let i = 0; i < options.rules; i++) {
    const count = 2 + Math.floor(random() * 3);
    const parts = Array.from({ length: count }, () => pick(atoms)());
    const condition = random() < 0.2 ? `(${parts[0]} or ${parts[1]}) and ${parts.slice(2).join(" and ") || "businessHours"}` : parts.join(" and ");
    const roll = random();
    const owner = pick(owners);
    const within = `${1 + Math.floor(random() * 23)}h`;
    const action =
      roll < 0.3
        ? "answer"
        : roll < 0.6
          ? `route to ${owner} within ${within}`
          : roll < 0.85
            ? `escalate to ${owner} within ${within}\n  collect [accountNumber]\n  reason "Rule ${i} matched, contact {contactCount}"`
            : `stop to ${owner} within ${within}\n  confirm [dateOfBirth]\n  say "A colleague from the ${owner} team will follow up within ${within}."`;
    lines.push(`rule r${i}`, `  when ${condition}`, `  then ${action}`, "");
  }
  lines.push("otherwise answer", "");
  return lines.join("\n");
}
