/**
 * The wording of syntax errors: one sentence in the author's terms, user input in backticks, no
 * token type names. `expecting` says what each choice point of the grammar wants; `messageProvider`
 * is the parser's Chevrotain error message provider.
 */
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.ts";
import { actionNames, monotoneDirections, policyNames, primitiveTypeNames } from "./vocabulary.ts";

const ticked = (words: readonly string[]): string[] => words.map((w) => `\`${w}\``);

/** What each choice point expects, for messages. */
export const expecting = {
  item: "a declaration, rule or test",
  policy: oneOf(ticked(policyNames)),
  direction: oneOf(ticked(monotoneDirections)),
  type: `a type (${oneOf([...ticked(primitiveTypeNames), "`a | b | c`"])})`,
  action: `an action (${oneOf(ticked(actionNames))})`,
  target: "a target (an owner name or a string)",
  clause: "a clause",
  condition: "a condition",
  comparison: "a comparison",
  literal: "a value (a string, number, duration, `true`, `false` or a name)",
  expectation: "an action, `not ACTION`, `at least ACTION` or `rule NAME`",
  ruleName: "a rule name or `otherwise`",
  days: "days such as `mon-fri` or `sat`",
  within: "a duration (`2h`) or business time (`4 business hours`)",
};

/** How a token the author wrote is shown in a message. */
export function showToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF || !Number.isFinite(token.startOffset)) return "end of file";
  return showText(token.image);
}

/** Text in backticks, shortened, with invisible or unprintable characters spelled `U+XXXX`. */
export function showText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  // eslint-disable-next-line no-control-regex
  const unprintable = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  if (!unprintable.test(short)) return `\`${short}\``;
  if (short.length === 1) return codePoint(short);
  return `\`${short.replace(unprintable, (c) => `<${codePoint(c)}>`)}\``;
}

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(tokType: TokenType): string {
  if (tokType === EOF) return "end of file";
  return tokType.LABEL ?? `\`${tokType.name}\``;
}

function oneOf(descriptions: readonly string[]): string {
  const unique = [...new Set(descriptions)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

function after(previous: IToken | undefined, expected?: TokenType): string {
  if (expected === T.Then) return " after the condition";
  if (!previous) return "";
  return ` after ${showToken(previous)}`;
}

function found(actual: IToken): string {
  return `, found ${showToken(actual)}`;
}

/**
 * The token the author wrote just before `token` (Chevrotain's own "previous" can be a token skipped
 * by recovery or one it invented).
 */
export function tokenBefore(tokens: readonly IToken[], token: IToken): IToken | undefined {
  return tokens[indexOf(tokens, token) - 1];
}

/** The token the author wrote just after `token`. */
export function tokenAfter(tokens: readonly IToken[], token: IToken): IToken | undefined {
  const i = indexOf(tokens, token);
  const next = tokens[i + 1];
  return next && next.tokenType !== EOF && i < tokens.length ? next : undefined;
}

/** Where `token` is (or would be) in `tokens`, by binary search on offsets; end-of-file is past the last. */
function indexOf(tokens: readonly IToken[], token: IToken): number {
  // While parsing, Chevrotain pads the vector with end-of-file sentinels.
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.tokenType === EOF) end--;
  if (token.tokenType === EOF || !Number.isFinite(token.startOffset)) return end;
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < token.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const blockContents: Readonly<Record<string, string>> = {
  signalsBlock: "a signal name or `}`",
  fieldsBlock: "a field name or `}`",
  ownersBlock: "an owner name or `}`",
  calendarsBlock: "a calendar name or `}`",
};

const verbs: ReadonlySet<TokenType> = new Set(Object.values(T.actionTokens));

/** The messages of a parser whose current token vector `input()` returns. */
export function messageProvider(input: () => readonly IToken[]): IParserErrorMessageProvider {
  return {
    buildMismatchTokenMessage({ expected, actual, ruleName }) {
      const previous = tokenBefore(input(), actual);
      if (expected === EOF) {
        // The file's list of items stopped at a token that cannot start one.
        if (previous && verbs.has(previous.tokenType) && (tokenMatcher(actual, T.Name) || tokenMatcher(actual, T.StringLiteral))) {
          return `expected \`to\` after ${showToken(previous)}${found(actual)}`;
        }
        return `expected ${expecting.item}${found(actual)}`;
      }
      const what =
        expected === T.RCurly ? (blockContents[ruleName] ?? "`}`") : expected === T.RBracket ? "`,` or `]`" : describe(expected);
      return `expected ${what}${after(previous, expected)}${found(actual)}`;
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return `expected ${expecting.item}${found(firstRedundant)}`;
    },
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription }) {
      const what =
        customUserDescription ?? oneOf(expectedPathsPerAlt.flat().map((path) => (path[0] ? describe(path[0]) : "")));
      return `expected ${what}${after(tokenBefore(input(), actual[0]!))}${found(actual[0]!)}`;
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription }) {
      const what = customUserDescription ?? oneOf(expectedIterationPaths.map((path) => (path[0] ? describe(path[0]) : "")));
      return `expected ${what}${after(tokenBefore(input(), actual[0]!))}${found(actual[0]!)}`;
    },
  };
}
