/**
 * String literals: escape processing and the split into `{signal}` template parts.
 *
 * A string token lies on one line (the lexer guarantees it), so a position inside it is its token's
 * start plus an offset in UTF-16 code units, on the same line. Parts are computed from the source
 * text, not from the unescaped value, so every span points into the source even across escapes, and
 * `\{` is a literal brace rather than the start of an interpolation.
 *
 * INVARIANT: the unescaped texts of the parts, concatenated (an interpolation contributing `{name}`),
 * equal `value`; no text part is empty.
 */
import type { IToken } from "chevrotain";
import type { Span, TemplatePart } from "./ast.ts";

export interface StringScan {
  /** The text after escape processing. */
  readonly value: string;
  readonly parts: readonly TemplatePart[];
  /** False when the string has no closing quote on its line. */
  readonly terminated: boolean;
  /** Escapes other than `\"` `\\` `\n` `\t` `\{`, each spanning the backslash and the character. */
  readonly badEscapes: readonly { readonly text: string; readonly span: Span }[];
  /** Each `{` that does not start `{identifier}` (it stays in the text). */
  readonly badBraces: readonly Span[];
}

const escapes: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", n: "\n", t: "\t", "{": "{" };

const interpolation = /\{([A-Za-z_][A-Za-z0-9_]*)\}/y;

/** Scans a string token (terminated or not). */
export function scanString(token: IToken): StringScan {
  const image = token.image;
  const terminated = image.length >= 2 && image.endsWith('"') && !endsWithOddBackslashes(image.slice(0, -1));
  const end = terminated ? image.length - 1 : image.length;
  // Positions in the source of image index i.
  const at = (i: number, j: number): Span => ({
    startOffset: token.startOffset + i,
    endOffset: token.startOffset + j,
    startLine: token.startLine!,
    startColumn: token.startColumn! + i,
    endLine: token.startLine!,
    endColumn: token.startColumn! + j,
  });

  const parts: TemplatePart[] = [];
  const badEscapes: { text: string; span: Span }[] = [];
  const badBraces: Span[] = [];
  let value = "";
  let text = "";
  let textStart = 1;
  const flush = (i: number): void => {
    if (text !== "") parts.push({ kind: "text", value: text, span: at(textStart, i) });
    text = "";
  };

  let i = 1;
  while (i < end) {
    const c = image[i]!;
    if (c === "\\" && i + 1 < end) {
      const next = image[i + 1]!;
      const meant = escapes[next];
      if (text === "") textStart = i;
      if (meant === undefined) {
        badEscapes.push({ text: `\\${next}`, span: at(i, i + 2) });
        text += `\\${next}`;
        value += `\\${next}`;
      } else {
        text += meant;
        value += meant;
      }
      i += 2;
      continue;
    }
    if (c === "{") {
      interpolation.lastIndex = i;
      const m = interpolation.exec(image);
      if (m && i + m[0].length <= end) {
        flush(i);
        const name = m[1]!;
        const whole = m[0].length;
        parts.push({
          kind: "interpolation",
          name: { kind: "name", text: name, span: at(i + 1, i + 1 + name.length) },
          span: at(i, i + whole),
        });
        value += m[0];
        i += whole;
        continue;
      }
      badBraces.push(at(i, i + 1));
    }
    if (text === "") textStart = i;
    text += c;
    value += c;
    i += 1;
  }
  flush(end);
  return { value, parts, terminated, badEscapes, badBraces };
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === "\\"; i--) n++;
  return n % 2 === 1;
}
