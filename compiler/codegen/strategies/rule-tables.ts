/**
 * The module-level tables the `chunked` and `indexed` strategies (plan.ts) match and decide with:
 * the validated signal values of the current decision (`S_<i>`), one compact row per rule (`RULE_ROWS`),
 * the `MATCHED` buffer `match()` fills, the per-rule precedence (`RANK`), and the functions that turn a
 * winner into a decision (`finish`, `reasonFor`, `reasonOf`, `sayOf`).
 *
 * INVARIANT: between copying the values into `S_<i>` and returning, no user code runs (the input has
 * been read, the context sanitised), so `decide` is re-entrant even though matching uses module state.
 *
 * The tables are emitted as compact text (one line per rule), not laid out (syntax.ts), so that build
 * time stays proportional to the contract.
 */
import { actions } from "../../../grammar/vocabulary.ts";
import { precedence } from "../../policy.ts";
import type { ContractModel, RuleModel, Template } from "../../model.ts";
import type { BodyContext } from "../body-context.ts";
import { commentText, jsonNumber, key, rawText, str, strArray, strOrNull } from "../literals.ts";
import { constantText, templateExpression } from "../outcomes.ts";
import { signalTsType } from "../signals.ts";
import { flat } from "../syntax.ts";
import { dispatchFunctions } from "./dispatch.ts";

/**
 * The fields of a `RULE_ROWS` row, in the order the generated module stores them: a row is a JSON
 * array, and the generated `RuleRow` tuple type, `outcomeOf`, `reasonFor` and `finish` read it by
 * position in this order.
 */
const ROW_FIELDS = ["name", "action", "owner", "within", "urgency", "collect", "confirm", "reason", "say", "evidence"] as const;

type RowField = (typeof ROW_FIELDS)[number];

/** The position of a field in a row. */
function column(field: RowField): number {
  return ROW_FIELDS.indexOf(field);
}

/** A rule's row, each field as JSON text. */
function rowFields(model: ContractModel): (rule: RuleModel) => Readonly<Record<RowField, string>> {
  const signalIndex = new Map(model.signals.map((s, i) => [s.name, i] as const));
  const owners = new Map(model.owners.map((o) => [o.key, o.displayName] as const));
  // null: none; true: it interpolates signals (reasonOf and sayOf compute it).
  const text = (t: Template | null) => (t === null ? "null" : constantText(t) === null ? "true" : str(constantText(t)!));
  return (rule) => ({
    name: str(rule.name),
    action: str(rule.action),
    // [owner, display name] when the rule's display name is not the declared owner's.
    owner: rule.owner === null || owners.get(rule.owner) === rule.ownerName ? strOrNull(rule.owner) : `[${str(rule.owner)}, ${strOrNull(rule.ownerName)}]`,
    within: jsonNumber(rule.withinSeconds),
    urgency: str(rule.urgency),
    collect: strArray(rule.collect),
    confirm: strArray(rule.confirm),
    reason: text(rule.reason),
    say: text(rule.say),
    evidence: !actions[rule.action].handoff || rule.reads.length === 0 ? "null" : `[${rule.reads.map((r) => signalIndex.get(r)).join(", ")}]`,
  });
}

/** The module-level `S_<i>` state: the validated signal values of the decision being made. */
export function stateDeclarations(model: ContractModel): string {
  const lines = model.signals.map((s, i) => {
    const type = s.type.kind === "enum" ? "string" : signalTsType(s.type);
    const init = type === "number" ? "0" : type === "boolean" ? "false" : '""';
    return `let S_${i}: ${type} = ${init}; // ${commentText(s.name)}`;
  });
  return [
    "// ---------------------------------------------------------------------------------------------",
    "// Matching for large contracts (see `handoff build --explain-plan`). The validated signal values",
    "// of the decision being made; written by `decide` only, after reading the input.",
    ...lines,
  ].join("\n");
}

