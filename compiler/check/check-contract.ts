/**
 * The type checker: AST in, resolved model plus diagnostics out.
 *
 *   blocks (duplicates) → calendars → scope (declarations, types, defaults) → rules → otherwise / on invalid
 *   → tests → monotone → model
 *
 * Whether the rules cover every input (`incomplete`) is proven afterwards by compiler/analysis/.
 *
 * INVARIANT: never throws on any tree the parser produces, partial ones included; reports every
 * problem it finds without cascades; returns a model only when it found no error.
 */
import { createHash } from "node:crypto";
import { fileStart, type ContractFile, type Span } from "../../grammar/ast.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../../diagnostics/index.ts";
import { withoutByteOrderMark } from "../../diagnostics/span.ts";
import { defaultPolicy } from "../../grammar/vocabulary.ts";
import { builtinInvalidOutcome, staffingCalendar, type Cond, type ContractModel, type RuleModel, type SignalModel } from "../model.ts";
import { collectBlocks } from "./blocks.ts";
import { checkCalendars } from "./calendars.ts";
import { trailingComments } from "./descriptions.ts";
import { createContext } from "./context.ts";
import { checkMonotone } from "./monotone.ts";
import { checkOutcome } from "./outcomes.ts";
import { checkRules } from "./rules.ts";
import { buildScope } from "./scope.ts";
import { checkTests } from "./tests.ts";

export { builtinInvalidOutcome } from "../model.ts";

export interface CheckContractOptions {
  /** The whole source text as read, byte-order mark included (hashed as is). */
  readonly source: string;
  /** The text as parsed (`ParseResult.source`), which spans index; when absent, `source` without its byte-order mark. */
  readonly text?: string;
  /** The file's path or name; the contract name defaults to its base name without `.handoff`. */
  readonly fileName: string;
}

export interface CheckContractResult {
  /** Null when any error was found. */
  readonly model: ContractModel | null;
  /** Sorted by position. */
  readonly diagnostics: Diagnostic[];
}

export function checkContract(file: ContractFile, options: CheckContractOptions): CheckContractResult {
  const source = options.source ?? "";
  const ctx = createContext(options.text ?? withoutByteOrderMark(source));
  const blocks = collectBlocks(ctx, file);

  if (blocks.signals.length === 0) {
    ctx.report(
      "missing-signals",
      fileStart,
      "the contract has no `signals { … }` block",
      "declare the signals the rules read, e.g. `signals { sentiment: number in -1..1 }`",
    );
  }
  const calendars = checkCalendars(ctx, blocks.calendars);
  const scope = buildScope(ctx, blocks, calendars);
  const rules = checkRules(ctx, scope, blocks.rules);
  const otherwise = blocks.otherwise.map((decl) => checkOutcome(ctx, scope, decl, "otherwise", "otherwise"))[0] ?? null;
  const onInvalid = blocks.onInvalid.map((decl) => checkOutcome(ctx, scope, decl, "on-invalid", "invalid-input"))[0] ?? builtinInvalidOutcome;
  const tests = checkTests(ctx, scope, blocks.tests, rules.map((r) => r.name), otherwise !== null);
  const monotone = checkMonotone(ctx, scope, blocks.monotone);

  const diagnostics = sortDiagnostics(ctx.diagnostics);
  if (hasErrors(diagnostics)) return { model: null, diagnostics };

  const describe = trailingComments(file);
  const described = <T extends object>(item: T, span: Span | undefined): T => {
    const description = span === undefined ? undefined : describe(span);
    return description === undefined ? item : { ...item, description };
  };
  const signals: SignalModel[] = [...scope.signals.values()].map((info) =>
    described(
      {
        name: info.name,
        // INVARIANT: no error means every signal's type resolved.
        type: info.type ?? { kind: "text" },
        ...(info.defaultValue === undefined ? {} : { defaultValue: info.defaultValue }),
        ...(info.decl.pii ? { pii: true as const } : {}),
        span: info.decl.span,
      },
      info.decl.span,
    ),
  );
  const fieldDecls = new Map<string, Span>();
  for (const block of blocks.fields) for (const decl of block.fields) if (!fieldDecls.has(decl.name.text)) fieldDecls.set(decl.name.text, decl.span);
  const model: ContractModel = {
    name: blocks.contract?.name?.value ?? defaultName(options.fileName),
    version: blocks.version?.version?.value ?? null,
    policy: blocks.policy?.policy ?? defaultPolicy,
    sourceHash: createHash("sha256").update(source, "utf8").digest("hex"),
    signals,
    fields: scope.fields ? [...scope.fields.values()].map((f) => described(f, fieldDecls.get(f.name))) : [],
    owners: scope.owners ? [...scope.owners.values()] : [],
    // INVARIANT: no error means every calendar checked clean.
    ...(calendars ? { calendars: [...calendars.values()].filter((c) => c !== null) } : {}),
    ...staffedOf(rules),
    rules,
    otherwise,
    onInvalid,
    tests,
    monotone,
  };
  return { model, diagnostics };
}

/** `{ staffed }`: the calendars the rules' conditions ask, in first-use order; {} when none does. */
function staffedOf(rules: readonly RuleModel[]): { staffed?: string[] } {
  const seen = new Set<string>();
  const walk = (c: Cond): void => {
    if (c.kind === "cmp") {
      const calendar = staffingCalendar(c.signal);
      if (calendar !== null) seen.add(calendar);
    } else if (c.kind === "not") walk(c.operand);
    else if (c.kind === "and" || c.kind === "or") c.operands.forEach(walk);
  };
  for (const rule of rules) walk(rule.condition);
  return seen.size === 0 ? {} : { staffed: [...seen] };
}

/** `path/to/support.handoff` → `support`. */
function defaultName(fileName: string | undefined): string {
  const base = (fileName ?? "").split(/[\\/]/).pop() ?? "";
  return base.replace(/\.handoff$/, "") || "contract";
}
