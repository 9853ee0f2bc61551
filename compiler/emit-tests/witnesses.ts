/**
 * HOOK into the static analysis (compiler/analysis/): one witness per reachable rule, an input that
 * makes it win, for the emitted "each witness makes its rule win" tests.
 *
 * The analysis is optional here: while it is unavailable (not implemented yet, or it throws), the
 * tests are emitted without witnesses and `unavailable` says why, so a build never fails because of it.
 */
import { decisionSignals, staffingSignal, type ContractModel, type SignalValue } from "../model.ts";
import { staffingInstant } from "../staffing-instants.ts";

/**
 * The witnesses as inputs `decide` can be given: the analysis' calendar states (`@NAME`, in contracts
 * whose conditions ask a calendar) dropped from the input and turned into a `now` that has them, and a
 * witness whose states no instant combines left out (see compiler/staffing-instants.ts).
 */
export function decidable(model: ContractModel, witnesses: readonly Witness[]): { rule: string; input: Record<string, SignalValue>; now: string | null }[] {
  const out: { rule: string; input: Record<string, SignalValue>; now: string | null }[] = [];
  for (const w of witnesses) {
    const now = staffingInstant(model, w.example);
    if (model.staffed !== undefined && now === null) continue;
    const states = new Set((model.staffed ?? []).map(staffingSignal));
    const input = Object.fromEntries(Object.entries(w.example).filter(([k]) => !states.has(k)));
    out.push({ rule: w.rule, input, now });
  }
  return out;
}

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
      decisionSignals(model),
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
