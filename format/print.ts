/**
 * The canonical layout of a contract, as a document (`doc.ts`) built from the syntax tree.
 *
 * - Top-level items one after another, each starting on its own line; blocks (`signals`, `fields`,
 *   `owners`, `calendars`) one member per line, indented two spaces; `signals {}` when empty.
 * - A calendar: name, zone and weekly hours on one line (filled, continuing under the first hours when
 *   long), then its `closed` list and each `open` date on lines of their own, indented two.
 * - A named rule: `rule NAME`, then `when`, `then` and each clause on its own line, indented two.
 *   An unnamed rule without clauses stays on one line when it fits (`when … then …`); otherwise
 *   `then` and the clauses go on their own lines, indented two.
 * - `otherwise` and `on invalid` keep their action on the first line, clauses below, indented two.
 * - A test: `test "name"`, then `given` and `expect` lines, indented two; `given` entries fill the
 *   line and continue aligned under the first entry.
 * - A condition longer than the line breaks before `or`, then before `and`, continuation lines
 *   indented two more than `then`. An `and` or `or` inside another `and`, `or` or `not` is always in
 *   parentheses (`a or (b and c)`: nobody has to remember that `and` binds tighter), and nothing else
 *   is: parentheses leave no trace in the tree, so this reads back to the same tree.
 * - Everything else is printed as written: strings with their escapes, numbers and durations as
 *   spelled, `is`/`==`, quoted or bare targets.
 */
import type {
  Action,
  CalendarDecl,
  Clause,
  Condition,
  ContractFile,
  Expectation,
  FieldDecl,
  Item,
  Literal,
  Name,
  OwnerDecl,
  RuleDecl,
  SignalDecl,
  StringLiteral,
  Target,
  TestDecl,
  TypeExpr,
  Within,
} from "../grammar/ast.ts";
import { align, edge, fill, group, hardline, indent, join, line, softline, tok, type Doc } from "./doc.ts";

export function printFile(file: ContractFile, source: string): Doc {
  const p = new Printer(source);
  return [edge("start"), join(file.items.map((item) => p.item(item)), () => hardline("item")), edge("end")];
}

class Printer {
  constructor(private readonly source: string) {}

