/**
 * The top-level items sorted by kind, and `duplicate-declaration` for a block written twice
 * (`contract`, `version`, `policy`, `signals`, `fields`, `owners`, `calendars`, `otherwise`, `on invalid`).
 * The first one written is the one that counts; later ones are still checked inside.
 */
import type {
  CalendarsBlock,
  ContractDecl,
  MonotoneDecl,
  ContractFile,
  FieldsBlock,
  OnInvalidDecl,
  OtherwiseDecl,
  OwnersBlock,
  PolicyDecl,
  RuleDecl,
  SignalsBlock,
  Span,
  TestDecl,
  VersionDecl,
} from "../../grammar/ast.ts";
import type { Context } from "./context.ts";

export interface Blocks {
  readonly contract: ContractDecl | null;
  readonly version: VersionDecl | null;
  readonly policy: PolicyDecl | null;
  /** Every `signals` block in file order; the first is the real one. */
  readonly signals: readonly SignalsBlock[];
  readonly fields: readonly FieldsBlock[];
  readonly owners: readonly OwnersBlock[];
  readonly calendars: readonly CalendarsBlock[];
  readonly otherwise: readonly OtherwiseDecl[];
  readonly onInvalid: readonly OnInvalidDecl[];
  readonly rules: readonly RuleDecl[];
  readonly tests: readonly TestDecl[];
  /** Every `monotone` declaration in file order (duplicates are reported by check/monotone.ts). */
  readonly monotone: readonly MonotoneDecl[];
}

const described = {
  "contract-decl": "a `contract` name",
  "version-decl": "a `version`",
  "policy-decl": "a `policy`",
  "signals-block": "a `signals` block",
  "fields-block": "a `fields` block",
  "owners-block": "an `owners` block",
  "calendars-block": "a `calendars` block",
  otherwise: "an `otherwise`",
  "on-invalid": "an `on invalid`",
} as const;

const hints = {
  "contract-decl": "remove one of them",
  "version-decl": "remove one of them",
  "policy-decl": "remove one of them",
  "signals-block": "merge the two blocks into one",
  "fields-block": "merge the two blocks into one",
  "owners-block": "merge the two blocks into one",
  "calendars-block": "merge the two blocks into one",
  otherwise: "a contract has at most one `otherwise`; remove one of them",
  "on-invalid": "a contract has at most one `on invalid`; remove one of them",
} as const;

export function collectBlocks(ctx: Context, file: ContractFile): Blocks {
  const first = new Map<string, Span>();
  const signals: SignalsBlock[] = [];
  const fields: FieldsBlock[] = [];
  const owners: OwnersBlock[] = [];
  const calendars: CalendarsBlock[] = [];
  const otherwise: OtherwiseDecl[] = [];
  const onInvalid: OnInvalidDecl[] = [];
  const rules: RuleDecl[] = [];
  const tests: TestDecl[] = [];
  const monotone: MonotoneDecl[] = [];
  let contract: ContractDecl | null = null;
  let version: VersionDecl | null = null;
  let policy: PolicyDecl | null = null;

  for (const item of file?.items ?? []) {
    if (!item) continue;
    if (item.kind === "rule") {
      rules.push(item);
      continue;
    }
    if (item.kind === "test") {
      tests.push(item);
      continue;
    }
    if (item.kind === "monotone-decl") {
      monotone.push(item);
      continue;
    }
    if (!(item.kind in described)) continue;
    const earlier = first.get(item.kind);
    if (earlier) {
      // A one-line declaration is underlined whole, a block at its keyword.
      ctx.report(
        "duplicate-declaration",
        "keywordSpan" in item ? item.keywordSpan : item.span,
        `the contract already has ${described[item.kind]}, on line ${earlier.startLine}`,
        hints[item.kind],
      );
    } else {
      first.set(item.kind, item.span);
    }
    switch (item.kind) {
      case "contract-decl":
        contract ??= item;
        break;
      case "version-decl":
        version ??= item;
        break;
      case "policy-decl":
        policy ??= item;
        break;
      case "signals-block":
        signals.push(item);
        break;
      case "fields-block":
        fields.push(item);
        break;
      case "owners-block":
        owners.push(item);
        break;
      case "calendars-block":
        calendars.push(item);
        break;
      case "otherwise":
        otherwise.push(item);
        break;
      case "on-invalid":
        onInvalid.push(item);
        break;
    }
  }
  return { contract, version, policy, signals, fields, owners, calendars, otherwise, onInvalid, rules, tests, monotone };
}
