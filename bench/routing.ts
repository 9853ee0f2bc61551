/**
 * Deterministic routing-shaped contracts, the shape that grows in practice: rules keyed by product and
 * region (each pair owned by a team), each with one or two more conditions, a few global escalations
 * and stops on top. Unlike bench/synthetic.ts, almost every rule can win.
 */
import { prng } from "./synthetic.ts";

export function routingContract(rules: number, seed = 5): string {
  const random = prng(seed);
  const products = Math.max(2, Math.ceil(Math.sqrt(rules)));
  const regions = Math.max(2, Math.ceil(rules / products));
  const lines = [
    `# A routing-shaped contract of ${rules} rules, generated for benchmarks.`,
    `contract "routing-${rules}"`,
    "policy most-severe",
    "signals {",
    `  product: ${Array.from({ length: products }, (_, i) => `p${i}`).join(" | ")}`,
    `  region: ${Array.from({ length: regions }, (_, i) => `r${i}`).join(" | ")}`,
    "  sentiment: number in -1..1",
    "  tier: free | pro | enterprise",
    "  contactCount: int in 0..",
    "  asksForHuman: bool = false",
    "  waiting: duration",
    "}",
    "owners {",
    "  senior: \"Senior support\"",
    ...Array.from({ length: products }, (_, i) => `  team${i}: "Product team ${i}"`),
    "}",
    "",
    "rule furious when sentiment < -0.8 then escalate to senior within 1h",
    "rule human when asksForHuman and tier is enterprise then escalate to senior within 30m",
  ];
  for (let i = 0; lines.length < rules + 20 && i < products * regions; i++) {
    const product = i % products;
    const region = Math.floor(i / products);
    const extra = random() < 0.5 ? ` and contactCount >= ${1 + Math.floor(random() * 5)}` : ` and waiting > ${1 + Math.floor(random() * 30)}m`;
    lines.push(`rule route_${product}_${region} when product is p${product} and region is r${region}${extra} then route to team${product} within ${1 + Math.floor(random() * 8)}h`);
  }
  lines.push("", "otherwise answer", "");
  return lines.join("\n");
}
