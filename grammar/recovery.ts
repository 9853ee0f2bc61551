/**
 * The error recovery policy of the parser, and two overrides of Chevrotain internals that keep
 * recovery linear on badly broken input. `HandoffParser` (parser.ts) extends this class; the grammar
 * itself says nothing about recovery beyond ending `file` with an explicit end of file.
 *
 * The internals overridden (`findReSyncTokenType`, `raiseNoAltException`) keep their Chevrotain
 * contracts; `test/grammar/robustness.test.ts` keeps large garbage fast.
 */
import {
  CstParser,
  EOF,
  NoViableAltException,
  type IParserConfig,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from "chevrotain";
import * as T from "./tokens.ts";

export interface RecoveringParserConfig extends IParserConfig {
  readonly errorMessageProvider: IParserErrorMessageProvider;
}

export class RecoveringParser extends CstParser {
  private readonly messages: IParserErrorMessageProvider;

  constructor(tokens: readonly TokenType[], config: RecoveringParserConfig) {
    super(tokens as TokenType[], { ...config, recoveryEnabled: true });
    this.messages = config.errorMessageProvider;
  }

  /**
   * Only tokens without a value are invented by single-token insertion (`then`, `]`, `:` …): an
   * invented name, string, number or duration would put made-up text into the tree.
   */
  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return !valueTokens.has(tokType);
  }

  /**
   * Reserved words are never deleted to continue a rule: they start the next part (`then`, `expect`,
   * `when` …), and re-synchronising on them gives one clear error instead of a cascade.
   */
  protected override canTokenTypeBeDeletedInRecovery(): boolean {
    return !T.reservedTokens.includes(this.LA(1).tokenType);
  }

  /** An inserted token is zero-width, just after the previous token, so spans stay meaningful. */
  protected override getTokenToInsert(tokType: TokenType): IToken {
    const prev = this.LA(0);
    const known = Number.isFinite(prev.endOffset) && Number.isFinite(prev.endLine);
    const offset = known ? prev.endOffset! + 1 : 0;
    const line = known ? prev.endLine! : 1;
    const column = known ? prev.endColumn! + 1 : 1;
    return {
      image: "",
      startOffset: offset,
      endOffset: offset - 1,
      startLine: line,
      endLine: line,
      startColumn: column,
      endColumn: column - 1,
      tokenType: tokType,
      tokenTypeIdx: tokType.tokenTypeIdx!,
      isInsertedInRecovery: true,
    };
  }

  /**
   * Chevrotain looks ahead for the nearest token in the follow sets of the open rules. At the top
   * level that set is only end-of-file, so the scan always runs to the end of the input, once per
   * stray token: quadratic on a large broken file. The answer there is known without scanning.
   */
  findReSyncTokenType(): TokenType {
    if ((this as unknown as ChevrotainInternals).RULE_STACK_IDX === 0) return EOF;
    const base = CstParser.prototype as unknown as { findReSyncTokenType(this: RecoveringParser): TokenType };
    return base.findReSyncTokenType.call(this);
  }

  /**
   * When no alternative fits, Chevrotain computes every lookahead path of the choice for its message,
   * about as costly as the rest of the parse per error. Every choice of the grammar names what it
   * expects (`ERR_MSG`), so the paths are never needed. (Keeps the internal method's contract: save a
   * `NoViableAltException` and throw it.)
   */
  raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never {
    const internals = this as unknown as ChevrotainInternals;
    if (errMsgTypes === undefined) {
      const base = CstParser.prototype as unknown as {
        raiseNoAltException(this: RecoveringParser, occurrence: number, errMsgTypes: undefined): never;
      };
      return base.raiseNoAltException.call(this, occurrence, undefined);
    }
    const actual = this.LA(1);
    const previous = this.LA(0);
    const message = this.messages.buildNoViableAltMessage({
      expectedPathsPerAlt: [],
      actual: [actual],
      previous,
      customUserDescription: errMsgTypes,
      ruleName: internals.getCurrRuleFullName(),
    });
    throw internals.SAVE_ERROR(new NoViableAltException(message, actual, previous));
  }
}

interface ChevrotainInternals {
  RULE_STACK_IDX: number;
  SAVE_ERROR(error: Error): Error;
  getCurrRuleFullName(): string;
}

/** The tokens that carry a value, which recovery never invents. */
const valueTokens = new Set<TokenType>([
  T.Name,
  T.Identifier,
  ...T.softKeywordTokens,
  T.StringLiteral,
  T.UnterminatedString,
  T.NumberLiteral,
  T.Duration,
  T.MalformedNumber,
  T.TimeRange,
  T.DayRange,
  ...Object.values(T.policyTokens),
]);
