/**
 * The one CST→AST visitor: the only code that reads Chevrotain's CST (types in `cst.d.ts`).
 *
 * It tolerates every partial tree error recovery can leave behind: any child may be missing, and a
 * token inserted by recovery carries no text. Declarations inside a block are kept when they are
 * complete even if the block is not; a rule, `otherwise`, `on invalid`, test or single-line
 * declaration that lacks a part is dropped whole (the parser has already reported why). It never
 * throws on a tree the parser produced.
 *
 * Diagnostics raised here are only those that need grammatical context: `bad-interpolation` inside
 * `reason`/`say` text, and a range on an enum type.
 */
import type { IToken } from "chevrotain";
import type {
  Action,
  BusinessDuration,
  CalendarDecl,
  CalendarsBlock,
  Clause,
  DatedHours,
  Days,
  Condition,
  DurationLiteral,
  EnumType,
  Expectation,
  FieldDecl,
  FieldsBlock,
  GivenEntry,
  Item,
  Literal,
  Name,
  NumberLiteral,
  OwnerDecl,
  OwnersBlock,
  RangeExpr,
  SignalDecl,
  SignalsBlock,
  Span,
  StringLiteral,
  Target,
  TestDecl,
  TimeRange,
  TypeExpr,
  Weekday,
  WeekHours,
  Within,
} from "./ast.ts";
import type * as C from "./cst.d.ts";
import { diagnostic, spanBetween, type Diagnostic } from "../diagnostics/index.ts";
import { scanString } from "./strings.ts";
import * as T from "./tokens.ts";
import { isPrimitiveTypeName } from "./vocabulary.ts";

/** The span of one token (Chevrotain's ends are inclusive; ours are exclusive). */
export function tokenSpan(token: IToken): Span {
  return {
    startOffset: token.startOffset,
    endOffset: token.endOffset! + 1,
    startLine: token.startLine!,
    startColumn: token.startColumn!,
    endLine: token.endLine!,
    endColumn: token.endColumn! + 1,
  };
}

const comparisonOps = new Map<unknown, "==" | "!=" | "<" | "<=" | ">" | ">=">([
  [T.EqEq, "=="],
  [T.NotEq, "!="],
  [T.Lt, "<"],
  [T.LtEq, "<="],
  [T.Gt, ">"],
  [T.GtEq, ">="],
]);

/** A condition with the extent it was written with (including any parentheses around it). */
interface Built {
  readonly cond: Condition;
  readonly extent: Span;
}

/** The first token of a child list, unless missing or invented by recovery. */
function real(tokens: readonly IToken[] | undefined): IToken | undefined {
  const t = tokens?.[0];
  return t && !t.isInsertedInRecovery ? t : undefined;
}

/** Any first token, including one inserted by recovery (zero-width, positioned after its predecessor). */
function any(tokens: readonly IToken[] | undefined): IToken | undefined {
  return tokens?.[0];
}

function showWord(word: string): string {
  return `\`${word.length > 40 ? `${word.slice(0, 39)}…` : word}\``;
}

function definedAll<X>(xs: readonly (X | null)[]): xs is X[] {
  return xs.every((x) => x !== null);
}

export class CstToAst {
  readonly diagnostics: Diagnostic[] = [];

