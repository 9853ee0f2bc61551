/**
 * Generated names. Source names never become identifiers: signal `i` (in declaration order) lives in
 * the local `v<i>`, rule `i` is `RULE_<i>`, and so on; the source name appears only as a string literal.
 */
import type { SignalModel } from "../model.ts";

export interface Locals {
  /** The local holding the validated value of the signal named `signal`. */
  of(signal: string): string;
}

/** Signal i in the local `v<i>` (inside `decide` and `validate`). */
export function signalLocals(signals: readonly SignalModel[]): Locals {
  return numbered(signals, "v");
}

/** Signal i in the module-level state `S_<i>` (the chunked and indexed strategies, strategies/rule-tables.ts). */
export function stateLocals(signals: readonly SignalModel[]): Locals {
  return numbered(signals, "S_");
}

function numbered(signals: readonly SignalModel[], prefix: string): Locals {
  const byName = new Map<string, string>();
  signals.forEach((signal, i) => byName.set(signal.name, `${prefix}${i}`));
  return {
    of(signal) {
      const local = byName.get(signal);
      if (local === undefined) throw new Error(`codegen: undeclared signal in model: ${JSON.stringify(signal)}`);
      return local;
    },
  };
}

/** Module-level names the generator declares; none may clash with a prelude declaration. */
export const GENERATED_NAMES = [
  "Signals",
  "decide",
  "validate",
  "contract",
  "INFO",
  "UNREADABLE",
  "NO_EVIDENCE",
  "readSignal",
  "note",
  "invalidDecision",
  "ON_INVALID",
  "OTHERWISE",
  "RULE_NAMES",
  "MATCHED",
  "RANK",
  "HAS_REASON",
  "RULE_ROWS",
  "RULE_CACHE",
  "ruleRow",
  "RuleRow",
  "OWNER_NAMES",
  "SIGNAL_NAMES",
  "outcomeOf",
  "reasonFor",
  "sayOf",
  "valueOf",
  "WORDS",
  "LIVE",
  "NEEDS_TEST",
  "RULE_AT_BIT",
  "match",
  "holds",
  "reasonOf",
  "finish",
  "flags",
  "inFileOrder",
  "liveRules",
  "ruleMask",
  "hotWords",
  "RULE_STAFF",
] as const;

/** Prefixes of numbered module-level names (`SPEC_0`, `OUTCOME_3`, `SET_1`). */
export const GENERATED_PREFIXES = ["SPEC_", "OUTCOME_", "CAL_", "STAFF_", "SET_", "S_", "MASK_", "HOT_", "CELLS_", "cellOf_", "scan_", "holds_", "reasonOf_", "sayOf_"] as const;

export function assertNoClash(preludeNames: ReadonlySet<string>): void {
  for (const name of preludeNames) {
    if ((GENERATED_NAMES as readonly string[]).includes(name) || GENERATED_PREFIXES.some((p) => name.startsWith(p))) {
      throw new Error(`codegen: runtime/prelude/ declares \`${name}\`, a name the generator uses`);
    }
  }
}
