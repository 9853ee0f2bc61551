/**
 * HOOK into the static analysis (compiler/analysis/): one witness per reachable rule, an input that
 * makes it win, for the emitted "each witness makes its rule win" tests.
 *
 * The analysis is optional here: while it is unavailable (not implemented yet, or it throws), the
 * tests are emitted without witnesses and `unavailable` says why, so a build never fails because of it.
 */
import type { ContractModel, SignalValue } from "../model.ts";

/** A concrete valid input that makes `rule` win (from the analysis' witnesses). */
export interface Witness {
  readonly rule: string;
  readonly example: Readonly<Record<string, SignalValue>>;
}

export interface WitnessResult {
  readonly witnesses: readonly Witness[];
  /** Why there are no witnesses, when the analysis could not be asked. */
  readonly unavailable?: string;
}

export async function computeWitnesses(model: ContractModel): Promise<WitnessResult> {
  try {
    const { buildDomain, solve, winsFormula } = await import("../analysis/index.ts");
    const domain = buildDomain(
      model.signals,
      model.rules.map((rule) => rule.condition),
    );
    const witnesses: Witness[] = [];
    model.rules.forEach((rule, i) => {
      const example = solve(domain, winsFormula(model, i));
      if (example !== null) witnesses.push({ rule: rule.name, example });
    });
    return { witnesses };
  } catch (error) {
    return { witnesses: [], unavailable: error instanceof Error ? error.message : String(error) };
  }
}
