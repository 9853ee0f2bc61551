/**
 * `decide` for the `chunked` and `indexed` strategies (plan.ts): after validation, the signal values
 * are copied into module-level state (`S_<i>`), `match()` writes the indices of the matched rules, in
 * file order, into the preallocated `MATCHED` buffer, and the winner, reasons and brief are produced by
 * per-rule functions (dispatch.ts). Nothing is allocated besides the decision, its arrays and evidence.
 *
 * INVARIANT: between copying the values into `S_<i>` and returning, no user code runs (the input has
 * been read, the context sanitised), so `decide` is re-entrant even though matching uses module state.
 *
 * The per-rule tables are emitted as compact, already formatted text (one line per rule), not through
 * ts-morph and prettier, so that build time stays proportional to the contract.
 */
import { severityRank, type ContractModel, type RuleModel } from "../model.ts";
import { cellsDescription, classifierBody, type RuleIndex } from "./cells.ts";
import { condition } from "./conditions.ts";
import { evidenceExpression, failSafeExpression, fallbackStatement, otherwiseReason, sayExpression, type BodyContext } from "./decide.ts";
import { dispatchFunctions } from "./dispatch.ts";
import { commentText } from "./literals.ts";
import { stateLocals, type Locals } from "./names.ts";
import { outcomeLiteral, templateExpression } from "./outcomes.ts";
import { CHUNK_RULES, type Plan } from "./plan.ts";
import { signalTsType } from "./signals.ts";

export interface ScaledParts {
  /** Statements of `decide` after validation. */
  readonly decideTail: string;
  /** Module-level declarations, formatted. */
  readonly tables: string;
}

export function scaledParts(cx: BodyContext, plan: Plan): ScaledParts {
  const { model } = cx;
  const state = stateLocals(model.signals);
  const scx: BodyContext = { ...cx, locals: state };
  const match = plan.strategy === "indexed" && plan.index ? indexedMatch(scx, plan.index) : chunkedMatch(scx);
  return {
    decideTail: decideTail(cx),
    tables: [stateDeclarations(model), sharedTables(model), match, perRuleFunctions(scx)].join("\n\n"),
  };
}

function decideTail(cx: BodyContext): string {
  const { model } = cx;
  const mostSevere = model.policy === "most-severe";
  const copy = model.signals.map((_, i) => `S_${i} = ${cx.locals.of(model.signals[i]!.name)};`).join("\n");
  return `${copy}
    const count = match();
    const matched: string[] = [];
    let win = -1;
    ${mostSevere ? "let rank = -1;" : ""}
    for (let k = 0; k < count; k++) {
      const j = MATCHED[k]!;
      matched.push(RULE_NAMES[j]!);
      ${mostSevere ? "if (RANK[j]! > rank) { rank = RANK[j]!; win = j; }" : "if (win < 0) win = j;"}
    }
    const reasons: string[] = [];
    if (win >= 0) {
      if (HAS_REASON[win] === 1) reasons.push(reasonOf(win));
    }${otherwiseReason(cx) === null ? "" : ` else {\n reasons.push(${otherwiseReason(cx)});\n}`}
    for (let k = 0; k < count; k++) {
      const j = MATCHED[k]!;
      if (j !== win && HAS_REASON[j] === 1) reasons.push(reasonOf(j));
    }
    if (win >= 0) return finish(win, matched, reasons, ctx);
    ${fallbackStatement(cx)}`;
}

