/**
 * The `chunked` strategy (plan.ts): every rule's test in file order, as in `inline`, but split into
 * functions of at most CHUNK_RULES rules so each stays optimisable; the matched rules are written to
 * the MATCHED buffer (rule-tables.ts) for the shared decision tail.
 */
import type { BodyContext } from "../body-context.ts";
import { condition } from "../conditions.ts";
import { commentText } from "../literals.ts";
import { CHUNK_RULES } from "../plan.ts";
import { flat } from "../syntax.ts";

/** `match()` and its `scan_<k>` chunks: straight-line tests in file order, CHUNK_RULES rules per function. */
export function chunkedMatch(cx: BodyContext): string {
  const { model } = cx;
  const chunks = Math.ceil(model.rules.length / CHUNK_RULES);
  const out = [
    `/** Writes the matched rules into MATCHED, in file order; returns how many. */`,
    `function match(): number {`,
    `  let count = 0;`,
    ...Array.from({ length: chunks }, (_, k) => `  count = scan_${k}(count);`),
    `  return count;`,
    `}`,
  ];
  for (let k = 0; k < chunks; k++) {
    out.push("", `function scan_${k}(count: number): number {`);
    for (let j = k * CHUNK_RULES; j < Math.min(model.rules.length, (k + 1) * CHUNK_RULES); j++) {
      const rule = model.rules[j]!;
      out.push(`  if (${flat(condition(rule.condition, cx.locals, cx.constants))}) MATCHED[count++] = ${j}; // ${commentText(rule.name)}`);
    }
    out.push(`  return count;`, `}`);
  }
  return out.join("\n");
}
