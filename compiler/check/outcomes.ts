/**
 * What a rule, `otherwise` or `on invalid` does: its action and clauses.
 *
 * - `route`/`escalate` need a target (`missing-target`); `answer` takes no target or `within`
 *   (`answer-with-target`), but may `collect` and `confirm`: what the assistant asks for itself.
 * - each clause at most once (`duplicate-clause`, on the repeat, which is then ignored);
 *   fields must be declared when there is a `fields` block; urgency is low|normal|high|critical.
 * - a `stop` in a rule or `otherwise` must `say` what happens next (`stop-without-say`);
 *   `on invalid answer` is `unsafe-invalid-action`.
 * - warnings: `escalate` without `within` (`no-deadline`), `stop` without `to` (`unowned-stop`).
 * - business time (`within 4 business hours`) counts the target owner's open time, so the owner must
 *   have `hours` (`business-time-without-hours`).
 */
import { endOf, type Action, type Clause, type Name, type Span, type UrgencyName } from "../../grammar/ast.ts";
import { actions, defaultUrgency, isActionName, isUrgencyName, urgencyNames, type ClauseName, type OutcomePlace } from "../../grammar/vocabulary.ts";
import type { OutcomeModel, Template } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { checkReserved } from "./reserved.ts";
import { listNames, suggestion } from "./suggest.ts";
import type { Promise } from "./promise-words.ts";
import { checkSayAgainstDeadline } from "./say-deadline.ts";
import { checkTemplate } from "./templates.ts";
import { checkWithin, resolveTarget } from "./targets.ts";

/** What the fix for `stop-without-say` makes the stop say, for the author to reword. */
export const defaultSay = "A colleague will follow up with you.";

export interface OutcomeDecl {
  readonly action: Action;
  readonly clauses: readonly Clause[];
  readonly span: Span;
}

/** `name` is the outcome's rule name: the rule's, `otherwise` or `invalid-input`. */
export function checkOutcome(ctx: Context, scope: Scope, decl: OutcomeDecl, kind: OutcomePlace, name: string): OutcomeModel {
  const where = kind === "rule" ? `rule ${code(name)}` : kind === "otherwise" ? "`otherwise`" : "`on invalid`";
  const action = decl.action;
  // A hand-made tree may hold any word; the parser only produces actions.
  const verb = action && isActionName(action.action) ? action.action : "answer";
  const info = actions[verb];
  const actionSpan = action?.span ?? decl.span;
  let owner: string | null = null;
  let ownerName: string | null = null;
  let withinSeconds: number | null = null;

  if (kind === "on-invalid" && !info.handoff) {
    ctx.report(
      "unsafe-invalid-action",
      actionSpan,
      "`on invalid` can't `answer`, because input that failed validation is never answered by the AI",
      "use `stop`, `escalate` or `route`, e.g. `on invalid stop to senior`",
    );
  }
  if (action?.target && info.target === "forbidden") {
    ctx.report("answer-with-target", action.target.span, `${code(verb)} takes no target`, "to hand the case to someone, use `route to …` or `escalate to …`");
  } else if (action?.target) {
    const target = resolveTarget(ctx, scope, action.target);
    owner = target?.owner ?? null;
    ownerName = target?.ownerName ?? null;
  } else if (info.target === "required") {
    const owners = scope.owners ? [...scope.owners.keys()] : [];
    ctx.report(
      "missing-target",
      actionSpan,
      `${code(verb)} in ${where} needs a target`,
      owners.length > 0 ? `write \`${verb} to OWNER\`; the owners are ${listNames(owners)}` : `write \`${verb} to OWNER\``,
    );
  }
  if (action?.within && !info.handoff) {
    ctx.report("answer-with-target", action.within.span, `${code(verb)} takes no deadline`, "only a handoff (`route`, `escalate`, `stop`) has a `within`");
  } else if (action?.within) {
    withinSeconds = checkWithin(ctx, action.within) ?? null;
    if (action.within.kind === "business-duration") checkBusinessOwner(ctx, scope, action, owner);
  }
  if (verb === "escalate" && !action?.within) {
    ctx.report("no-deadline", actionSpan, `${where} escalates without a deadline`, "add `within DURATION`, e.g. `within 2h`");
  }
  if (info.target === "optional" && action && !action.target) {
    ctx.report("unowned-stop", actionSpan, `${where} stops without an owner, so nobody owns the case`, "add `to OWNER`, e.g. `stop to senior`");
  }

  const promise: Promise | null = withinSeconds === null ? null : { seconds: withinSeconds, business: action?.within?.kind === "business-duration" };
  const seen = new Set<string>();
  let collect: string[] = [];
  let confirm: string[] = [];
  let reason: Template | null = null;
  let say: Template | null = null;
  let urgency: UrgencyName = defaultUrgency[verb];
  for (const clause of decl.clauses ?? []) {
    if (!clause) continue;
    const word = clause.kind.replace(/-clause$/, "") as ClauseName;
    if (seen.has(word)) {
      ctx.report(
        "duplicate-clause",
        clause.keywordSpan,
        `${where} already has a ${code(word)} clause`,
        "each clause may appear once; merge them",
      );
      continue;
    }
    seen.add(word);
    switch (clause.kind) {
      case "collect-clause":
      case "confirm-clause": {
        const names = checkFields(ctx, scope, clause.fields ?? []);
        if (clause.kind === "collect-clause") collect = names;
        else confirm = names;
        break;
      }
      case "reason-clause":
        reason = checkTemplate(ctx, scope, clause.text, kind === "on-invalid", promise);
        break;
      case "say-clause":
        say = checkTemplate(ctx, scope, clause.text, kind === "on-invalid", promise);
        checkSayAgainstDeadline(ctx, clause.text, promise, where);
        break;
      case "urgency-clause": {
        const level = clause.level?.text ?? "";
        if (isUrgencyName(level)) {
          urgency = level;
        } else if (clause.level) {
          const close = suggestion(level, urgencyNames, clause.level.span);
          ctx.report(
            "unknown-urgency",
            clause.level.span,
            `unknown urgency ${code(level)}`,
            close?.hint ?? `urgency is ${listNames(urgencyNames)}`,
            close?.fixes,
          );
        }
        break;
      }
    }
  }
  if (verb === "stop" && kind !== "on-invalid" && !seen.has("say")) {
    ctx.report(
      "stop-without-say",
      actionSpan,
      `${where} stops without telling the customer what happens next`,
      "add `say \"…\"`, e.g. `say \"A colleague will call you back within the hour.\"`",
      [{ title: "Add `say \"…\"` to this stop", span: endOf(decl.span), text: `\n  say ${JSON.stringify(defaultSay)}`, preferred: true }],
    );
  }

  const businessTime = action?.within?.kind === "business-duration" && info.handoff;
  return {
    name,
    action: verb,
    owner,
    ownerName,
    withinSeconds,
    ...(businessTime ? { businessTime: true as const } : {}),
    urgency,
    collect,
    confirm,
    reason,
    say,
    span: decl.span,
  };
}

