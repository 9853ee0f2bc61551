/**
 * Deciding at run time from a checked contract, for hosts that load `.handoff` files instead of
 * generating a module: the reference interpreter (compiler/interpret.ts). It defines what `decide`
 * means; every generated module is tested to return the same decisions, and is faster.
 */
import { interpret, validateWith } from "../compiler/interpret.ts";
import type { ContractModel } from "../compiler/model.ts";
import type { Decision, Validation } from "../runtime/prelude/index.ts";

/**
 * The decision for one turn: the same as a generated module's `decide(signals, context)`. Never throws:
 * invalid signals give the contract's `on invalid` decision, anything unexpected the fail-safe one.
 */
export function decide(model: ContractModel, signals: unknown, context?: unknown): Decision {
  return interpret(model, signals, context);
}

/** The signals after defaults, or every problem with them: the same as a generated module's `validate`. Never throws. */
export function validate(model: ContractModel, signals: unknown): Validation {
  return validateWith(model, signals);
}
