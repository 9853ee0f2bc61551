/**
 * The grammar of the handoff language as a Chevrotain CST parser: the rules, nothing else. Error
 * recovery is in `recovery.ts`, the wording of syntax errors in `messages.ts`.
 *
 * Built once at module load (`parser`) and reused: callers set `parser.input` and call `parser.file()`.
 * Newlines and indentation carry no meaning; top-level items may come in any order and repeat (the
 * checker reports duplicates). Lists are comma-separated with at least one element and no trailing comma.
 *
 * Recovery: besides Chevrotain's single-token insertion and deletion, the top-level alternatives sit
 * directly inside `file`'s repetition, followed by an explicit end of file, so after a syntax error
 * the parser re-synchronises at the next top-level keyword (`rule`, `when`, `otherwise`, `on`, `test`,
 * `signals`, `fields`, `owners`, `contract`, `version`, `policy`, `monotone`) or at the end of the
 * file, and keeps the partial item for the CST→AST visitor to salvage or drop.
 *
 * Alternatives are written `alts(() => …, …)` rather than `[{ ALT: () => … }]`: a function in a
 * property gets a name-preserving wrapper from the TypeScript loader on every call, which showed up
 * as a third of the parse time.
 *
 * INVARIANT: conditions recurse (`unary` → `condition`), so `parse` must run the depth pre-scan
 * (`depth.ts`) before `file()`; `and`/`or` chains are repetitions and add no depth. The parser also
 * enforces the limit itself (`ConditionTooDeep`), so no input can make it overflow the stack.
 */
import { EOF, tokenMatcher, type CstNode, type IOrAlt, type IToken, type TokenType } from "chevrotain";
import { maxConditionDepth } from "./depth.ts";
import { expecting, messageProvider } from "./messages.ts";
import { RecoveringParser } from "./recovery.ts";
import * as T from "./tokens.ts";
import { actionNames, monotoneDirections, policyNames } from "./vocabulary.ts";

/** Thrown out of `parser.file()` when a condition nests deeper than `maxConditionDepth`. */
export class ConditionTooDeep extends Error {
  constructor(readonly token: IToken) {
    super("condition nested too deeply");
  }
}

function alts(...alternatives: (() => unknown)[]): IOrAlt<unknown>[] {
  return alternatives.map((ALT) => ({ ALT }));
}

export class HandoffParser extends RecoveringParser {
  /**
   * `validate`: run Chevrotain's grammar validations (ambiguities, left recursion…) while building the
   * parser. They hold for this grammar (test/grammar/parser-validation.test.ts builds it with them) and
   * took a third of `handoff check`'s start-up, so the parser everyone uses skips them.
   */
  constructor(options: { readonly validate: boolean } = { validate: false }) {
    super(T.allTokens, { maxLookahead: 2, skipValidations: !options.validate, errorMessageProvider: messageProvider(() => parser.input) });
    this.performSelfAnalysis();
  }

  // -------------------------------------------------------------------------------------------
  // The file and its top-level items

  public file = this.RULE("file", () => {
    this.MANY(() =>
      this.OR({
        ERR_MSG: expecting.item,
        DEF: alts(
          () => this.SUBRULE(this.contractDecl),
          () => this.SUBRULE(this.versionDecl),
          () => this.SUBRULE(this.policyDecl),
          () => this.SUBRULE(this.signalsBlock),
          () => this.SUBRULE(this.fieldsBlock),
          () => this.SUBRULE(this.ownersBlock),
          () => this.SUBRULE(this.calendarsBlock),
          () => this.SUBRULE(this.ruleDecl),
          () => this.SUBRULE(this.otherwiseDecl),
          () => this.SUBRULE(this.onInvalidDecl),
          () => this.SUBRULE(this.testDecl),
          () => this.SUBRULE(this.monotoneDecl),
        ),
      }),
    );
    // Explicit, so that end of file is a re-synchronisation point for every item.
    this.CONSUME(EOF);
  });

  public contractDecl = this.RULE("contractDecl", () => {
    this.CONSUME(T.Contract);
    this.CONSUME(T.StringLiteral);
  });

