/**
 * Deterministic contracts of any size for the scale benchmark, shaped like the examples and like the
 * contracts that grow in practice: 20 signals of mixed types, most rules routing rules keyed by product
 * (and often region or tier) with one to three more comparisons, a few dozen global escalations and stops
 * on top, every action used, `otherwise answer`. The product enum grows with the contract (about one
 * product per 25 rules), so a typical input matches a handful of rules, not hundreds.
 * Same arguments, same text.
 */
import { prng } from "./synthetic.ts";

const regions = ["eu_north", "eu_west", "eu_south", "eu_east", "uk", "us_east", "us_west", "canada", "latam", "apac_north", "apac_south", "mena"];
const tiers = ["free", "basic", "pro", "business", "enterprise"];
const channels = ["chat", "voice", "email", "whatsapp", "sms"];
const topics = ["billing", "pricing", "technical", "shipping", "returns", "account", "legal", "medical", "privacy", "other"];
const teams = ["frontline", "tier2", "specialist", "partner"];
const languages = ["en", "de", "fr", "es", "nl", "pt"];
const flags = ["repeatContact", "asksForHuman", "missedPromise", "priorHandoffFailed", "discountAsked", "businessHours", "vulnerable", "languageChanged"];
/** Owners of the global rules; product teams (`prodteam<i>`) are added per group of products. */
const globalOwners: Record<string, string> = { senior: "Senior support", billing: "Billing team", legal: "Legal & compliance", clinician: "On-call clinician", security: "Security team", retention: "Customer success", sales: "Sales" };

/** Products per product team (owner). */
const PRODUCTS_PER_TEAM = 4;

