/**
 * The per-contract part of the generated module, laid out (syntax.ts): header, `Signals`, `contract`,
 * `decide`, `validate`, per-contract constants and helpers, then (strategies/) the tables of the large-
 * contract strategies. `generate.ts` appends the inlined runtime prelude (`preludeSection`).
 *
 * INVARIANT: the module imports nothing, and module-level initialisers are literals, `Symbol()`,
 * `new Set`, typed arrays and `Object.freeze` — or, for the indexed strategy's bit sets, calls of
 * generated functions that use nothing but those — so the prelude (declared last) is never touched
 * before the first call (tsc reports a use before declaration). Output depends on the model alone: arrays in model
 * order, maps only for lookups and first-use numbering, no clock.
 */
import { decisionSignals, piiNames, type ContractModel, type SignalValue } from "../model.ts";
import type { BodyContext } from "./body-context.ts";
import { decideBody, invalidBody, validateBody } from "./bodies.ts";
import { choosePlan, type Plan, type Strategy } from "./plan.ts";
import { inlineMatching } from "./strategies/inline.ts";
import { matchingParts } from "./strategies/matching.ts";
import { commentText, operand, str, strOrNull } from "./literals.ts";
import { assertNoClash, signalLocals } from "./names.ts";
import { outcomeLiteral } from "./outcomes.ts";
import { moduleStaffing } from "./staffing.ts";
import type { Prelude } from "./prelude-files.ts";
import { preludeText } from "./prelude.ts";
import { signalMember, specLiteral, usesEnumSet } from "./signals.ts";
import { array, block, constDecl, declarations, objectLines, print, statements, type Doc } from "./syntax.ts";
import { hardline, indent, join } from "../../format/doc.ts";

export interface ContractParts {
  readonly plan: Plan;
  /** The per-contract code before the tables, laid out. */
  readonly text: string;
  /** The per-rule tables and functions of the chunked and indexed strategies ("" for inline). */
  readonly tables: string;
}

