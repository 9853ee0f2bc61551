/**
 * Reading the context the host passes besides the signals: each part read once and sanitised on its
 * own, a malformed part replaced by its default.
 */
import type { CleanContext, JsonValue } from "./types.ts";
import { isPlainObject, OBJECT_PROTOTYPE, readOwn } from "./own.ts";
import { epochMsOf } from "./time.ts";
import { cloneJson, CONTEXT_MAX_NODES, copyJson } from "./json.ts";

/**
 * The context when none (or nothing usable) is given.
 * INVARIANT: shared and frozen; `assemble` never puts EMPTY_COLLECTED or EMPTY_LIST into a decision
 * (it copies lists and replaces an empty `collected` by a new {}), so callers may mutate decisions.
 */
export const EMPTY_COLLECTED = Object.freeze({}) as { [field: string]: JsonValue };

const EMPTY_LIST = Object.freeze([]) as unknown as JsonValue[];

export const NO_CONTEXT: CleanContext = Object.freeze({
  nowMs: null,
  customer: null,
  issueType: null,
  collected: EMPTY_COLLECTED,
  evidence: EMPTY_LIST,
  priorActions: EMPTY_LIST,
});

/**
 * Sanitises `context`; never throws. Each part is read once, as an own property; a part that is
 * malformed (wrong type, too deep or too large, a cycle, a non-JSON value, a getter or trap that
 * throws) is replaced by its default on its own, without affecting the other parts.
 */
export function readContext(context: unknown): CleanContext {
  if (context === undefined || context === null) return NO_CONTEXT;
  try {
    if (!isPlainObject(context)) return NO_CONTEXT;
    // Written out with constant keys (V8 caches a named load; one helper taking the key would not).
    // A part whose read throws is ignored. None of these names is on Object.prototype, and the
    // prototype was checked above, so a plain read sees own properties only (see `readOwn`).
    const c = context as { readonly [key: string]: unknown };
    let now: unknown, customer: unknown, issueType: unknown, collected: unknown, evidence: unknown, priorActions: unknown;
    try { now = "now" in OBJECT_PROTOTYPE ? readOwn(c, "now") : c["now"]; } catch { now = undefined; }
    try { customer = "customer" in OBJECT_PROTOTYPE ? readOwn(c, "customer") : c["customer"]; } catch { customer = undefined; }
    try { issueType = "issueType" in OBJECT_PROTOTYPE ? readOwn(c, "issueType") : c["issueType"]; } catch { issueType = undefined; }
    try { collected = "collected" in OBJECT_PROTOTYPE ? readOwn(c, "collected") : c["collected"]; } catch { collected = undefined; }
    try { evidence = "evidence" in OBJECT_PROTOTYPE ? readOwn(c, "evidence") : c["evidence"]; } catch { evidence = undefined; }
    try { priorActions = "priorActions" in OBJECT_PROTOTYPE ? readOwn(c, "priorActions") : c["priorActions"]; } catch { priorActions = undefined; }
    return {
      nowMs: epochMsOf(now),
      customer: customer === undefined ? null : copyJson(customer),
      issueType: typeof issueType === "string" ? issueType : null,
      collected: copyCollected(collected),
      evidence: copyList(evidence),
      priorActions: copyList(priorActions),
    };
  } catch {
    return NO_CONTEXT;
  }
}

/** `collected`: a plain object copied (see cloneJson), or {} when absent or malformed. */
function copyCollected(value: unknown): { [field: string]: JsonValue } {
  if (value === undefined) return EMPTY_COLLECTED;
  try {
    if (!isPlainObject(value)) return EMPTY_COLLECTED;
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES }) as { [field: string]: JsonValue };
  } catch {
    return EMPTY_COLLECTED;
  }
}

/** `evidence`, `priorActions`: an array copied (see cloneJson), or [] when absent or malformed. */
function copyList(value: unknown): JsonValue[] {
  if (value === undefined) return EMPTY_LIST;
  try {
    if (!Array.isArray(value)) return EMPTY_LIST;
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES }) as JsonValue[];
  } catch {
    return EMPTY_LIST;
  }
}