  public versionDecl = this.RULE("versionDecl", () => {
    this.CONSUME(T.Version);
    this.CONSUME(T.StringLiteral);
  });

  public policyDecl = this.RULE("policyDecl", () => {
    this.CONSUME(T.Policy);
    this.OR({
      ERR_MSG: expecting.policy,
      DEF: alts(...policyNames.map((p) => () => this.CONSUME(T.policyTokens[p], { LABEL: "policyName" }))),
    });
  });

  /** `monotone SIGNAL increasing|decreasing`: a contract-level property, proven by `check` and `test`. */
  public monotoneDecl = this.RULE("monotoneDecl", () => {
    this.CONSUME(T.Monotone);
    this.CONSUME(T.Name, { LABEL: "signal" });
    this.OR({
      ERR_MSG: expecting.direction,
      DEF: alts(...monotoneDirections.map((d) => () => this.CONSUME(T.directionTokens[d], { LABEL: "direction" }))),
    });
  });

  // signals { name: TYPE [in LO..HI] [= literal] [pii] ... }
  public signalsBlock = this.RULE("signalsBlock", () => {
    this.CONSUME(T.Signals);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.signalDecl));
    this.CONSUME(T.RCurly);
  });

  public signalDecl = this.RULE("signalDecl", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.literal, { LABEL: "defaultValue" });
    });
    this.SUBRULE(this.piiMarker);
  });

  /** An optional `pii`; `pii` followed by `:` starts the next declaration instead. */
  public piiMarker = this.RULE("piiMarker", () => {
    this.OPTION({ GATE: () => this.LA(2).tokenType !== T.Colon, DEF: () => this.CONSUME(T.Pii) });
  });

  /** One word (a primitive type, or a one-member enum the checker reports) or `a | b | c`. */
  public typeExpr = this.RULE("typeExpr", () => {
    this.AT_LEAST_ONE_SEP(separated(T.Pipe, expecting.type, () => this.CONSUME(T.Name, { LABEL: "word" })));
    this.OPTION(() => this.SUBRULE(this.rangeExpr));
  });

  /** `in LO..HI`, either bound optional; parsed on any type, for the checker to judge. */
  public rangeExpr = this.RULE("rangeExpr", () => {
    this.CONSUME(T.In);
    this.OPTION(() => this.CONSUME(T.NumberLiteral, { LABEL: "min" }));
    this.CONSUME(T.DotDot);
    this.OPTION2(() => this.CONSUME2(T.NumberLiteral, { LABEL: "max" }));
  });

  public fieldsBlock = this.RULE("fieldsBlock", () => {
    this.CONSUME(T.Fields);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.fieldDecl));
    this.CONSUME(T.RCurly);
  });

  public fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Name, { LABEL: "type" });
    this.SUBRULE(this.piiMarker);
  });

  public ownersBlock = this.RULE("ownersBlock", () => {
    this.CONSUME(T.Owners);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.ownerDecl));
    this.CONSUME(T.RCurly);
  });

  public ownerDecl = this.RULE("ownerDecl", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.StringLiteral, { LABEL: "displayName" });
    // `hours` followed by `:` starts the next owner (one named `hours`) instead.
    this.OPTION({
      GATE: () => this.LA(2).tokenType !== T.Colon,
      DEF: () => {
        this.CONSUME(T.Hours);
        this.CONSUME2(T.Name, { LABEL: "calendar" });
      },
    });
  });

  // calendars { NAME: "Zone" DAYS HH:MM-HH:MM[, [DAYS] HH:MM-HH:MM]* [closed ["YYYY-MM-DD", …]] [open "YYYY-MM-DD" HH:MM-HH:MM[, …]]* … }
  public calendarsBlock = this.RULE("calendarsBlock", () => {
    this.CONSUME(T.Calendars);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.calendarDecl));
    this.CONSUME(T.RCurly);
  });

  /**
   * One calendar: its time zone, its weekly hours, then optionally its closed dates and dated hours.
   * `closed` or `open` followed by `:` starts the next calendar (one named so) instead.
   */
  public calendarDecl = this.RULE("calendarDecl", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.StringLiteral, { LABEL: "zone" });
    // Optional so that a calendar without weekly hours gets `never-open`, not a syntax error; a weekday
    // followed by `:` starts the next calendar (one named `sat`) instead.
    this.OPTION2({
      GATE: () => this.LA(2).tokenType !== T.Colon,
      DEF: () => {
        this.SUBRULE(this.weekHours);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.weekHours);
        });
      },
    });
    this.OPTION3({
      GATE: () => this.LA(2).tokenType !== T.Colon,
      DEF: () => {
        this.CONSUME(T.Closed);
        this.CONSUME(T.LBracket);
        this.AT_LEAST_ONE_SEP(separated(T.Comma, "a date such as `\"2026-12-24\"`", () => this.CONSUME2(T.StringLiteral, { LABEL: "closedDate" })));
        this.CONSUME(T.RBracket);
      },
    });
    this.MANY2({
      GATE: () => this.LA(2).tokenType !== T.Colon,
      DEF: () => this.SUBRULE(this.datedHours),
    });
  });

  /** `mon-fri 09:00-17:30` or `sat 10:00-14:00`, or a further interval of the days before (`13:00-17:30`). */
  public weekHours = this.RULE("weekHours", () => {
    this.OPTION(() =>
      this.OR({
        ERR_MSG: expecting.days,
        DEF: alts(
          () => this.CONSUME(T.DayRange, { LABEL: "days" }),
          () => this.CONSUME(T.Weekday, { LABEL: "days" }),
        ),
      }),
    );
    this.CONSUME(T.TimeRange, { LABEL: "interval" });
  });

  /** `open "2026-12-31" 09:00-12:00[, 13:00-15:00]`: a date's own hours in place of its weekday's. */
  public datedHours = this.RULE("datedHours", () => {
    this.CONSUME(T.Open);
    this.CONSUME(T.StringLiteral, { LABEL: "date" });
    this.AT_LEAST_ONE_SEP(separated(T.Comma, "hours such as `09:00-12:00`", () => this.CONSUME(T.TimeRange, { LABEL: "interval" })));
  });

  // -------------------------------------------------------------------------------------------
  // Rules, otherwise, on invalid

  public ruleDecl = this.RULE("ruleDecl", () => {
    this.OPTION(() => {
      this.CONSUME(T.Rule);
      this.CONSUME(T.Name, { LABEL: "ruleName" });
    });
    this.CONSUME(T.When);
    this.SUBRULE(this.condition);
    this.CONSUME(T.Then);
    this.SUBRULE(this.action);
    this.MANY(() => this.SUBRULE(this.clause));
  });

  public otherwiseDecl = this.RULE("otherwiseDecl", () => {
    this.CONSUME(T.Otherwise);
    this.SUBRULE(this.action);
    this.MANY(() => this.SUBRULE(this.clause));
  });

  public onInvalidDecl = this.RULE("onInvalidDecl", () => {
    this.CONSUME(T.On);
    this.CONSUME(T.Invalid);
    this.SUBRULE(this.action);
    this.MANY(() => this.SUBRULE(this.clause));
  });

  /** The target is optional for every action; the checker reports where one is missing or misplaced. */
  public action = this.RULE("action", () => {
    this.OR({
      ERR_MSG: expecting.action,
      DEF: alts(...actionNames.map((a) => () => this.CONSUME(T.actionTokens[a], { LABEL: "verb" }))),
    });
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.SUBRULE(this.target);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Within);
      this.OR2({
        ERR_MSG: expecting.within,
        DEF: [
          { ALT: () => this.CONSUME(T.Duration, { LABEL: "within" }) },
          // `within 4 business hours`: the unit is a name the CST→AST visitor judges. Gated, so that
          // `within 2` is told what `within` takes rather than that `business` is missing.
          {
            GATE: () => this.LA(2).tokenType === T.Business,
            ALT: () => {
              this.CONSUME(T.NumberLiteral, { LABEL: "businessAmount" });
              this.CONSUME(T.Business);
              this.CONSUME(T.Name, { LABEL: "businessUnit" });
            },
          },
        ],
      });
    });
  });

  public target = this.RULE("target", () => {
    this.OR({
      ERR_MSG: expecting.target,
      DEF: alts(
        () => this.CONSUME(T.Name, { LABEL: "name" }),
        () => this.CONSUME(T.StringLiteral, { LABEL: "quoted" }),
      ),
    });
  });

  public clause = this.RULE("clause", () => {
    this.OR({
      ERR_MSG: expecting.clause,
      DEF: alts(
        () => {
          this.CONSUME(T.Collect, { LABEL: "keyword" });
          this.SUBRULE(this.nameList);
        },
        () => {
          this.CONSUME(T.Confirm, { LABEL: "keyword" });
          this.SUBRULE2(this.nameList);
        },
        () => {
          this.CONSUME(T.Reason, { LABEL: "keyword" });
          this.CONSUME(T.StringLiteral, { LABEL: "text" });
        },
        () => {
          this.CONSUME(T.Say, { LABEL: "keyword" });
          this.CONSUME2(T.StringLiteral, { LABEL: "text" });
        },
        () => {
          this.CONSUME(T.Urgency, { LABEL: "keyword" });
          this.CONSUME(T.Name, { LABEL: "level" });
        },
      ),
    });
  });

  public nameList = this.RULE("nameList", () => {
    this.CONSUME(T.LBracket);
    this.AT_LEAST_ONE_SEP(separated(T.Comma, "a field name", () => this.CONSUME(T.Name, { LABEL: "name" })));
    this.CONSUME(T.RBracket);
  });

  // -------------------------------------------------------------------------------------------
  // Conditions: or of ands of unaries; `not` binds tighter than `and`, `and` tighter than `or`.

  public condition = this.RULE("condition", () => {
    this.SUBRULE(this.andExpr, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr, { LABEL: "operand" });
    });
  });

  public andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.unary, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.unary, { LABEL: "operand" });
    });
  });

  public unary = this.RULE("unary", () => {
    this.ACTION(() => this.enterUnary());
    try {
      this.OR({
        ERR_MSG: expecting.condition,
        DEF: [
          {
            ALT: () => {
              this.CONSUME(T.Not);
              this.SUBRULE(this.unary, { LABEL: "operand" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.SUBRULE(this.condition);
              this.CONSUME(T.RParen);
            },
          },
          {
            GATE: () => (this.LA(1).image === "owner" || this.LA(1).image === "calendar") && tokenMatcher(this.LA(2), T.Name) && this.LA(3).tokenType === T.Is,
            ALT: () => this.SUBRULE(this.staffing),
          },
          { ALT: () => this.SUBRULE(this.comparison) },
        ],
      });
    } finally {
      this.ACTION(() => this.nesting--);
    }
  });

  /**
   * `owner NAME is open|closed`, `calendar NAME is open|closed`: whether the calendar is open at `now`.
   * `owner` and `calendar` are ordinary names that act as keywords only here (a gate on their spelling
   * and on the two tokens after them), so a signal called `owner` or `calendar` stays legal.
   */
  public staffing = this.RULE("staffing", () => {
    this.CONSUME(T.Name, { LABEL: "subject" });
    this.CONSUME2(T.Name, { LABEL: "name" });
    this.CONSUME(T.Is);
    this.OR({
      ERR_MSG: "`open` or `closed`",
      DEF: alts(
        () => this.CONSUME(T.Open, { LABEL: "state" }),
        () => this.CONSUME(T.Closed, { LABEL: "state" }),
      ),
    });
  });

  /** `NAME`, `NAME op literal`, `NAME is [not] literal`, `NAME [not] in [literal, ...]`. */
  public comparison = this.RULE("comparison", () => {
    this.CONSUME(T.Name, { LABEL: "signal" });
    this.OPTION(() =>
      this.OR({
        ERR_MSG: expecting.comparison,
        DEF: alts(
          () => {
            this.OR2(
              alts(
                () => this.CONSUME(T.EqEq, { LABEL: "op" }),
                () => this.CONSUME(T.NotEq, { LABEL: "op" }),
                () => this.CONSUME(T.LtEq, { LABEL: "op" }),
                () => this.CONSUME(T.GtEq, { LABEL: "op" }),
                () => this.CONSUME(T.Lt, { LABEL: "op" }),
                () => this.CONSUME(T.Gt, { LABEL: "op" }),
              ),
            );
            this.SUBRULE(this.literal, { LABEL: "value" });
          },
          () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME(T.Not, { LABEL: "isNot" }));
            this.SUBRULE2(this.literal, { LABEL: "value" });
          },
          () => {
            this.CONSUME(T.In);
            this.SUBRULE(this.valueList);
          },
          () => {
            this.CONSUME2(T.Not, { LABEL: "notIn" });
            this.CONSUME2(T.In);
            this.SUBRULE2(this.valueList);
          },
        ),
      }),
    );
  });

  public valueList = this.RULE("valueList", () => {
    this.CONSUME(T.LBracket);
    this.AT_LEAST_ONE_SEP(separated(T.Comma, "a value", () => this.SUBRULE(this.literal, { LABEL: "value" })));
    this.CONSUME(T.RBracket);
  });

  public literal = this.RULE("literal", () => {
    this.OR({
      ERR_MSG: expecting.literal,
      DEF: alts(
        () => this.CONSUME(T.StringLiteral),
        () => this.CONSUME(T.NumberLiteral),
        () => this.CONSUME(T.Duration),
        () => this.CONSUME(T.True),
        () => this.CONSUME(T.False),
        () => this.CONSUME(T.Name),
      ),
    });
  });

  // -------------------------------------------------------------------------------------------
  // Tests

  /** `given` is optional (a test without it must hold for every input); when written, it has entries. */
  public testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.CONSUME(T.StringLiteral, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(T.Given);
      this.AT_LEAST_ONE_SEP(separated(T.Comma, "a signal name", () => this.SUBRULE(this.givenEntry)));
    });
    this.CONSUME(T.Expect);
    this.SUBRULE(this.expectation);
  });

  public givenEntry = this.RULE("givenEntry", () => {
    this.CONSUME(T.Name, { LABEL: "signal" });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.literal, { LABEL: "value" });
  });

  /**
   * `rule NAME` (also `rule otherwise`, and `rule invalid-input`, which the CST→AST visitor refuses
   * with its reason), `ACTION`, `not ACTION` or `at least ACTION`. `at` and `least` are ordinary
   * names that act as keywords only here (a gate on their spelling), so they stay free for signals
   * and members.
   * `not`/`at least` take the full `action` so that a `to`/`within` after them parses and the CST→AST
   * visitor can say precisely why it is not allowed.
   */
  public expectation = this.RULE("expectation", () => {
    this.OR({
      ERR_MSG: expecting.expectation,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Rule);
            this.OR2({
              ERR_MSG: expecting.ruleName,
              DEF: [
                { ALT: () => this.CONSUME(T.Name, { LABEL: "ruleName" }) },
                { ALT: () => this.CONSUME(T.Otherwise, { LABEL: "ruleName" }) },
                { ALT: () => this.CONSUME(T.InvalidInput, { LABEL: "ruleName" }) },
              ],
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Not, { LABEL: "not" });
            this.SUBRULE(this.action);
          },
        },
        {
          GATE: () => this.LA(1).image === "at" && this.LA(2).image === "least",
          ALT: () => {
            this.CONSUME2(T.Name, { LABEL: "at" });
            this.CONSUME3(T.Name, { LABEL: "least" });
            this.SUBRULE2(this.action);
          },
        },
        { ALT: () => this.SUBRULE3(this.action) },
      ],
    });
  });

  // -------------------------------------------------------------------------------------------
  // The nesting backstop

  /** How many `unary` invocations are open. */
  private nesting = 0;

  /**
   * The depth pre-scan (`depth.ts`) stops every honest input first; this backstop guarantees the
   * limit even on garbage where error recovery skips a `)` the pre-scan counted.
   */
  private enterUnary(): void {
    if (++this.nesting > maxConditionDepth + 1) throw new ConditionTooDeep(this.LA(1));
  }

  override reset(): void {
    super.reset();
    this.nesting = 0;
  }
}

function separated(SEP: TokenType, ERR_MSG: string, DEF: () => unknown) {
  return { SEP, ERR_MSG, DEF };
}

/** The one parser instance; reuse it through `parser.input`. */
export const parser = new HandoffParser();

export type { CstNode };
