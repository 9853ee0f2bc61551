/** The outcome that applies to invalid input when the contract has no `on invalid`. */
import type { OutcomeModel } from "../model.ts";
import { fileStart } from "./spans.ts";

/**
 * `stop`, no owner, urgency high, no `say` of its own: the runtime then tells the customer, in its
 * built-in words, that a colleague will follow up.
 */
export const builtinInvalidOutcome: OutcomeModel = Object.freeze({
  name: "invalid-input",
  action: "stop",
  owner: null,
  ownerName: null,
  withinSeconds: null,
  urgency: "high",
  collect: Object.freeze([]),
  confirm: Object.freeze([]),
  reason: null,
  say: null,
  span: fileStart,
});
