/**
 * The nesting pre-scan: a linear pass over the token vector that finds a condition nested deeper
 * than `maxConditionDepth`, before the recursive-descent parser (which would overflow the stack at a
 * few hundred levels) ever sees it.
 *
 * Depth counts open parentheses and pending `not`s. A `not` applies to one unary operand, so it
 * closes when that operand ends: at the next `and`/`or`, or at the `)` that closes the parenthesis it
 * opened right after. `is not` and `not in` are operators, not negations. The reserved words that
 * cannot occur inside a condition (`when`, `then`, `rule`, `otherwise`, `test`, `given`, `expect`)
 * reset the count, since the parser unwinds any condition before them.
 *
 * INVARIANT: when this returns null, no rule invocation chain in `parser.ts` nests more than
 * `maxConditionDepth` `unary` levels, so parsing, the visitor and every later recursive pass are safe.
 */
import type { IToken, TokenType } from "chevrotain";
import { MAX_NESTING } from "./limits.ts";
import * as T from "./tokens.ts";

export const maxConditionDepth = MAX_NESTING;

const resets = new Set<TokenType>([T.When, T.Then, T.Rule, T.Otherwise, T.Test, T.Given, T.Expect]);

/** The token that opens level `maxConditionDepth + 1`, or null when every condition is shallow enough. */
export function findTooDeep(tokens: readonly IToken[]): IToken | null {
  // frames[k] is true for a parenthesis, false for a `not`.
  const frames: boolean[] = [];
  const popNots = (): void => {
    while (frames.length > 0 && frames[frames.length - 1] === false) frames.pop();
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type === T.LParen || (type === T.Not && !isOperatorNot(tokens, i))) {
      frames.push(type === T.LParen);
      if (frames.length > maxConditionDepth) return token;
    } else if (type === T.RParen) {
      popNots();
      if (frames.length > 0) frames.pop();
      popNots();
    } else if (type === T.And || type === T.Or) {
      popNots();
    } else if (resets.has(type)) {
      frames.length = 0;
    }
  }
  return null;
}

function isOperatorNot(tokens: readonly IToken[], i: number): boolean {
  return tokens[i - 1]?.tokenType === T.Is || tokens[i + 1]?.tokenType === T.In;
}
