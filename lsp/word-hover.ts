/**
 * Hover on a word of the language itself — an action, a clause keyword, a policy, a type — with what
 * it means, from grammar/vocabulary.ts. Names (signals, owners, …) are hovered by hover.ts first, so a
 * signal called `stop` shows its declaration, not the action.
 */
import { lexer } from "../grammar/tokens.ts";
import { actions, clauses, isActionName, policies, primitiveTypes, isPrimitiveTypeName, type ClauseName, type PolicyName } from "../grammar/vocabulary.ts";

/** The summary lines for `word`, or null when it is not a word of the vocabulary that has one. */
export function wordSummary(word: string): readonly string[] | null {
  if (isActionName(word)) return [`**${word}** (action): ${actions[word].summary}`];
  if (Object.hasOwn(clauses, word)) return [`**${word}** (clause): ${clauses[word as ClauseName].summary}`];
  if (Object.hasOwn(policies, word)) return [`**${word}** (policy): ${policies[word as PolicyName].summary}`];
  if (isPrimitiveTypeName(word)) return [`**${word}** (type): ${primitiveTypes[word].summary}`];
  return null;
}

/** The word token (a keyword or a bare word, never a string or a comment) under `offset`, with its extent. */
export function wordAt(source: string, offset: number): { word: string; start: number; end: number } | null {
  for (const token of lexer.tokenize(source).tokens) {
    const end = token.endOffset! + 1;
    if (token.startOffset > offset) break;
    if (offset <= end && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(token.image)) return { word: token.image, start: token.startOffset, end };
  }
  return null;
}
