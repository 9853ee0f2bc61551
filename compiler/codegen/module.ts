/**
 * The generated module, assembled with ts-morph structures: header, `Signals`, `contract`, `decide`,
 * `validate`, per-contract constants and helpers (`contractText`), then the inlined runtime prelude
 * (`preludeSection`). Unformatted; `generate.ts` runs prettier over each part.
 *
 * INVARIANT: the module imports nothing, and module-level initialisers are literals, `Symbol()`,
 * `new Set`, typed arrays and `Object.freeze` — or, for the indexed strategy's bit sets, calls of
 * generated functions that use nothing but those — so the prelude (declared last) is never touched
 * before the first call (tsc reports a use before declaration). Output depends on the model alone: arrays in model
 * order, maps only for lookups and first-use numbering, no clock.
 */
import {
  Project,
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
} from "ts-morph";
import { piiNames, type ContractModel, type SignalValue } from "../model.ts";
import type { BodyContext } from "./body-context.ts";
import { decideBody, invalidBody, validateBody } from "./bodies.ts";
import { choosePlan, type Plan, type Strategy } from "./plan.ts";
import { inlineMatching } from "./strategies/inline.ts";
import { matchingParts } from "./strategies/matching.ts";
import { commentText, literal, str, strArray, strOrNull } from "./literals.ts";
import { assertNoClash, signalLocals } from "./names.ts";
import { outcomeLiteral } from "./outcomes.ts";
import { loadPrelude, preludeText } from "./prelude.ts";
import { signalTsType, specLiteral, usesEnumSet } from "./signals.ts";

/** One in-memory project for every call (creating one per call costs more than the work itself). */
const project = new Project({
  useInMemoryFileSystem: true,
  skipLoadingLibFiles: true,
});

export interface ContractParts {
  readonly plan: Plan;
  /** The per-contract code before the tables, to be formatted. */
  readonly text: string;
  /** The per-rule tables and functions of the chunked and indexed strategies, already formatted ("" for inline). */
  readonly tables: string;
}

