/**
 * Deterministic contracts where an input matches many rules: 20 signals (enums, texts, small ints), each
 * rule an `and` of 2–5 random comparisons — an enum `in` a list of one to three members, a text `!=` a
 * word, an int `==` a value — with every action, and reasons on about half of the rules (some of them
 * interpolating a signal). Unlike bench/scale-contracts.ts nothing keys the rules apart, so a typical input
 * matches about one rule in twenty: the decision's `matched` and `reasons` grow with the contract.
 * Same arguments, same text.
 */
import { prng } from "./synthetic.ts";

const ENUMS = 10;
const TEXTS = 5;
const INTS = 5;
const members = ["a", "b", "c", "d", "e", "f"];
const words = ["en", "de", "fr", "nl", "pt"];
const owners: Record<string, string> = { senior: "Senior support", billing: "Billing team", legal: "Legal & compliance", sales: "Sales" };

export function manyMatchesContract(rules: number, seed = 23): string {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  // Enum e<k> has 4 to 6 members.
  const enumMembers = Array.from({ length: ENUMS }, (_, k) => members.slice(0, 4 + (k % 3)));
  const atoms: (() => [signal: string, text: string])[] = [
    () => {
      const k = int(ENUMS);
      const pool = [...enumMembers[k]!];
      const listed = Array.from({ length: 1 + int(3) }, () => pool.splice(int(pool.length), 1)[0]!);
      return [`e${k}`, `e${k} in [${listed.join(", ")}]`];
    },
    () => {
      const k = int(TEXTS);
      return [`t${k}`, `t${k} != "${pick(words)}"`];
    },
    () => {
      const k = int(INTS);
      return [`i${k}`, `i${k} == ${int(4)}`];
    },
  ];
  const lines = [
    `# A contract of ${rules} rules where an input matches many of them, generated for the scale benchmark.`,
    `contract "many-matches-${rules}"`,
    `version "1"`,
    "policy most-severe",
    "",
    "signals {",
    ...enumMembers.map((ms, k) => `  e${k}: ${ms.join(" | ")}`),
    ...Array.from({ length: TEXTS }, (_, k) => `  t${k}: text`),
    ...Array.from({ length: INTS }, (_, k) => `  i${k}: int in 0..3`),
    "}",
    "",
    "fields {",
    "  accountNumber: text",
    "  dateOfBirth: text",
    "}",
    "",
    "owners {",
    ...Object.entries(owners).map(([key, name]) => `  ${key}: "${name}"`),
    "}",
    "",
  ];
  for (let i = 0; i < rules; i++) {
    // 2–5 comparisons on distinct signals, so no condition contradicts itself.
    const parts = new Map<string, string>();
    const count = 2 + int(4);
    while (parts.size < count) {
      const [signal, text] = pick(atoms)();
      if (!parts.has(signal)) parts.set(signal, text);
    }
    const owner = pick(Object.keys(owners));
    const within = `${1 + int(23)}h`;
    const roll = random();
    const reason = random() < 0.5 ? "" : random() < 0.5 ? `\n  reason "Rule ${i} matched"` : `\n  reason "Rule ${i} matched on ${[...parts.keys()][0]} {${[...parts.keys()][0]}}"`;
    const action =
      roll < 0.3
        ? `answer${reason}`
        : roll < 0.6
          ? `route to ${owner} within ${within}${reason}`
          : roll < 0.85
            ? `escalate to ${owner} within ${within}\n  collect [accountNumber]${reason}`
            : `stop to ${owner} within ${within}\n  confirm [dateOfBirth]${reason}\n  say "A colleague will follow up within ${within}."`;
    lines.push(`rule r${i}`, `  when ${[...parts.values()].join(" and ")}`, `  then ${action}`, "");
  }
  lines.push("otherwise answer", "");
  return lines.join("\n");
}
