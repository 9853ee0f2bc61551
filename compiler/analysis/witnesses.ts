/** Witnesses: for every rule that can win, one complete valid input on which it wins. */
import type { Example } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";

export interface Witness {
  readonly rule: string;
  readonly example: Example;
}

export function witnesses(ctx: AnalysisContext): Witness[] {
  const out: Witness[] = [];
  ctx.model.rules.forEach((rule, i) => {
    const example = ctx.winning(i);
    if (example) out.push({ rule: rule.name, example });
  });
  return out;
}