/** The per-contract part of the module (everything before the prelude section). */
export function contractText(model: ContractModel, forced?: Strategy): ContractParts {
  assertNoClash(loadPrelude().names);

  // Membership sets (long `in` lists, large enums), shared between equal lists, numbered in first-use order.
  const sets = new Map<string, string>();
  const setDecls: StatementStructures[] = [];
  const setConstant = (values: readonly SignalValue[]): string => {
    const init = `new Set<unknown>([${values.map(literal).join(", ")}])`;
    let name = sets.get(init);
    if (name === undefined) {
      name = `SET_${sets.size}`;
      sets.set(init, name);
      setDecls.push(constant(name, init, "ReadonlySet<unknown>"));
    }
    return name;
  };
  const enumSets = model.signals.map((signal) =>
    usesEnumSet(signal) && signal.type.kind === "enum" ? setConstant(signal.type.members) : null,
  );
  const cx: BodyContext = {
    model,
    locals: signalLocals(model.signals),
    constants: { set: setConstant },
    enumSets,
  };
  const plan = choosePlan(model, forced, () => decideBody(cx, inlineMatching(cx)).length);
  const { signals: piiSignals, fields: piiFields } = piiNames(model);
  const matching = matchingParts(cx, plan);

  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name: "Signals",
      isExported: true,
      docs: ["The signals `decide` reads; a signal with a default may be left out."],
      properties: model.signals.map((signal) => ({
        name: str(signal.name),
        type: signalTsType(signal.type),
        hasQuestionToken: signal.defaultValue !== undefined,
      })),
    },
    {
      ...constant(
        "contract",
        `Object.freeze({
          name: ${str(model.name)},
          version: ${strOrNull(model.version)},
          policy: ${str(model.policy)},
          rules: Object.freeze(${strArray(model.rules.map((r) => r.name))} as const),
          hash: ${str(model.sourceHash)},
          pii: Object.freeze({
            signals: Object.freeze(${strArray(piiSignals)} as const),
            fields: Object.freeze(${strArray(piiFields)} as const),
          }),
        } as const)`,
        `{
          readonly name: ${str(model.name)};
          readonly version: ${strOrNull(model.version)};
          readonly policy: ${str(model.policy)};
          readonly rules: readonly [${model.rules.map((r) => str(r.name)).join(", ")}];
          readonly hash: ${str(model.sourceHash)};
          readonly pii: {
            readonly signals: readonly [${piiSignals.map(str).join(", ")}];
            readonly fields: readonly [${piiFields.map(str).join(", ")}];
          };
        }`,
      ),
      isExported: true,
      docs: [
        "The contract this module was generated from; `hash` is the SHA-256 of its source; `pii` names the signals and fields marked `pii` (the decision log redacts their values).",
      ],
    },
    fn("decide", "Decision", ["signals: unknown", "context?: unknown"], decideBody(cx, matching.decideTail), {
      isExported: true,
      docs: ["The decision for `signals` (see `Signals`) in `context` (see `Context`). Never throws."],
    }),
    fn("validate", "Validation", ["signals: unknown"], validateBody(cx), {
      isExported: true,
      docs: ["Validates `signals` as `decide` does, with defaults applied. Never throws."],
    }),
    constant("INFO", `{ name: ${str(model.name)}, version: ${strOrNull(model.version)} }`, "ContractInfo"),
    ...model.signals.map((signal, i) => constant(`SPEC_${i}`, specLiteral(signal), "SignalSpec", `signal ${commentText(signal.name)}`)),
    // The inline strategy's constant outcomes; the table strategies build them from the rule rows.
    ...(plan.strategy !== "inline" ? [] : model.rules.map((rule, i) => constant(`OUTCOME_${i}`, outcomeLiteral(rule), "Outcome", `rule ${commentText(rule.name)}`))),
    ...(model.otherwise === null ? [] : [constant("OTHERWISE", outcomeLiteral(model.otherwise), "Outcome")]),
    constant("ON_INVALID", outcomeLiteral(model.onInvalid), "Outcome"),
    constant(
      "NO_EVIDENCE",
      "Object.freeze({})",
      "{ readonly [signal: string]: number | string | boolean }",
      "the evidence of otherwise, invalid-input and answers (assemble copies evidence)",
    ),
    ...setDecls,
    fn("invalidDecision", "Decision", ["ctx: CleanContext", "problems: Problem[]"], invalidBody(model)),
    // Reading helpers, when there is anything to read.
    ...(model.signals.length === 0
      ? []
      : [
          constant("UNREADABLE", "Symbol()", "unique symbol", "a signal's value when reading its property threw"),
          fn(
            "note",
            "Problem[] | null",
            ["problems: Problem[] | null", "spec: SignalSpec", "value: unknown"],
            `const problem = value === UNREADABLE ? COULD_NOT_READ : describeProblem(spec, value);
      if (problem === null) return problems;
      const list = problems ?? [];
      list.push({ signal: spec.name, problem });
      return list;`,
            {
              docs: ["`problems` plus the problem of `value` for `spec`, if it has one (the list is created on the first)."],
            },
          ),
        ]),
  ];

  const file = project.createSourceFile("module.ts", "", { overwrite: true });
  file.addStatements(statements);
  const text = file.getFullText();
  project.removeSourceFile(file);
  const hash = /^[0-9a-f]+$/.test(model.sourceHash) ? model.sourceHash : commentText(model.sourceHash);
  const strategy = `// Rule matching: ${plan.strategy} (see \`handoff build --explain-plan\`).`;
  return {
    plan,
    text: `// Generated by handoff from contract ${commentText(model.name)} (sha256 ${hash}).
// Do not edit: change the .handoff source and build again.
${strategy}

${text}`,
    tables: matching.tables,
  };
}

/** The prelude section that ends every module: a banner, then the prelude declarations `code` uses. */
export function preludeSection(code: string): string {
  const text = preludeText(loadPrelude(), code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return `// ${"-".repeat(90)}\n// Runtime prelude (runtime/prelude/), shared with the reference interpreter.\n\n${text}\n`;
}

function constant(name: string, initializer: string, type?: string, comment?: string): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, initializer, ...(type === undefined ? {} : { type }) }],
    ...(comment === undefined ? {} : { leadingTrivia: `// ${comment}\n` }),
  };
}

/** A function declaration; `params` are `name: type` or `name?: type`. */
function fn(
  name: string,
  returnType: string,
  params: readonly string[],
  body: string,
  extra: Partial<FunctionDeclarationStructure> = {},
): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    returnType,
    parameters: params.map((param) => {
      const [, paramName, optional, type] = /^(\w+)(\??): (.+)$/.exec(param)!;
      return {
        name: paramName!,
        type: type!,
        hasQuestionToken: optional === "?",
      };
    }),
    statements: body,
    ...extra,
  };
}