/** Business time counts the owner's open time: an owner without `hours` (or no owner) has none to count. */
function checkBusinessOwner(ctx: Context, scope: Scope, action: Action, owner: string | null): void {
  const within = action.within!;
  const written = ctx.quote(within.span);
  if (action.target === null) {
    ctx.report(
      "business-time-without-hours",
      within.span,
      `${written} counts the open time of the owner, but this handoff has none`,
      "write `to OWNER` for an owner with `hours`, or a wall-clock duration such as `within 4h`",
    );
    return;
  }
  if (owner === null) return; // unknown owner: reported already
  const declared = scope.owners?.get(owner);
  if (declared?.calendar !== undefined) return;
  ctx.report(
    "business-time-without-hours",
    within.span,
    `${written} counts ${code(owner)}'s open time, but ${code(owner)} has no \`hours\``,
    scope.owners
      ? `give the owner a calendar in \`owners\`: \`${owner}: ${JSON.stringify(declared?.displayName ?? owner)} hours CALENDAR\`, or write a wall-clock duration such as \`within 4h\``
      : "declare the owner with `hours CALENDAR` in `owners { … }`, or write a wall-clock duration such as `within 4h`",
  );
}

/** Field names as written; with a `fields` block each must be declared, without one none may be reserved. */
function checkFields(ctx: Context, scope: Scope, fields: readonly Name[]): string[] {
  for (const field of fields) {
    if (!scope.fields) {
      checkReserved(ctx, field, "field");
    } else if (!scope.fields.has(field.text)) {
      const names = [...scope.fields.keys()];
      const close = suggestion(field.text, names, field.span);
      ctx.report(
        "unknown-field",
        field.span,
        `unknown field ${code(field.text)}`,
        close?.hint ?? (names.length > 0 ? `the fields are ${listNames(names)}` : "declare it in `fields { … }`"),
        close?.fixes,
      );
    }
  }
  return fields.map((f) => f.text);
}
