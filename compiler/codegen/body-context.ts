/**
 * What the bodies of `decide` and `validate` (bodies.ts) and every matching strategy (strategies/)
 * generate their code from.
 */
import type { ContractModel, OutcomeModel } from "../model.ts";
import type { ConditionConstants } from "./conditions.ts";
import type { Locals } from "./names.ts";

export interface BodyContext {
  readonly model: ContractModel;
  /** How a signal's validated value is named: `v<i>` locals in `decide`, `S_<i>` state in the table strategies. */
  readonly locals: Locals;
  readonly constants: ConditionConstants;
  /** Per signal, the name of its member Set constant, or null. */
  readonly enumSets: readonly (string | null)[];
  /** In a contract with calendars, the staffing function an outcome's `staff` field names (codegen/staffing.ts); else undefined. */
  readonly staffOf: (outcome: OutcomeModel) => string | undefined;
}