  item(item: Item): Doc {
    switch (item.kind) {
      case "contract-decl":
        return [tok("contract"), " ", this.string(item.name)];
      case "version-decl":
        return [tok("version"), " ", this.string(item.version)];
      case "policy-decl":
        return [tok("policy"), " ", tok(item.policy)];
      case "monotone-decl":
        return [tok("monotone"), " ", this.name(item.signal), " ", tok(item.direction)];
      case "signals-block":
        return this.block("signals", item.signals.map((s) => this.signal(s)));
      case "fields-block":
        return this.block("fields", item.fields.map((f) => this.field(f)));
      case "owners-block":
        return this.block("owners", item.owners.map((o) => this.owner(o)));
      case "calendars-block":
        return this.block("calendars", item.calendars.map((c) => this.calendar(c)));
      case "rule":
        return this.rule(item);
      case "otherwise":
        return [tok("otherwise"), " ", this.action(item.action), this.clauses(item.clauses)];
      case "on-invalid":
        return [tok("on"), " ", tok("invalid"), " ", this.action(item.action), this.clauses(item.clauses)];
      case "test":
        return this.test(item);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private block(keyword: string, members: readonly Doc[]): Doc {
    if (members.length === 0) return group(tok(keyword), " ", tok("{"), softline("close", 2), tok("}"));
    return [
      tok(keyword),
      " ",
      tok("{"),
      indent(hardline("open"), join(members, () => hardline("item"))),
      hardline("close", 2),
      tok("}"),
    ];
  }

  private signal(s: SignalDecl): Doc {
    return [
      this.name(s.name),
      tok(":"),
      " ",
      this.type(s.type),
      s.defaultValue ? [" ", tok("="), " ", this.literal(s.defaultValue)] : "",
      s.pii ? [" ", tok("pii")] : "",
    ];
  }

  private type(t: TypeExpr): Doc {
    if (t.kind === "enum-type") {
      const [first, ...rest] = t.members.map((m) => this.name(m));
      return group(first!, indent(rest.map((m) => [line(), tok("|"), " ", m])));
    }
    if (!t.range) return tok(t.name);
    const { min, max } = t.range;
    return [tok(t.name), " ", tok("in"), " ", min ? tok(min.raw) : "", tok(".."), max ? tok(max.raw) : ""];
  }

  private field(f: FieldDecl): Doc {
    return [this.name(f.name), tok(":"), " ", this.name(f.type), f.pii ? [" ", tok("pii")] : ""];
  }

  private owner(o: OwnerDecl): Doc {
    return [this.name(o.name), tok(":"), " ", this.string(o.displayName), o.hours ? [" ", tok("hours"), " ", this.name(o.hours)] : ""];
  }

  private calendar(c: CalendarDecl): Doc {
    // Every interval after the first of an entry is `, HH:MM-HH:MM`; every entry after the first `, DAYS HH:MM-HH:MM`.
    const pieces: Doc[] = [];
    c.week.forEach((entry, e) =>
      entry.intervals.forEach((interval, i) => {
        const last = e === c.week.length - 1 && i === entry.intervals.length - 1;
        pieces.push([i === 0 ? [tok(entry.days.raw), " "] : "", tok(interval.raw), last ? "" : tok(",")]);
      }),
    );
    const head = [this.name(c.name), tok(":"), " ", this.string(c.zone)];
    const width = c.name.text.length + 2 + this.written(c.zone).length + 1;
    const week = pieces.length > 0 ? [" ", align(width, fill(join(pieces, () => line())))] : "";
    const closed = c.closed.length > 0 ? [hardline(), tok("closed"), " ", this.list(c.closed.map((d) => this.string(d)))] : "";
    const dated = c.dated.map((d) => [
      hardline(),
      tok("open"),
      " ",
      this.string(d.date),
      " ",
      join(d.intervals.map((i) => tok(i.raw)), () => [tok(","), " "]),
    ]);
    return [head, week, indent(closed, dated)];
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  private rule(r: RuleDecl): Doc {
    if (r.name) {
      return [
        tok("rule"),
        " ",
        this.name(r.name),
        indent(hardline(), tok("when"), " ", this.condition(r.condition), hardline(), this.then(r.action), this.clauseLines(r.clauses)),
      ];
    }
    // Continuation lines of the condition sit two columns right of `then`.
    return group(tok("when"), " ", indent(this.condition(r.condition)), indent(line(), this.then(r.action), this.clauseLines(r.clauses)));
  }

  private then(action: Action): Doc {
    return [tok("then"), " ", this.action(action)];
  }

  private clauses(clauses: readonly Clause[]): Doc {
    return indent(this.clauseLines(clauses));
  }

  private clauseLines(clauses: readonly Clause[]): Doc {
    return clauses.map((c) => [hardline(), this.clause(c)]);
  }

  private clause(c: Clause): Doc {
    switch (c.kind) {
      case "collect-clause":
        return [tok("collect"), " ", this.list(c.fields.map((f) => this.name(f)))];
      case "confirm-clause":
        return [tok("confirm"), " ", this.list(c.fields.map((f) => this.name(f)))];
      case "reason-clause":
        return [tok("reason"), " ", this.string(c.text)];
      case "say-clause":
        return [tok("say"), " ", this.string(c.text)];
      case "urgency-clause":
        return [tok("urgency"), " ", this.name(c.level)];
    }
  }

  private action(a: Action): Doc {
    return [
      tok(a.action),
      a.target ? [" ", tok("to"), " ", this.target(a.target)] : "",
      a.within ? [" ", tok("within"), " ", this.within(a.within)] : "",
    ];
  }

  private within(w: Within): Doc {
    return w.kind === "duration" ? tok(w.raw) : [tok(w.amount.raw), " ", tok("business"), " ", tok(w.unit)];
  }

  private target(t: Target): Doc {
    return tok(t.quoted ? this.written(t) : t.key);
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  private condition(c: Condition): Doc {
    switch (c.kind) {
      case "comparison": {
        const op = !c.wordy ? tok(c.op) : c.op === "==" ? tok("is") : [tok("is"), " ", tok("not")];
        return [this.name(c.signal), " ", op, " ", this.literal(c.value)];
      }
      case "membership":
        return [this.name(c.signal), " ", c.negated ? [tok("not"), " "] : "", tok("in"), " ", this.list(c.values.map((v) => this.literal(v)))];
      case "flag":
        return this.name(c.signal);
      case "staffing":
        return [tok(c.subject), " ", this.name(c.name), " ", tok("is"), " ", tok(c.open ? "open" : "closed")];
      case "not":
        return [tok("not"), " ", this.operand(c.operand, c.operand.kind === "and" || c.operand.kind === "or")];
      case "and":
      case "or": {
        const [first, ...rest] = c.operands.map((o) => this.operand(o, o.kind === "and" || o.kind === "or"));
        return group(first!, indent(rest.map((o) => [line(), tok(c.kind), " ", o])));
      }
    }
  }

  private operand(c: Condition, parenthesised: boolean): Doc {
    return parenthesised ? [tok("("), this.condition(c), tok(")")] : this.condition(c);
  }

  private list(items: readonly Doc[]): Doc {
    return group(tok("["), indent(softline(), join(items, () => [tok(","), line()])), softline(), tok("]"));
  }

  // -------------------------------------------------------------------------------------------
  // Tests

  private test(t: TestDecl): Doc {
    const given = t.given.map((g, i) => [this.name(g.signal), " ", tok("="), " ", this.literal(g.value), i < t.given.length - 1 ? tok(",") : ""]);
    return [
      tok("test"),
      " ",
      this.string(t.name),
      indent(
        given.length > 0 ? [hardline(), tok("given"), " ", align("given ".length, fill(join(given, () => line())))] : "",
        hardline(),
        this.expectation(t.expect),
      ),
    ];
  }

  private expectation(e: Expectation): Doc {
    if (e.kind === "expect-rule") return [tok("expect"), " ", tok("rule"), " ", this.name(e.rule)];
    const mode = e.mode === "not" ? [tok("not"), " "] : e.mode === "at-least" ? [tok("at"), " ", tok("least"), " "] : "";
    return [tok("expect"), " ", mode, this.action({ kind: "action", action: e.action, target: e.target, within: e.within, span: e.span })];
  }

  // -------------------------------------------------------------------------------------------
  // Leaves

  private name(n: Name): Doc {
    return tok(n.text);
  }

  private literal(l: Literal): Doc {
    switch (l.kind) {
      case "string":
        return this.string(l);
      case "number":
      case "duration":
        return tok(l.raw);
      case "bool":
        return tok(String(l.value));
      case "symbol":
        return tok(l.name);
    }
  }

  /** Strings are printed exactly as written, escapes included, so they read back to the same value. */
  private string(s: StringLiteral): Doc {
    return tok(this.written(s));
  }

  private written(node: { readonly span: { readonly startOffset: number; readonly endOffset: number } }): string {
    return this.source.slice(node.span.startOffset, node.span.endOffset);
  }
}