/** The rule rows and the functions over them; `cx.locals` are the `S_<i>` state. */
export function ruleTables(cx: BodyContext): string {
  const { model } = cx;
  const n = model.rules.length;
  // The winner loop reads RANK under `most-severe` only (under `first-match` the first matched rule
  // wins); the table is emitted under both policies and holds the most-severe precedence.
  const ranks = model.rules.map((r) => precedence("most-severe", r.action));
  const fieldsOf = rowFields(model);
  // With calendars, each rule's staffing function (codegen/staffing.ts), which its outcome carries.
  const staffNames = model.calendars === undefined ? null : model.rules.map((r) => cx.staffOf(r) ?? "undefined");
  const row = (rule: RuleModel): string => {
    const fields = fieldsOf(rule);
    return `  [${ROW_FIELDS.map((f) => fields[f]).join(", ")}]`;
  };
  return [
    ...(staffNames === null
      ? []
      : [
          `/** Each rule's staffing function, by index (see staffDecision). */`,
          `const RULE_STAFF: readonly ((decision: Decision, nowMs: number | null) => void)[] = [${staffNames.join(", ")}];`,
        ]),
    `/** Display names of the owners. */`,
    `const OWNER_NAMES: { readonly [owner: string]: string } = { ${model.owners.map((o) => `${key(o.key)}: ${str(o.displayName)}`).join(", ")} };`,
    `/** Signal names by index (the \`v<i>\`/\`S_<i>\` numbering). */`,
    `const SIGNAL_NAMES: readonly string[] = [${model.signals.map((s) => str(s.name)).join(", ")}];`,
    ``,
    `/**`,
    ` * One row per rule, in file order, as JSON text: name, action, owner (or [owner, display name] when it`,
    ` * is not a declared owner), within (seconds), urgency, collect, confirm, reason and say (text; null:`,
    ` * none; true: it interpolates signals, see reasonOf and sayOf), and the signals its brief lists as`,
    ` * evidence. A row is parsed when its rule first matches, so loading the module stays quick.`,
    ` */`,
    `const RULE_ROWS: readonly string[] = ${rawText(model.rules.map(row))}.split("\\n");`,
    `type RuleRow = readonly [string, Action, string | readonly [string, string | null] | null, number | null, Urgency, readonly string[], readonly string[], string | true | null, string | true | null, readonly number[] | null];`,
    // Filled up front, so that caching rule 2,000 first keeps the array's fast elements (a write far past
    // the end of an empty array turns it into a dictionary).
    `const RULE_CACHE: (RuleRow | undefined)[] = new Array<RuleRow | undefined>(${n}).fill(undefined);`,
    `/** Rule j's row. */`,
    `function ruleRow(j: number): RuleRow {`,
    `  return (RULE_CACHE[j] ??= JSON.parse(RULE_ROWS[j]!) as RuleRow);`,
    `}`,
    `/** Rule names by index. */`,
    `const RULE_NAMES: readonly string[] = contract.rules;`,
    `const OUTCOME_CACHE: (Outcome | undefined)[] = new Array<Outcome | undefined>(${n}).fill(undefined);`,
    `/** The outcome rule j's brief is built from. */`,
    `function outcomeOf(j: number): Outcome {`,
    `  let outcome = OUTCOME_CACHE[j];`,
    `  if (outcome === undefined) {`,
    // The first seven fields of ROW_FIELDS.
    `    const [rule, action, owner, withinSeconds, urgency, collect, confirm] = ruleRow(j);`,
    `    outcome = {`,
    `      rule,`,
    `      action,`,
    `      owner: typeof owner === "string" || owner === null ? owner : owner[0],`,
    `      ownerName: owner === null ? null : typeof owner === "string" ? (OWNER_NAMES[owner] ?? null) : owner[1],`,
    `      withinSeconds,`,
    `      urgency,`,
    `      collect: [...collect],`,
    `      confirm: [...confirm],`,
    ...(staffNames === null ? [] : [`      staff: RULE_STAFF[j]!,`]),
    `    };`,
    `    OUTCOME_CACHE[j] = outcome;`,
    `  }`,
    `  return outcome;`,
    `}`,
    `/** The matched rules of the current decision, ascending (file order). */`,
    `const MATCHED = new Int32Array(${n});`,
    `/** Per rule, the severity of its action (answer 0 … stop 3). */`,
    `const RANK = new Int8Array([${ranks.join(", ")}]);`,
    `/** Per rule, 1 when it has a reason. */`,
    `const HAS_REASON = flags(${n}, [${model.rules.flatMap((r, j) => (r.reason === null ? [] : [j])).join(", ")}]);`,
    "",
    `/** A byte per index below \`n\`: 1 for the listed ones. */`,
    `function flags(n: number, listed: readonly number[]): Uint8Array {`,
    `  const out = new Uint8Array(n);`,
    `  for (const i of listed) out[i] = 1;`,
    `  return out;`,
    `}`,
    "",
    `/** Rule j's reason (for a rule with HAS_REASON set). */`,
    `function reasonFor(j: number): string {`,
    `  const reason = ruleRow(j)[${column("reason")}];`,
    `  return reason === true ? reasonOf(j) : (reason ?? "");`,
    `}`,
    "",
    `/** The decision when rule j wins. */`,
    `function finish(j: number, matched: string[], reasons: string[], ctx: CleanContext): Decision {`,
    `  const row = ruleRow(j);`,
    `  const say = row[${column("say")}] === true ? sayOf(j) : row[${column("say")}];`,
    `  const signals = row[${column("evidence")}];`,
    `  let evidence: { [signal: string]: number | string | boolean } = NO_EVIDENCE;`,
    `  if (signals !== null) {`,
    `    evidence = {};`,
    `    for (const k of signals) evidence[SIGNAL_NAMES[k]!] = valueOf(k);`,
    `  }`,
    `  return assemble(INFO, outcomeOf(j), matched, reasons, say, evidence, ctx, null);`,
    `}`,
    "",
    `/** The validated value of signal k in the current decision. */`,
    `function valueOf(k: number): number | string | boolean {`,
    `  switch (k) {`,
    ...model.signals.map((_, i) => `    case ${i}:\n      return S_${i};`),
    `    default:\n      return false;`,
    `  }`,
    `}`,
  ].join("\n");
}

/** `reasonOf` and `sayOf`: the reasons and says that interpolate signals, one case per rule. */
export function perRuleFunctions(cx: BodyContext): string {
  const { model } = cx;
  const computed = (pick: (rule: RuleModel) => Template | null) =>
    model.rules.flatMap((rule, j) => {
      const t = pick(rule);
      return t === null || constantText(t) !== null ? [] : [{ rule: j, body: `return ${flat(templateExpression(t, cx.locals))}; // ${commentText(rule.name)}` }];
    });
  const dispatch = (name: string, cases: ReturnType<typeof computed>, doc: string) =>
    dispatchFunctions({ name, params: "j: number", args: "j", returnType: "string", cases, fallback: '""', doc });
  return [
    dispatch("reasonOf", computed((r) => r.reason), "Rule j's reason, for reasons that interpolate signals."),
    dispatch("sayOf", computed((r) => r.say), "Rule j's say, for says that interpolate signals."),
  ].join("\n\n");
}