export function scaleContract(rules: number, seed = 17): string {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const products = Math.max(2, Math.round(rules / 25));
  const productTeams = Math.ceil(products / PRODUCTS_PER_TEAM);
  const globals = Math.min(36, Math.max(4, Math.round(rules / 8)));

  const lines = [
    `# A contract of ${rules} rules shaped like the examples, generated for the scale benchmark.`,
    `contract "scale-${rules}"`,
    `version "1"`,
    "policy most-severe",
    "",
    "signals {",
    `  product: ${Array.from({ length: products }, (_, i) => `prod${i}`).join(" | ")}`,
    `  region: ${regions.join(" | ")}`,
    `  tier: ${tiers.join(" | ")}`,
    `  channel: ${channels.join(" | ")}`,
    `  topic: ${topics.join(" | ")}`,
    `  team: ${teams.join(" | ")}`,
    "  language: text",
    "  sentiment: number in -1..1",
    "  confidence: number in 0..1 = 1",
    "  lifetimeValue: number in 0.. = 0",
    "  contactCount: int in 0..",
    "  waiting: duration",
    ...flags.map((f) => `  ${f}: bool = ${f === "businessHours" ? "true" : "false"}`),
    "}",
    "",
    "fields {",
    "  accountNumber: text",
    "  orderNumber: text",
    "  preferredTime: text",
    "  dateOfBirth: text pii",
    "}",
    "",
    "owners {",
    ...Object.entries(globalOwners).map(([key, name]) => `  ${key}: "${name}"`),
    ...Array.from({ length: productTeams }, (_, i) => `  prodteam${i}: "Product team ${i}"`),
    "}",
    "",
  ];

  // Global escalations and stops: 2–3 signals each, rarely all true at once.
  const globalTemplates: (() => string)[] = [
    () => `rule furious_${lines.length}\n  when sentiment < -${(0.7 + random() * 0.25).toFixed(2)} and repeatContact\n  then escalate to senior within 2h\n  collect [accountNumber, preferredTime]\n  reason "Upset repeat customer, contact number {contactCount}"\n  say "I'm bringing in a senior colleague. They will contact you within 2 hours."`,
    () => `rule human_${lines.length}\n  when asksForHuman and tier in [${pick(tiers)}, enterprise]${random() < 0.5 ? " and not businessHours" : ""}\n  then escalate to senior within 30m\n  urgency critical\n  reason "Customer asked for a person"`,
    () => `rule medical_${lines.length}\n  when topic is medical and ${pick(["asksForHuman", "vulnerable", "repeatContact"])}\n  then stop to clinician within 1h\n  confirm [dateOfBirth]\n  say "I can't advise on this. A clinician will call you back within the hour."`,
    () => `rule legal_${lines.length}\n  when topic is legal and sentiment < -${(0.3 + random() * 0.5).toFixed(2)}${random() < 0.5 ? " and contactCount >= 3" : ""}\n  then stop to legal within 4h\n  collect [accountNumber]\n  say "This needs our legal team. They will contact you within 4 hours."`,
    () => `rule failed_${lines.length}\n  when priorHandoffFailed and (missedPromise or waiting > ${10 + int(50)}m)\n  then escalate to senior within 30m\n  urgency critical\n  reason "An earlier handoff failed; the customer has waited {waiting} seconds"`,
    () => `rule value_${lines.length}\n  when lifetimeValue >= ${(20 + int(80)) * 1000} and sentiment < -${(0.2 + random() * 0.5).toFixed(2)}\n  then escalate to retention within 4h\n  reason "Unhappy customer with a lifetime value of {lifetimeValue}"`,
    () => `rule privacy_${lines.length}\n  when topic is privacy and channel in [${pick(channels)}, ${pick(channels)}]${random() < 0.5 ? " and not businessHours" : ""}\n  then stop to security within 1d\n  confirm [dateOfBirth]\n  say "Our security team handles data requests and will write to you within one day."`,
    () => `rule discount_${lines.length}\n  when discountAsked and tier in [business, enterprise] and lifetimeValue >= ${(5 + int(20)) * 1000}\n  then route to sales within 1d\n  reason "Discount asked by a {tier} customer"`,
    () => `rule unsure_${lines.length}\n  when confidence < ${(0.1 + random() * 0.2).toFixed(2)} and ${pick(["vulnerable", "languageChanged", "missedPromise"])}\n  then escalate to senior within 1h\n  reason "The assistant is unsure of its answer"`,
    () => `rule billing_${lines.length}\n  when topic in [billing, pricing] and missedPromise\n  then escalate to billing within 4h\n  collect [orderNumber]\n  reason "A billing promise was missed"`,
  ];
  for (let i = 0; i < globals; i++) lines.push(globalTemplates[i % globalTemplates.length]!(), "");

  // One more comparison after the key; each reads a different signal.
  const extras: Record<string, () => string> = {
    sentiment: () => `sentiment < ${(-0.6 + random() * 0.8).toFixed(2)}`,
    contactCount: () => `contactCount >= ${1 + int(5)}`,
    waiting: () => `waiting > ${1 + int(30)}m`,
    lifetimeValue: () => `lifetimeValue >= ${(1 + int(50)) * 1000}`,
    confidence: () => `confidence < ${(0.3 + random() * 0.5).toFixed(2)}`,
    channel: () => (random() < 0.5 ? `channel is ${pick(channels)}` : `channel in [${pick(channels)}, ${pick(channels)}]`),
    topic: () => (random() < 0.5 ? `topic is ${pick(topics)}` : `topic in [${pick(topics)}, ${pick(topics)}, ${pick(topics)}]`),
    team: () => `team is not ${pick(teams)}`,
    language: () => `language is "${pick(languages)}"`,
    flag: () => {
      const flag = pick(flags);
      return random() < 0.7 ? (flag === "businessHours" ? "not businessHours" : flag) : `not ${flag}`;
    },
  };
  const extraNames = Object.keys(extras);

  for (let i = 0; i < rules - globals; i++) {
    const product = i % products;
    const conds = [`product is prod${product}`];
    const key = random();
    if (key < 0.55) conds.push(`region is ${pick(regions)}`);
    else if (key < 0.8) conds.push(`tier in [${pick(tiers)}, ${pick(tiers)}]`);
    const more = 1 + int(key < 0.8 ? 3 : 2);
    const chosen = new Set<string>();
    while (chosen.size < more) chosen.add(pick(extraNames));
    conds.push(...[...chosen].map((name) => extras[name]!()));
    // A few rules say the same thing two ways: one comparison or another.
    const condition = conds.length >= 4 && random() < 0.1 ? `${conds.slice(0, -2).join(" and ")} and (${conds.at(-2)} or ${conds.at(-1)})` : conds.join(" and ");
    const owner = `prodteam${Math.floor(product / PRODUCTS_PER_TEAM)}`;
    const hours = 1 + int(23);
    const roll = random();
    const outcome =
      roll < 0.12
        ? `answer\n  reason "Self-service answer for prod${product}"`
        : roll < 0.9
          ? `route to ${owner} within ${hours}h\n  collect [accountNumber]`
          : roll < 0.98
            ? `escalate to ${owner} within ${hours}h\n  collect [accountNumber, orderNumber]\n  reason "prod${product} issue for a {tier} customer, contact {contactCount}"`
            : `stop to ${owner} within ${hours}h\n  confirm [dateOfBirth]\n  say "A specialist for this product will contact you within ${hours} hours."`;
    lines.push(`rule route_${product}_${i}`, `  when ${condition}`, `  then ${outcome}`, "");
  }
  lines.push("otherwise answer", "");
  return lines.join("\n");
}
