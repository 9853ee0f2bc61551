/**
 * Puts every comment of the source on a line break of the layout, and decides which blank lines stay.
 *
 * The layout prints the contract's tokens in source order; only parentheses may be dropped or added
 * (`placeComments` checks exactly that, token by token, so no code can be lost or reordered).
 * Comments are placed relative to the printed tokens that come from the source:
 * - an end-of-line comment (code before it on its line) stays at the end of the output line that
 *   holds the token it followed: it goes on the first line break after that token;
 * - an own-line comment stays above the output line that holds the token after it: it goes on the last
 *   line break before that token, on its own line, indented like that token's line.
 * Either makes the break happen. One exception keeps comments in their order: a comment never goes
 * to an earlier break than the comment before it (an own-line comment between two tokens the layout
 * joins, after an end-of-line comment that had to move to the end of that joined line, moves below it).
 * Formatting the output again places every comment on the same break (the tokens around it are the
 * same), which is what makes `fmt` idempotent with comments.
 *
 * Blank lines: at most one, and only where the break's `BlankPolicy` allows, wherever the source had
 * at least one.
 */
import type { IToken } from "chevrotain";
import type { Comment } from "../grammar/ast.ts";
import { LParen, lexer, RParen } from "../grammar/tokens.ts";
import { walk, type Doc, type Line } from "./doc.ts";

interface Placed {
  /** Index in print order (tokens and lines together). */
  readonly at: number;
  readonly token: IToken;
}

/**
 * Attaches `comments` to the lines of `doc`. False when the layout's tokens are not the source's
 * tokens in order (parentheses aside), because the tree lacks part of the source: the caller must
 * not use the layout.
 */
export function placeComments(doc: Doc, source: string, comments: readonly Comment[]): boolean {
  const sourceTokens = lexer.tokenize(source).tokens;
  const placed: Placed[] = [];
  const lines: { at: number; line: Line }[] = [];
  let next = 0;
  let at = 0;
  for (const node of walk(doc)) {
    if (node.kind === "line") lines.push({ at, line: node });
    else {
      while (next < sourceTokens.length && sourceTokens[next]!.image !== node.text && isParen(sourceTokens[next]!)) next++;
      const token = sourceTokens[next];
      if (token && token.image === node.text) {
        placed.push({ at, token });
        next++;
      } else if (!isParenText(node.text)) return false;
    }
    at++;
  }
  for (; next < sourceTokens.length; next++) if (!isParen(sourceTokens[next]!)) return false;

  let printedAfter = 0; // placed[printedAfter] is the first printed token after the comment
  let sourceAfter = 0; // sourceTokens[sourceAfter] is the first source token after the comment
  let floor = { index: 0, own: false };
  for (const comment of comments) {
    const offset = comment.span.startOffset;
    while (printedAfter < placed.length && placed[printedAfter]!.token.startOffset < offset) printedAfter++;
    while (sourceAfter < sourceTokens.length && sourceTokens[sourceAfter]!.startOffset < offset) sourceAfter++;
    const previous = placed[printedAfter - 1];
    const following = placed[printedAfter];
    const onCodeLine = sourceAfter > 0 && sourceTokens[sourceAfter - 1]!.endLine === comment.span.startLine;
    let index: number;
    let own: boolean;
    if (onCodeLine && previous) {
      index = Math.min(firstIndex(lines, (l) => l.at > previous.at), lines.length - 1);
      own = false;
    } else {
      index = following ? firstIndex(lines, (l) => l.at > following.at) - 1 : lines.length - 1;
      own = true;
    }
    // Comments keep their order: none goes before a break an earlier one went to, nor, on that
    // break, to the end of the line above the earlier one's own line.
    if (index < floor.index || (index === floor.index && floor.own)) [index, own] = [floor.index, own || floor.own];
    floor = { index, own };
    if (own) lines[index]!.line.after.push({ comment, blankBefore: false });
    else lines[index]!.line.before.push(comment);
  }

  let after = 0; // placed[after] is the first printed token after the line
  for (const { at: lineAt, line } of lines) {
    while (after < placed.length && placed[after]!.at < lineAt) after++;
    keepBlankLines(line, placed[after - 1], placed[after]);
  }
  return true;
}

function keepBlankLines(line: Line, previous: Placed | undefined, following: Placed | undefined): void {
  let last = previous?.token.endLine;
  let first = true;
  for (const entry of line.after) {
    const allowed = line.blanks === "item" || line.blanks === "close" || (line.blanks === "open" && !first);
    entry.blankBefore = allowed && last !== undefined && entry.comment.span.startLine - last >= 2;
    last = entry.comment.span.endLine;
    first = false;
  }
  const allowed = line.blanks === "item" || (line.blanks === "open" && line.after.length > 0);
  line.blankAfter = allowed && following !== undefined && last !== undefined && following.token.startLine! - last >= 2;
}

function isParenText(text: string): boolean {
  return text === "(" || text === ")";
}

function isParen(token: IToken): boolean {
  return token.tokenType === LParen || token.tokenType === RParen;
}

/** The first index whose element passes `test` (false up to some index, true from there), or the length. */
function firstIndex<X>(xs: readonly X[], test: (x: X) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(xs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
