/**
 * What a generated module's `contract` constant says, read from a model: the identity a decision log
 * records (`createDecisionLogger({ contract: contractOf(model) })`) and the `pii` names it redacts.
 * test/api/api.test.ts holds it equal to the generated constant.
 */
import { piiNames, type ContractModel } from "../compiler/model.ts";

export interface ContractFacts {
  readonly name: string;
  readonly version: string | null;
  readonly policy: string;
  /** Rule names in file order. */
  readonly rules: readonly string[];
  /** Hex SHA-256 of the contract's source. */
  readonly hash: string;
  /** The signals and fields marked `pii`, in declaration order. */
  readonly pii: { readonly signals: readonly string[]; readonly fields: readonly string[] };
}

/** The facts of the contract `model` was checked from (frozen). Never throws on a model from `check` or `compile`. */
export function contractOf(model: ContractModel): ContractFacts {
  const pii = piiNames(model);
  return Object.freeze({
    name: model.name,
    version: model.version,
    policy: model.policy,
    rules: Object.freeze(model.rules.map((r) => r.name)),
    hash: model.sourceHash,
    pii: Object.freeze({ signals: Object.freeze(pii.signals), fields: Object.freeze(pii.fields) }),
  });
}
