/**
 * Targets and deadlines, shared by outcomes and test expectations. With an `owners` block, a target
 * must be one of its keys (`unknown-owner`, with did-you-mean); without one, any non-empty target
 * is accepted as the owner key. A `within` must be a positive duration (`out-of-range` for `0s`).
 */
import type { Target, Within } from "../../grammar/ast.ts";
import { code, type Context, type Scope } from "./context.ts";
import { listNames, suggestion } from "./suggest.ts";

export interface ResolvedTarget {
  readonly owner: string;
  readonly ownerName: string | null;
}

export function resolveTarget(ctx: Context, scope: Scope, target: Target): ResolvedTarget | undefined {
  const key = target.key ?? "";
  if (key.trim() === "") {
    ctx.report("unknown-owner", target.span, "the target is empty, so nobody owns the case", "write an owner, e.g. `to senior`");
    return undefined;
  }
  if (!scope.owners) return { owner: key, ownerName: null };
  const owner = scope.owners.get(key);
  if (owner) return { owner: key, ownerName: owner.displayName };
  const keys = [...scope.owners.keys()];
  const close = suggestion(key, keys, target.span, target.quoted);
  ctx.report(
    "unknown-owner",
    target.span,
    `unknown owner ${code(key)}`,
    close?.hint ?? (keys.length > 0 ? `the owners are ${listNames(keys)}` : "declare it in `owners { … }`"),
    close?.fixes,
  );
  return undefined;
}

/** The deadline in seconds, or undefined when it is not positive (reported) or not representable (the parser reports that). */
export function checkWithin(ctx: Context, within: Within): number | undefined {
  const seconds = within.seconds;
  if (!Number.isFinite(seconds)) return undefined;
  const raw = within.kind === "duration" ? within.raw : `${within.amount.raw} business ${within.unit}`;
  if (seconds <= 0) {
    ctx.report(
      "out-of-range",
      within.span,
      `a deadline of ${code(raw)} leaves no time`,
      within.kind === "duration" ? "`within` needs a positive duration, such as `15m`" : "`within` needs a positive amount, such as `4 business hours`",
    );
    return undefined;
  }
  if (!Number.isSafeInteger(seconds)) {
    ctx.report("out-of-range", within.span, `a deadline of ${code(raw)} is not a whole number of seconds`, "write whole minutes, e.g. `90 business minutes`");
    return undefined;
  }
  return seconds;
}
