/**
 * The declarations in scope: signals (with their types and defaults), fields and owners (with the
 * calendar of their `hours`, see calendars.ts).
 * Reports names declared twice in one block (`duplicate-declaration`, on the second; the first
 * wins), reserved names, field types other than `text | number | bool`, and defaults that do not
 * fit their signal. Names from a block written twice are added silently when new: the block
 * itself was already reported.
 */
import type { FieldsBlock, Name, OwnersBlock, SignalsBlock } from "../../grammar/ast.ts";
import type { CalendarModel, FieldModel, OwnerModel } from "../model.ts";
import { resolveHours } from "./calendars.ts";
import { code, type Context, type Scope, type SignalInfo } from "./context.ts";
import { resolveLiteral } from "./literals.ts";
import { checkReserved, type NameRole } from "./reserved.ts";
import { fieldTypeNames, isFieldTypeName } from "../../grammar/vocabulary.ts";
import { oneOfNames, replaceWith } from "./suggest.ts";
import { resolveSignalType, suggestType } from "./types.ts";

export interface BlocksInScope {
  readonly signals: readonly SignalsBlock[];
  readonly fields: readonly FieldsBlock[];
  readonly owners: readonly OwnersBlock[];
}

/** `calendars`: the checked calendars by name, null without a `calendars` block (for owners' `hours`). */
export function buildScope(ctx: Context, blocks: BlocksInScope, calendars: ReadonlyMap<string, CalendarModel | null> | null = null): Scope {
  const signals = new Map<string, SignalInfo>();
  const fields = blocks.fields.length > 0 ? new Map<string, FieldModel>() : null;
  const owners = blocks.owners.length > 0 ? new Map<string, OwnerModel>() : null;
  const scope: Scope = { hasSignals: blocks.signals.length > 0, signals, fields, owners, calendars };

  // Types first, defaults after: a default that names another signal gets the better hint.
  const pending: SignalInfo[] = [];
  blocks.signals.forEach((block, index) => {
    const declared = new Set<string>();
    for (const decl of block.signals ?? []) {
      if (!declared.has(decl.name.text)) checkReserved(ctx, decl.name, "signal");
      if (!isNew(ctx, declared, decl.name, "signal", "signals")) continue;
      const type = resolveSignalType(ctx, decl);
      const info: SignalInfo = { name: decl.name.text, decl, type };
      if (index === 0 || !signals.has(info.name)) {
        signals.set(info.name, info);
        pending.push(info);
      }
    }
  });
  for (const info of pending) {
    const literal = info.decl.defaultValue;
    if (!literal) continue;
    const value = resolveLiteral(ctx, scope, info, literal, "default");
    if (value !== undefined) signals.set(info.name, { ...info, defaultValue: value });
  }

  for (const block of blocks.fields) {
    const declared = new Set<string>();
    for (const decl of block.fields ?? []) {
      if (!declared.has(decl.name.text)) checkReserved(ctx, decl.name, "field");
      if (!isNew(ctx, declared, decl.name, "field", "fields")) continue;
      const type = decl.type?.text ?? "";
      if (!isFieldTypeName(type)) {
        if (decl.type) {
          const close = suggestType(decl.type.text, fieldTypeNames);
          ctx.report(
            "unknown-type",
            decl.type.span,
            `${code(decl.type.text)} is not a field type`,
            close === undefined ? `a field is ${oneOfNames(fieldTypeNames)}` : `did you mean ${code(close)}?`,
            close === undefined ? undefined : [replaceWith(decl.type.span, close)],
          );
        }
      }
      if (fields && !fields.has(decl.name.text)) {
        fields.set(decl.name.text, {
          name: decl.name.text,
          type: isFieldTypeName(type) ? type : "text",
          ...(decl.pii ? { pii: true as const } : {}),
        });
      }
    }
  }

  for (const block of blocks.owners) {
    const declared = new Set<string>();
    for (const decl of block.owners ?? []) {
      if (!declared.has(decl.name.text)) checkReserved(ctx, decl.name, "owner");
      if (!isNew(ctx, declared, decl.name, "owner", "owners")) continue;
      const calendar = resolveHours(ctx, calendars, decl);
      if (owners && !owners.has(decl.name.text)) {
        owners.set(decl.name.text, { key: decl.name.text, displayName: decl.displayName?.value ?? "", ...(calendar === undefined ? {} : { calendar }) });
      }
    }
  }
  return scope;
}

/** Adds a name to its block's set, or reports it as declared twice. */
function isNew(ctx: Context, declared: Set<string>, name: Name, role: NameRole, block: string): boolean {
  if (!declared.has(name.text)) {
    declared.add(name.text);
    return true;
  }
  ctx.report(
    "duplicate-declaration",
    name.span,
    `${role} ${code(name.text)} is declared twice in \`${block}\``,
    "remove or rename one of them; the first one counts",
  );
  return false;
}