  file(node: C.FileCstNode): Item[] {
    const c = node.children;
    const items: (Item | null)[] = [
      ...(c.contractDecl ?? []).map((n) => this.contractDecl(n)),
      ...(c.versionDecl ?? []).map((n) => this.versionDecl(n)),
      ...(c.policyDecl ?? []).map((n) => this.policyDecl(n)),
      ...(c.signalsBlock ?? []).map((n) => this.signalsBlock(n)),
      ...(c.fieldsBlock ?? []).map((n) => this.fieldsBlock(n)),
      ...(c.ownersBlock ?? []).map((n) => this.ownersBlock(n)),
      ...(c.calendarsBlock ?? []).map((n) => this.calendarsBlock(n)),
      ...(c.ruleDecl ?? []).map((n) => this.ruleDecl(n)),
      ...(c.otherwiseDecl ?? []).map((n) => this.otherwiseDecl(n)),
      ...(c.onInvalidDecl ?? []).map((n) => this.onInvalidDecl(n)),
      ...(c.testDecl ?? []).map((n) => this.testDecl(n)),
      ...(c.monotoneDecl ?? []).map((n) => this.monotoneDecl(n)),
    ];
    // The CST groups children by kind; file order is source order.
    return items.filter((i): i is Item => i !== null).sort((a, b) => a.span.startOffset - b.span.startOffset);
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private contractDecl(node: C.ContractDeclCstNode) {
    const kw = any(node.children.Contract);
    const name = this.string(real(node.children.StringLiteral));
    if (!kw || !name) return null;
    return { kind: "contract-decl", name, span: spanBetween(tokenSpan(kw), name.span) } as const;
  }

  private versionDecl(node: C.VersionDeclCstNode) {
    const kw = any(node.children.Version);
    const version = this.string(real(node.children.StringLiteral));
    if (!kw || !version) return null;
    return { kind: "version-decl", version, span: spanBetween(tokenSpan(kw), version.span) } as const;
  }

  private policyDecl(node: C.PolicyDeclCstNode) {
    const kw = any(node.children.Policy);
    const policy = real(node.children.policyName);
    if (!kw || !policy) return null;
    const name = T.wordOf(T.policyTokens, policy.tokenType);
    if (!name) return null;
    return { kind: "policy-decl", policy: name, span: spanBetween(tokenSpan(kw), tokenSpan(policy)) } as const;
  }

  private monotoneDecl(node: C.MonotoneDeclCstNode) {
    const kw = any(node.children.Monotone);
    const signal = this.name(real(node.children.signal));
    const direction = real(node.children.direction);
    if (!kw || !signal || !direction) return null;
    const dir = T.wordOf(T.directionTokens, direction.tokenType);
    if (!dir) return null;
    return { kind: "monotone-decl", signal, direction: dir, span: spanBetween(tokenSpan(kw), tokenSpan(direction)) } as const;
  }

  private signalsBlock(node: C.SignalsBlockCstNode): SignalsBlock | null {
    const c = node.children;
    const signals = (c.signalDecl ?? []).map((n) => this.signalDecl(n)).filter((s) => s !== null);
    const kw = any(c.Signals);
    const span = this.blockSpan(kw, any(c.LCurly), any(c.RCurly), signals);
    return span && kw ? { kind: "signals-block", signals, keywordSpan: tokenSpan(kw), span } : null;
  }

  private signalDecl(node: C.SignalDeclCstNode): SignalDecl | null {
    const c = node.children;
    const name = this.name(real(c.name));
    const type = c.typeExpr?.[0] ? this.typeExpr(c.typeExpr[0]) : null;
    const hasDefault = c.Equals !== undefined;
    const defaultValue = c.defaultValue?.[0] ? this.literal(c.defaultValue[0]) : null;
    if (!name || !type || (hasDefault && !defaultValue)) return null;
    const pii = this.piiMarker(c.piiMarker);
    const end = pii ?? (defaultValue ?? type).span;
    return { kind: "signal-decl", name, type, defaultValue, pii: pii !== null, span: spanBetween(name.span, end) };
  }

  private typeExpr(node: C.TypeExprCstNode): TypeExpr | null {
    const c = node.children;
    const words = (c.word ?? []).map((t) => this.name(real([t])));
    if (words.length === 0 || !definedAll(words)) return null;
    const range = c.rangeExpr?.[0] ? this.rangeExpr(c.rangeExpr[0]) : null;
    if (c.rangeExpr && !range) return null;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const name = first.text;
    if (words.length === 1 && isPrimitiveTypeName(name)) {
      return { kind: "primitive-type", name, range, span: range ? spanBetween(first.span, range.span) : first.span };
    }
    if (range && words.length > 1) {
      this.diagnostics.push(
        diagnostic("syntax", range.span, "an enum cannot have a range", "ranges apply to `number` and `int` signals"),
      );
    }
    const type: EnumType = { kind: "enum-type", members: words, span: spanBetween(first.span, last.span) };
    return type;
  }

  private rangeExpr(node: C.RangeExprCstNode): RangeExpr | null {
    const c = node.children;
    const kw = any(c.In);
    const dots = any(c.DotDot);
    const min = c.min ? this.number(real(c.min)) : null;
    const max = c.max ? this.number(real(c.max)) : null;
    if (!kw || !dots || (c.min && !min) || (c.max && !max)) return null;
    return { kind: "range", min, max, span: spanBetween(tokenSpan(kw), max ? max.span : tokenSpan(dots)) };
  }

  private fieldsBlock(node: C.FieldsBlockCstNode): FieldsBlock | null {
    const c = node.children;
    const fields = (c.fieldDecl ?? []).map((n) => this.fieldDecl(n)).filter((f) => f !== null);
    const kw = any(c.Fields);
    const span = this.blockSpan(kw, any(c.LCurly), any(c.RCurly), fields);
    return span && kw ? { kind: "fields-block", fields, keywordSpan: tokenSpan(kw), span } : null;
  }

  private fieldDecl(node: C.FieldDeclCstNode): FieldDecl | null {
    const name = this.name(real(node.children.name));
    const type = this.name(real(node.children.type));
    if (!name || !type) return null;
    const pii = this.piiMarker(node.children.piiMarker);
    return { kind: "field-decl", name, type, pii: pii !== null, span: spanBetween(name.span, pii ?? type.span) };
  }

  /** The span of a `pii` marker, or null when there is none. */
  private piiMarker(nodes: readonly C.PiiMarkerCstNode[] | undefined): Span | null {
    const token = real(nodes?.[0]?.children.Pii);
    return token ? tokenSpan(token) : null;
  }

  private ownersBlock(node: C.OwnersBlockCstNode): OwnersBlock | null {
    const c = node.children;
    const owners = (c.ownerDecl ?? []).map((n) => this.ownerDecl(n)).filter((o) => o !== null);
    const kw = any(c.Owners);
    const span = this.blockSpan(kw, any(c.LCurly), any(c.RCurly), owners);
    return span && kw ? { kind: "owners-block", owners, keywordSpan: tokenSpan(kw), span } : null;
  }

  private ownerDecl(node: C.OwnerDeclCstNode): OwnerDecl | null {
    const name = this.name(real(node.children.name));
    const displayName = this.string(real(node.children.displayName));
    const hours = node.children.Hours ? this.name(real(node.children.calendar)) : null;
    if (!name || !displayName || (node.children.Hours && !hours)) return null;
    if (hours) return { kind: "owner-decl", name, displayName, hours, span: spanBetween(name.span, hours.span) };
    return { kind: "owner-decl", name, displayName, span: spanBetween(name.span, displayName.span) };
  }

  private calendarsBlock(node: C.CalendarsBlockCstNode): CalendarsBlock | null {
    const c = node.children;
    const calendars = (c.calendarDecl ?? []).map((n) => this.calendarDecl(n)).filter((d) => d !== null);
    const kw = any(c.Calendars);
    const span = this.blockSpan(kw, any(c.LCurly), any(c.RCurly), calendars);
    return span && kw ? { kind: "calendars-block", calendars, keywordSpan: tokenSpan(kw), span } : null;
  }

  private calendarDecl(node: C.CalendarDeclCstNode): CalendarDecl | null {
    const c = node.children;
    const name = this.name(real(c.name));
    const zone = this.string(real(c.zone));
    if (!name || !zone) return null;
    // A `weekHours` without days continues the entry before it.
    const week: WeekHours[] = [];
    for (const n of c.weekHours ?? []) {
      const interval = this.timeRange(real(n.children.interval));
      if (!interval) return null;
      const daysToken = n.children.days ? real(n.children.days) : undefined;
      if (n.children.days && !daysToken) return null;
      if (daysToken) {
        const days = this.days(daysToken);
        week.push({ kind: "week-hours", days, intervals: [interval], span: spanBetween(days.span, interval.span) });
        continue;
      }
      const last = week.pop();
      if (!last) {
        this.diagnostics.push(
          diagnostic("syntax", interval.span, "these hours need their days first", "write the days before them, e.g. `mon-fri 09:00-17:30`"),
        );
        return null;
      }
      week.push({ ...last, intervals: [...last.intervals, interval], span: spanBetween(last.span, interval.span) });
    }
    const closed = (c.closedDate ?? []).map((t) => this.string(real([t])));
    if (c.Closed && (closed.length === 0 || !definedAll(closed) || !real(c.RBracket))) return null;
    const dated = (c.datedHours ?? []).map((n) => this.datedHours(n));
    if (!definedAll(dated)) return null;
    const end = dated[dated.length - 1]?.span ?? (c.Closed ? tokenSpan(real(c.RBracket)!) : (week[week.length - 1]?.span ?? zone.span));
    return { kind: "calendar-decl", name, zone, week, closed: c.Closed ? (closed as StringLiteral[]) : [], dated, span: spanBetween(name.span, end) };
  }

  private datedHours(node: C.DatedHoursCstNode): DatedHours | null {
    const c = node.children;
    const kw = real(c.Open);
    const date = this.string(real(c.date));
    const intervals = (c.interval ?? []).map((t) => this.timeRange(real([t])));
    if (!kw || !date || intervals.length === 0 || !definedAll(intervals)) return null;
    return { kind: "dated-hours", date, intervals, keywordSpan: tokenSpan(kw), span: spanBetween(tokenSpan(kw), intervals[intervals.length - 1]!.span) };
  }

  private days(token: IToken): Days {
    const [from, to = from] = token.image.split("-") as [Weekday, Weekday?];
    return { kind: "days", from, to, raw: token.image, span: tokenSpan(token) };
  }

  private timeRange(token: IToken | undefined): TimeRange | null {
    if (!token || token.tokenType !== T.TimeRange) return null;
    const m = /^([0-9]{1,2}):([0-9]{2})-([0-9]{1,2}):([0-9]{2})$/.exec(token.image);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    return { kind: "time-range", start, end, raw: token.image, span: tokenSpan(token) };
  }

  /** A block runs from its keyword to its `}`, or, when recovery lost the `}`, to what it holds. */
  private blockSpan(
    kw: IToken | undefined,
    open: IToken | undefined,
    close: IToken | undefined,
    members: readonly { span: Span }[],
  ): Span | null {
    if (!kw) return null;
    if (close) return spanBetween(tokenSpan(kw), tokenSpan(close));
    const last = members[members.length - 1];
    if (last) return spanBetween(tokenSpan(kw), last.span);
    return spanBetween(tokenSpan(kw), tokenSpan(open ?? kw));
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  private ruleDecl(node: C.RuleDeclCstNode) {
    const c = node.children;
    const ruleKw = real(c.Rule);
    const name = c.Rule ? this.name(real(c.ruleName)) : null;
    const when = any(c.When);
    const condition = c.condition?.[0] ? this.condition(c.condition[0]) : null;
    const action = c.action?.[0] ? this.action(c.action[0]) : null;
    const clauses = this.clauses(c.clause);
    if ((c.Rule && !name) || !when || !condition || !action || !clauses) return null;
    const start = ruleKw ? tokenSpan(ruleKw) : tokenSpan(when);
    return {
      kind: "rule",
      name,
      whenSpan: tokenSpan(when),
      condition: condition.cond,
      action,
      clauses,
      span: spanBetween(start, clauses[clauses.length - 1]?.span ?? action.span),
    } as const;
  }

  private otherwiseDecl(node: C.OtherwiseDeclCstNode) {
    const kw = any(node.children.Otherwise);
    const action = node.children.action?.[0] ? this.action(node.children.action[0]) : null;
    const clauses = this.clauses(node.children.clause);
    if (!kw || !action || !clauses) return null;
    const span = spanBetween(tokenSpan(kw), clauses[clauses.length - 1]?.span ?? action.span);
    return { kind: "otherwise", action, clauses, keywordSpan: tokenSpan(kw), span } as const;
  }

  private onInvalidDecl(node: C.OnInvalidDeclCstNode) {
    const kw = any(node.children.On);
    const action = node.children.action?.[0] ? this.action(node.children.action[0]) : null;
    const clauses = this.clauses(node.children.clause);
    if (!kw || !node.children.Invalid || !action || !clauses) return null;
    const span = spanBetween(tokenSpan(kw), clauses[clauses.length - 1]?.span ?? action.span);
    // `on invalid` is one keyword when written on one line.
    const invalid = real(node.children.Invalid);
    const keywordSpan = invalid && invalid.startLine === kw.endLine ? spanBetween(tokenSpan(kw), tokenSpan(invalid)) : tokenSpan(kw);
    return { kind: "on-invalid", action, clauses, keywordSpan, span } as const;
  }

  private action(node: C.ActionCstNode): Action | null {
    const c = node.children;
    const verb = real(c.verb);
    const target = c.To ? (c.target?.[0] ? this.target(c.target[0]) : null) : null;
    const within = c.Within ? this.within(c) : null;
    if (!verb || (c.To && !target) || (c.Within && !within)) return null;
    const action = T.wordOf(T.actionTokens, verb.tokenType);
    if (!action) return null;
    const span = spanBetween(tokenSpan(verb), (within ?? target ?? { span: tokenSpan(verb) }).span);
    return { kind: "action", action, target, within, span };
  }

  /** `2h`, or `4 business hours`; null (reported here when the unit is wrong) when incomplete. */
  private within(c: C.ActionCstChildren): Within | null {
    if (c.within) return this.duration(real(c.within));
    const amount = this.number(real(c.businessAmount));
    const unitToken = real(c.businessUnit);
    if (!amount || !real(c.Business) || !unitToken) return null;
    const unit = unitToken.image;
    const span = spanBetween(amount.span, tokenSpan(unitToken));
    if (unit !== "hour" && unit !== "hours" && unit !== "minute" && unit !== "minutes") {
      this.diagnostics.push(
        diagnostic(
          "syntax",
          tokenSpan(unitToken),
          `business time is counted in \`hours\` or \`minutes\`, not ${showWord(unit)}`,
          `write e.g. \`within ${amount.raw} business hours\` or \`within 30 business minutes\``,
        ),
      );
      return null;
    }
    const seconds = amount.value * (unit.startsWith("hour") ? 3600 : 60);
    const business: BusinessDuration = { kind: "business-duration", amount, unit, seconds, span };
    return business;
  }

  private target(node: C.TargetCstNode): Target | null {
    const name = real(node.children.name);
    if (name) return { kind: "target", key: name.image, quoted: false, span: tokenSpan(name) };
    const quoted = this.string(real(node.children.quoted));
    if (quoted) return { kind: "target", key: quoted.value, quoted: true, span: quoted.span };
    return null;
  }

  /** Null when any clause is incomplete. */
  private clauses(nodes: readonly C.ClauseCstNode[] | undefined): Clause[] | null {
    const clauses = (nodes ?? []).map((n) => this.clause(n));
    return definedAll(clauses) ? clauses : null;
  }

  private clause(node: C.ClauseCstNode): Clause | null {
    const c = node.children;
    const kw = real(c.keyword);
    if (!kw) return null;
    const start = tokenSpan(kw);
    switch (kw.tokenType) {
      case T.Collect:
      case T.Confirm: {
        const list = c.nameList?.[0] ? this.nameList(c.nameList[0]) : null;
        if (!list) return null;
        const kind = kw.tokenType === T.Collect ? "collect-clause" : "confirm-clause";
        return { kind, fields: list.names, keywordSpan: start, span: spanBetween(start, list.span) };
      }
      case T.Reason:
      case T.Say: {
        const text = this.string(real(c.text), true);
        if (!text) return null;
        const kind = kw.tokenType === T.Reason ? "reason-clause" : "say-clause";
        return { kind, text, keywordSpan: start, span: spanBetween(start, text.span) };
      }
      case T.Urgency: {
        const level = this.name(real(c.level));
        if (!level) return null;
        return { kind: "urgency-clause", level, keywordSpan: start, span: spanBetween(start, level.span) };
      }
      default:
        return null;
    }
  }

  private nameList(node: C.NameListCstNode): { names: Name[]; span: Span } | null {
    const c = node.children;
    const open = real(c.LBracket);
    const close = real(c.RBracket);
    const names = (c.name ?? []).map((t) => this.name(real([t])));
    if (!open || !close || names.length === 0 || !definedAll(names)) return null;
    return { names, span: spanBetween(tokenSpan(open), tokenSpan(close)) };
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  private condition(node: C.ConditionCstNode): Built | null {
    const operands = (node.children.operand ?? []).map((n) => this.andExpr(n));
    return this.nary("or", operands);
  }

  private andExpr(node: C.AndExprCstNode): Built | null {
    const operands = (node.children.operand ?? []).map((n) => this.unary(n));
    return this.nary("and", operands);
  }

  private nary(kind: "and" | "or", operands: (Built | null)[]): Built | null {
    if (operands.length === 0 || !definedAll(operands)) return null;
    if (operands.length === 1) return operands[0]!;
    const extent = spanBetween(operands[0]!.extent, operands[operands.length - 1]!.extent);
    return { cond: { kind, operands: operands.map((o) => o.cond), span: extent }, extent };
  }

  private unary(node: C.UnaryCstNode): Built | null {
    const c = node.children;
    const not = real(c.Not);
    if (not) {
      const operand = c.operand?.[0] ? this.unary(c.operand[0]) : null;
      if (!operand) return null;
      const extent = spanBetween(tokenSpan(not), operand.extent);
      return { cond: { kind: "not", operand: operand.cond, span: extent }, extent };
    }
    const open = real(c.LParen);
    if (open) {
      const inner = c.condition?.[0] ? this.condition(c.condition[0]) : null;
      const close = real(c.RParen);
      if (!inner || !close) return null;
      // Parentheses leave no node: the inner condition keeps its own span.
      return { cond: inner.cond, extent: spanBetween(tokenSpan(open), tokenSpan(close)) };
    }
    const cond = c.staffing?.[0] ? this.staffing(c.staffing[0]) : c.comparison?.[0] ? this.comparison(c.comparison[0]) : null;
    return cond && { cond, extent: cond.span };
  }

  private staffing(node: C.StaffingCstNode): Condition | null {
    const c = node.children;
    const subject = real(c.subject);
    const name = this.name(real(c.name));
    const state = real(c.state);
    if (!subject || !name || !real(c.Is) || !state) return null;
    const span = spanBetween(tokenSpan(subject), tokenSpan(state));
    return { kind: "staffing", subject: subject.image === "owner" ? "owner" : "calendar", name, open: state.tokenType === T.Open, subjectSpan: tokenSpan(subject), span };
  }

  private comparison(node: C.ComparisonCstNode): Condition | null {
    const c = node.children;
    const signal = this.name(real(c.signal));
    if (!signal) return null;
    const op = real(c.op);
    if (op || c.Is) {
      const value = c.value?.[0] ? this.literal(c.value[0]) : null;
      if (!value || (!op && !real(c.Is))) return null;
      const span = spanBetween(signal.span, value.span);
      if (op) {
        return { kind: "comparison", signal, op: comparisonOps.get(op.tokenType)!, wordy: false, value, opSpan: tokenSpan(op), span };
      }
      const is = tokenSpan(real(c.Is)!);
      const isNot = real(c.isNot);
      const opSpan = isNot ? spanBetween(is, tokenSpan(isNot)) : is;
      return { kind: "comparison", signal, op: c.isNot ? "!=" : "==", wordy: true, value, opSpan, span };
    }
    if (c.In) {
      const list = c.valueList?.[0] ? this.valueList(c.valueList[0]) : null;
      if (!list) return null;
      const negated = c.notIn !== undefined;
      const span = spanBetween(signal.span, list.span);
      const inKw = real(c.In);
      const notKw = real(c.notIn);
      const opSpan = !inKw ? span : notKw ? spanBetween(tokenSpan(notKw), tokenSpan(inKw)) : tokenSpan(inKw);
      return { kind: "membership", signal, negated, values: list.values, opSpan, span };
    }
    if (c.notIn) return null;
    return { kind: "flag", signal, span: signal.span };
  }

  private valueList(node: C.ValueListCstNode): { values: Literal[]; span: Span } | null {
    const c = node.children;
    const open = real(c.LBracket);
    const close = real(c.RBracket);
    const values = (c.value ?? []).map((n) => this.literal(n));
    if (!open || !close || values.length === 0 || !definedAll(values)) return null;
    return { values, span: spanBetween(tokenSpan(open), tokenSpan(close)) };
  }

  // -------------------------------------------------------------------------------------------
  // Tests

  private testDecl(node: C.TestDeclCstNode): TestDecl | null {
    const c = node.children;
    const kw = any(c.Test);
    const name = this.string(real(c.name));
    const given = (c.givenEntry ?? []).map((n) => this.givenEntry(n));
    const expect = c.expectation?.[0] ? this.expectation(c.expectation[0]) : null;
    if (!kw || !name || !definedAll(given) || (c.Given && given.length === 0) || !expect) return null;
    return { kind: "test", name, given, expect, span: spanBetween(tokenSpan(kw), expect.span) };
  }

  private givenEntry(node: C.GivenEntryCstNode): GivenEntry | null {
    const signal = this.name(real(node.children.signal));
    const value = node.children.value?.[0] ? this.literal(node.children.value[0]) : null;
    if (!signal || !value) return null;
    return { kind: "given", signal, value, span: spanBetween(signal.span, value.span) };
  }

  private expectation(node: C.ExpectationCstNode): Expectation | null {
    const c = node.children;
    const ruleKw = real(c.Rule);
    if (ruleKw) {
      const written = real(c.ruleName);
      if (written?.tokenType === T.InvalidInput) {
        // A test covers valid inputs only, which `on invalid` never decides: the test could never hold.
        this.diagnostics.push(
          diagnostic(
            "syntax",
            tokenSpan(written),
            "a test can't expect `invalid-input`: it covers valid inputs only, and `on invalid` decides only invalid ones",
            "to see what invalid input gets, use `handoff run` with an input that fails validation",
          ),
        );
        return null;
      }
      const rule = this.name(written);
      return rule && { kind: "expect-rule", rule, span: spanBetween(tokenSpan(ruleKw), rule.span) };
    }
    const action = c.action?.[0] ? this.action(c.action[0]) : null;
    if (!action) return null;
    const { action: name, target, within, span } = action;
    const lead = real(c.not) ?? real(c.at);
    if (!lead) return { kind: "expect-action", action: name, target, within, span };
    const mode = c.not ? "not" : "at-least";
    const written = c.not ? "expect not" : "expect at least";
    // `not`/`at least` compare the action only: an owner or deadline would make the claim ambiguous
    // (not this action at all, or not with this owner?), so they are refused here, by grammar.
    if (target || within) {
      const from = real(c.action![0]!.children.To) ?? real(c.action![0]!.children.Within);
      const extra = spanBetween(from ? tokenSpan(from) : (target ?? within)!.span, span);
      this.diagnostics.push(
        diagnostic(
          "syntax",
          extra,
          `\`${written}\` compares the action only, so it takes no ${target && within ? "target or `within`" : target ? "target" : "`within`"}`,
          name === "answer"
            ? `write \`${written} ${name}\``
            : `write \`${written} ${name}\`; to check an owner or deadline, use \`expect ${name} to …\``,
        ),
      );
    }
    return { kind: "expect-action", mode, action: name, target: null, within: null, span: spanBetween(tokenSpan(lead), span) };
  }

  // -------------------------------------------------------------------------------------------
  // Leaves

  private literal(node: C.LiteralCstNode): Literal | null {
    const c = node.children;
    const str = real(c.StringLiteral);
    if (str) return this.string(str);
    const num = real(c.NumberLiteral);
    if (num) return this.number(num);
    const dur = real(c.Duration);
    if (dur) return this.duration(dur);
    const bool = real(c.True) ?? real(c.False);
    if (bool) return { kind: "bool", value: bool.tokenType === T.True, span: tokenSpan(bool) };
    const word = real(c.Name);
    if (word) return { kind: "symbol", name: word.image, span: tokenSpan(word) };
    return null;
  }

  private name(token: IToken | undefined): Name | null {
    return token ? { kind: "name", text: token.image, span: tokenSpan(token) } : null;
  }

  /**
   * A string's value and parts. In a template (`reason`, `say`), a `{` that does not start
   * `{identifier}` is reported; elsewhere it is ordinary text.
   */
  private string(token: IToken | undefined, template = false): StringLiteral | null {
    if (!token) return null;
    const scan = scanString(token);
    if (template) {
      for (const span of scan.badBraces) {
        this.diagnostics.push(
          diagnostic(
            "bad-interpolation",
            span,
            "this `{` does not start an interpolation such as `{signal}`",
            "write `\\{` for a literal brace",
          ),
        );
      }
    }
    return { kind: "string", value: scan.value, parts: scan.parts, span: tokenSpan(token) };
  }

  private number(token: IToken | undefined): NumberLiteral | null {
    if (!token || token.tokenType !== T.NumberLiteral) return null;
    return { kind: "number", value: Number(token.image), raw: token.image, span: tokenSpan(token) };
  }

  /** Null for a malformed number-like word (`2hours`), which `parse` has already reported. */
  private duration(token: IToken | undefined): DurationLiteral | null {
    const value = token ? T.durationValue(token.image) : null;
    if (!token || !value) return null;
    return { kind: "duration", seconds: value.seconds, raw: token.image, span: tokenSpan(token) };
  }
}