/** The per-contract part of the module (everything before the prelude section). */
export function contractText(model: ContractModel, prelude: Prelude, forced?: Strategy): ContractParts {
  assertNoClash(prelude.names);

  // Membership sets (long `in` lists, large enums), shared between equal lists, numbered in first-use order.
  const sets = new Map<string, string>();
  const setDecls: Doc[] = [];
  const setConstant = (values: readonly SignalValue[]): string => {
    const elements = values.map(operand);
    const id = elements.join(", ");
    let name = sets.get(id);
    if (name === undefined) {
      name = `SET_${sets.size}`;
      sets.set(id, name);
      setDecls.push(constDecl(name, "ReadonlySet<unknown>", ["new Set<unknown>(", array(elements), ")"]));
    }
    return name;
  };
  const enumSets = model.signals.map((signal) =>
    usesEnumSet(signal) && signal.type.kind === "enum" ? setConstant(signal.type.members) : null,
  );
  const staffing = moduleStaffing(model);
  const staffOf = (outcome: Parameters<typeof outcomeLiteral>[0]): string | undefined => staffing?.of(outcome);
  // Numbered in model order, and declared before the outcome constants that name them.
  for (const outcome of [...model.rules, ...(model.otherwise ? [model.otherwise] : []), model.onInvalid]) staffOf(outcome);
  const cx: BodyContext = {
    model,
    staffOf,
    // The input's signals, then each staffed calendar's open state (computed in `decide`, see staffing.ts).
    locals: signalLocals(decisionSignals(model)),
    constants: { set: setConstant },
    enumSets,
  };
  // The inline strategy's matching, built once: measured to choose the plan, and used when it is inline.
  let inlineTail: Doc[] | undefined;
  const inline = (): Doc[] => (inlineTail ??= inlineMatching(cx));
  const plan = choosePlan(model, forced, () => print(statements(decideBody(cx, inline()))).length);
  const { signals: piiSignals, fields: piiFields } = piiNames(model);
  const tables = plan.strategy === "inline" ? null : matchingParts(cx, plan);
  // Built before the constants: building it declares the membership sets (`setDecls`) it uses.
  const decide = decideBody(cx, tables?.decideTail ?? inline());

  const signalsInterface = block(
    "export interface Signals",
    model.signals.map(signalMember),
  );
  const contractType = objectLines([
    `readonly name: ${str(model.name)}`,
    `readonly version: ${strOrNull(model.version)}`,
    `readonly policy: ${str(model.policy)}`,
    ["readonly rules: readonly ", array(model.rules.map((r) => str(r.name)))],
    `readonly hash: ${str(model.sourceHash)}`,
    [
      "readonly pii: ",
      objectLines([
        ["readonly signals: readonly ", array(piiSignals.map(str))],
        ["readonly fields: readonly ", array(piiFields.map(str))],
      ], ";"),
    ],
  ], ";");
  const frozen = (doc: Doc): Doc => ["Object.freeze(", doc, " as const)"];
  const contractValue = frozen(
    objectLines([
      `name: ${str(model.name)}`,
      `version: ${strOrNull(model.version)}`,
      `policy: ${str(model.policy)}`,
      ["rules: ", frozen(array(model.rules.map((r) => str(r.name))))],
      `hash: ${str(model.sourceHash)}`,
      [
        "pii: ",
        ["Object.freeze(", objectLines([["signals: ", frozen(array(piiSignals.map(str)))], ["fields: ", frozen(array(piiFields.map(str)))]]), ")"],
      ],
    ]),
  );

  const constants: Doc[] = [
    constDecl("INFO", "ContractInfo", `{ name: ${str(model.name)}, version: ${strOrNull(model.version)} }`),
    ...model.signals.map((signal, i) => commented(`signal ${commentText(signal.name)}`, constDecl(`SPEC_${i}`, "SignalSpec", specLiteral(signal)))),
    ...(staffing?.declarations() ?? []),
    // The inline strategy's constant outcomes; the table strategies build them from the rule rows.
    ...(plan.strategy !== "inline" ? [] : model.rules.map((rule, i) => commented(`rule ${commentText(rule.name)}`, constDecl(`OUTCOME_${i}`, "Outcome", outcomeLiteral(rule, staffOf(rule)))))),
    ...(model.otherwise === null ? [] : [constDecl("OTHERWISE", "Outcome", outcomeLiteral(model.otherwise, staffOf(model.otherwise)))]),
    constDecl("ON_INVALID", "Outcome", outcomeLiteral(model.onInvalid, staffOf(model.onInvalid))),
    commented(
      "the evidence of otherwise, invalid-input and answers (assemble copies evidence)",
      constDecl("NO_EVIDENCE", "{ readonly [signal: string]: number | string | boolean }", "Object.freeze({})"),
    ),
    ...setDecls,
  ];

  const parts: Doc[] = [
    [
      "/** The signals `decide` reads; a signal with a default may be left out. */",
      hardline(),
      signalsInterface,
    ],
    [
      "/** The contract this module was generated from; `hash` is the SHA-256 of its source; `pii` names the signals and fields marked `pii` (the decision log redacts their values). */",
      hardline(),
      "export const contract: ",
      contractType,
      " = ",
      contractValue,
      ";",
    ],
    fn(
      "/** The decision for `signals` (see `Signals`) in `context` (see `Context`). Never throws. */",
      "export function decide(signals: unknown, context?: unknown): Decision",
      decide,
    ),
    fn(
      "/** Validates `signals` as `decide` does, with defaults applied. Never throws. */",
      "export function validate(signals: unknown): Validation",
      validateBody(cx),
    ),
    statements(constants),
    fn(null, "function invalidDecision(ctx: CleanContext, problems: Problem[]): Decision", invalidBody(model)),
    // Reading helpers, when there is anything to read.
    ...(model.signals.length === 0
      ? []
      : [
          commented("a signal's value when reading its property threw", "const UNREADABLE: unique symbol = Symbol();"),
          fn(
            "/** `problems` plus the problem of `value` for `spec`, if it has one (the list is created on the first). */",
            "function note(problems: Problem[] | null, spec: SignalSpec, value: unknown): Problem[] | null",
            [
              "const problem = value === UNREADABLE ? COULD_NOT_READ : describeProblem(spec, value);",
              "if (problem === null) return problems;",
              "const list = problems ?? [];",
              "list.push({ signal: spec.name, problem });",
              "return list;",
            ],
          ),
        ]),
  ];

  const hash = /^[0-9a-f]+$/.test(model.sourceHash) ? model.sourceHash : commentText(model.sourceHash);
  const strategy = `// Rule matching: ${plan.strategy} (see \`handoff build --explain-plan\`).`;
  return {
    plan,
    text: `// Generated by handoff from contract ${commentText(model.name)} (sha256 ${hash}).
// Do not edit: change the .handoff source and build again.
${strategy}

${print(declarations(parts))}`,
    tables: tables?.tables ?? "",
  };
}

/** The prelude section that ends every module: a banner, then the prelude declarations `code` uses. */
export function preludeSection(prelude: Prelude, code: string): string {
  const text = preludeText(prelude, code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return `// ${"-".repeat(90)}\n// Runtime prelude (runtime/prelude/), shared with the reference interpreter.\n\n${text}\n`;
}

/** A function declaration: its doc comment (or none), its signature, its body. */
function fn(doc: string | null, signature: string, body: readonly Doc[]): Doc {
  const declaration = block(signature, body);
  return doc === null ? declaration : [doc, hardline(), declaration];
}

/** `// comment` above a declaration. */
function commented(comment: string, declaration: Doc): Doc {
  return [`// ${comment}`, hardline(), declaration];
}