function stateDeclarations(model: ContractModel): string {
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

function sharedTables(model: ContractModel): string {
  const n = model.rules.length;
  const ranks = model.rules.map((r) => severityRank[r.action]);
  const withReason = model.rules.flatMap((r, i) => (r.reason !== null ? [i] : []));
  return [
    `/** Rule names by index. */`,
    `const RULE_NAMES: readonly string[] = contract.rules;`,
    `/** The matched rules of the current decision, ascending (file order). */`,
    `const MATCHED = new Int32Array(${n});`,
    `/** Per rule, the severity of its action (answer 0 … stop 3). */`,
    `const RANK = new Int8Array([${ranks.join(", ")}]);`,
    `/** Per rule, 1 when it has a reason. */`,
    `const HAS_REASON = flags(${n}, [${withReason.join(", ")}]);`,
    `/** Per rule, the outcome its brief is built from. */`,
    `const OUTCOMES: readonly Outcome[] = [`,
    ...model.rules.map((rule) => `  ${outcomeLiteral(rule, true)},`),
    `];`,
    "",
    `/** A byte per index below \`n\`: 1 for the listed ones. */`,
    `function flags(n: number, listed: readonly number[]): Uint8Array {`,
    `  const out = new Uint8Array(n);`,
    `  for (const i of listed) out[i] = 1;`,
    `  return out;`,
    `}`,
  ].join("\n");
}

/** Straight-line tests in file order, CHUNK_RULES rules per function. */
function chunkedMatch(cx: BodyContext): string {
  const { model } = cx;
  const chunks = Math.ceil(model.rules.length / CHUNK_RULES);
  const out = [
    `/** Writes the matched rules into MATCHED, in file order; returns how many. */`,
    `function match(): number {`,
    `  let count = 0;`,
    ...Array.from({ length: chunks }, (_, k) => `  count = scan_${k}(count);`),
    `  return count;`,
    `}`,
  ];
  for (let k = 0; k < chunks; k++) {
    out.push("", `function scan_${k}(count: number): number {`);
    for (let j = k * CHUNK_RULES; j < Math.min(model.rules.length, (k + 1) * CHUNK_RULES); j++) {
      const rule = model.rules[j]!;
      out.push(`  if (${condition(rule.condition, cx.locals, cx.constants)}) MATCHED[count++] = ${j}; // ${commentText(rule.name)}`);
    }
    out.push(`  return count;`, `}`);
  }
  return out.join("\n");
}

/** Bit sets per signal and cell; the AND over signals gives the candidates; inexact ones are tested. */
function indexedMatch(cx: BodyContext, index: RuleIndex): string {
  const { model } = cx;
  const n = model.rules.length;
  const words = Math.ceil(n / 32);
  const never = index.never.flatMap((x, i) => (x ? [i] : []));
  const tested = model.rules.flatMap((_, i) => (!index.exact[i] && !index.never[i] ? [i] : []));
  const out = [
    `/** Rules per bit set, in 32-bit words (rule j is bit j & 31 of word j >> 5). */`,
    `const WORDS = ${words};`,
    `/** The rules some valid input satisfies (the others are never candidates). */`,
    `const LIVE = liveRules(${n}, [${never.join(", ")}]);`,
    `/** Per rule, 1 when the bit sets do not decide it alone, so its condition is tested. */`,
    `const NEEDS_TEST = flags(${n}, [${tested.join(", ")}]);`,
  ];
  for (const s of index.signals) {
    const signal = model.signals[s.signal]!;
    const sc = index.domain.signals[s.signal]!;
    out.push(
      "",
      `// signal ${commentText(signal.name)}: ${cellsDescription(sc)}`,
      `// Per rule that narrows it: [rule, first, last, …]: the runs of cells where it can hold.`,
      `const MASK_${s.signal} = ruleMask(${s.cells}, [`,
      ...chunkLines(s.allowed.map(([rule, runs]) => `[${rule}, ${runs.join(", ")}]`)),
      `]);`,
      `function cellOf_${s.signal}(v: ${signal.type.kind === "enum" ? "string" : signalTsType(signal.type)}): number {`,
      indent(classifierBody(signal.type, sc.cells)),
      `}`,
    );
  }
  const [first, ...rest] = index.signals;
  const offsets = index.signals.map((s) =>
    s === first
      ? `  const cell = cellOf_${s.signal}(S_${s.signal});\n  const o${s.signal} = cell * WORDS;`
      : `  const o${s.signal} = cellOf_${s.signal}(S_${s.signal}) * WORDS;`,
  );
  const loop = first
    ? [
        `  // Only the words where the most selective signal's cell keeps any rule.`,
        `  const hot = HOT_${first.signal}[cell]!;`,
        `  for (let k = 0; k < hot.length; k++) {`,
        `    const w = hot[k]!;`,
        `    let bits = MASK_${first.signal}[o${first.signal} + w]!;`,
        ...rest.flatMap((s) => [`    bits &= MASK_${s.signal}[o${s.signal} + w]!;`, "    if (bits === 0) continue;"]),
      ]
    : [`  for (let w = 0; w < WORDS; w++) {`, "    const bits = LIVE[w]!;", "    if (bits === 0) continue;"];
  out.push(
    ...(first ? ["", `/** Per cell of the most selective signal, the words whose bit set is not empty. */`, `const HOT_${first.signal} = hotWords(MASK_${first.signal}, ${first.cells});`] : []),
    "",
    `/** Writes the matched rules into MATCHED, in file order; returns how many. */`,
    `function match(): number {`,
    ...offsets,
    `  let count = 0;`,
    ...loop,
    `    let rest = bits;`,
    `    while (rest !== 0) {`,
    `      const low = rest & -rest;`,
    `      rest ^= low;`,
    `      const j = (w << 5) | (31 - Math.clz32(low));`,
    `      if (NEEDS_TEST[j] === 1 && !holds(j)) continue;`,
    `      MATCHED[count++] = j;`,
    `    }`,
    `  }`,
    `  return count;`,
    `}`,
    "",
    `/** Per cell, the indices of the words of \`mask\` that are not zero. */`,
    `function hotWords(mask: Int32Array, cells: number): Int32Array[] {`,
    `  const out: Int32Array[] = [];`,
    `  for (let c = 0; c < cells; c++) {`,
    `    const words: number[] = [];`,
    `    for (let w = 0; w < WORDS; w++) if (mask[c * WORDS + w] !== 0) words.push(w);`,
    `    out.push(new Int32Array(words));`,
    `  }`,
    `  return out;`,
    `}`,
    "",
    `/** Bit sets of the live rules. */`,
    `function liveRules(n: number, never: readonly number[]): Int32Array {`,
    `  const out = new Int32Array(WORDS);`,
    `  for (let j = 0; j < n; j++) out[j >> 5]! |= 1 << (j & 31);`,
    `  for (const j of never) out[j >> 5]! &= ~(1 << (j & 31));`,
    `  return out;`,
    `}`,
    "",
    `/** Per cell, the live rules that can hold there: every live rule, minus each narrowing rule outside its runs of cells. */`,
    `function ruleMask(cells: number, narrowing: readonly (readonly number[])[]): Int32Array {`,
    `  const out = new Int32Array(cells * WORDS);`,
    `  for (let c = 0; c < cells; c++) out.set(LIVE, c * WORDS);`,
    `  for (const runs of narrowing) {`,
    `    const j = runs[0]!;`,
    `    const word = j >> 5;`,
    `    const clear = ~(1 << (j & 31));`,
    `    let c = 0;`,
    `    for (let r = 1; r < runs.length; r += 2) {`,
    `      for (; c < runs[r]!; c++) out[c * WORDS + word]! &= clear;`,
    `      c = runs[r + 1]! + 1;`,
    `    }`,
    `    for (; c < cells; c++) out[c * WORDS + word]! &= clear;`,
    `  }`,
    `  return out;`,
    `}`,
    "",
    dispatchFunctions(
      "holds",
      "j: number",
      "j",
      "boolean",
      tested.map((j) => ({ rule: j, body: `return ${condition(model.rules[j]!.condition, cx.locals, cx.constants)}; // ${commentText(model.rules[j]!.name)}` })),
      "false",
      "Whether rule j's condition holds (for the rules the bit sets do not decide alone).",
    ),
  );
  return out.join("\n");
}

/** Reasons and briefs, one case per rule. */
function perRuleFunctions(cx: BodyContext): string {
  const { model } = cx;
  const reasons = model.rules.flatMap((rule, j) =>
    rule.reason === null ? [] : [{ rule: j, body: `return ${reasonText(rule, cx.locals)}; // ${commentText(rule.name)}` }],
  );
  const finishes = model.rules.map((rule, j) => ({
    rule: j,
    body: `return assemble(INFO, OUTCOMES[${j}]!, matched, reasons, ${sayExpression(rule.say, cx)}, ${evidenceExpression(rule, cx)}, ctx, null);`,
  }));
  return [
    dispatchFunctions("reasonOf", "j: number", "j", "string", reasons, '""', "Rule j's reason (for rules that have one)."),
    dispatchFunctions(
      "finish",
      "j: number, matched: string[], reasons: string[], ctx: CleanContext",
      "j, matched, reasons, ctx",
      "Decision",
      finishes,
      failSafeExpression(model),
      "The decision when rule j wins.",
    ),
  ].join("\n\n");
}

function reasonText(rule: RuleModel, locals: Locals): string {
  // INVARIANT: called for rules with a reason only.
  return templateExpression(rule.reason!, locals);
}

/** Long lists of short items, several per line. */
function chunkLines(items: readonly string[]): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line.length + item.length > 96) {
      lines.push(`  ${line}`);
      line = "";
    }
    line += `${item}, `;
  }
  if (line) lines.push(`  ${line.trimEnd()}`);
  return lines;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
