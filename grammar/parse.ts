/**
 * `parse(source)`: the grammar front end's one entry point. It never throws, whatever the input.
 *
 *   size check → lex (+ lexical diagnostics) → depth pre-scan → parse (with recovery) → CST→AST
 *
 * Positions: a leading byte-order mark (U+FEFF) is ignored and removed first, so every offset, line
 * and column refers to the text after it. Lines end at `\n`, `\r\n` or a lone `\r`; columns are
 * one-based UTF-16 code units; `end*` is exclusive.
 *
 * Limits, checked before any recursive step: a source over 4 MiB of UTF-8 yields only `too-large`;
 * a condition nested deeper than 64 levels yields the lexical diagnostics plus `too-deep`, and no items.
 */
import { EOF, tokenMatcher, type ILexingError, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import { endOf, fileStart, type Comment, type ContractFile, type Item, type Span } from "./ast.ts";
import { diagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics/index.ts";
import { withoutByteOrderMark } from "../diagnostics/span.ts";
import { CstToAst, tokenSpan } from "./cst-to-ast.ts";
import type { FileCstNode } from "./cst.d.ts";
import { findTooDeep, maxConditionDepth } from "./depth.ts";
import { MAX_SOURCE_BYTES } from "./limits.ts";
import { showText, showToken, tokenAfter, tokenBefore } from "./messages.ts";
import { ConditionTooDeep, parser } from "./parser.ts";
import { scanString } from "./strings.ts";
import * as T from "./tokens.ts";

export interface ParseResult {
  readonly ast: ContractFile;
  readonly diagnostics: Diagnostic[];
  /** The text parsed: the input without a leading byte-order mark. Every span indexes it. */
  readonly source: string;
}

/** The one diagnostic for a source over MAX_SOURCE_BYTES (also given by tools that refuse to read such a file). */
export function tooLargeDiagnostic(): Diagnostic {
  return diagnostic("too-large", fileStart, "this file is larger than 4 MiB, the most a contract may be", "split it into smaller contracts");
}

export function parse(source: string): ParseResult {
  try {
    return parseUnguarded(source);
  } catch (error) {
    // Unreachable by design (tests fuzz for it); a diagnostic beats a stack trace in an editor.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ast: emptyFile(fileStart),
      diagnostics: [diagnostic("syntax", fileStart, `the parser failed unexpectedly (${detail}); please report this`)],
      source: withoutByteOrderMark(source),
    };
  }
}

function parseUnguarded(input: string): ParseResult {
  if (utf8Length(input, MAX_SOURCE_BYTES) > MAX_SOURCE_BYTES) {
    return { ast: emptyFile(fileStart), diagnostics: [tooLargeDiagnostic()], source: withoutByteOrderMark(input) };
  }
  const source = withoutByteOrderMark(input);
  const fileSpan = spanOfWhole(source);

  const lexed = T.lexer.tokenize(source);
  const tokens = lexed.tokens;
  const comments: Comment[] = (lexed.groups["comments"] ?? []).map((t) => ({
    kind: "comment",
    text: t.image.slice(1),
    span: tokenSpan(t),
  }));
  const diagnostics: Diagnostic[] = [
    ...lexed.errors.map((e) => lexerDiagnostic(source, e)),
    ...tokens.flatMap(lexicalDiagnostics),
  ];

  const tooDeep = findTooDeep(tokens);
  if (tooDeep) {
    diagnostics.push(tooDeepDiagnostic(tooDeep));
    return { ast: { kind: "file", items: [], comments, span: fileSpan }, diagnostics: sortDiagnostics(diagnostics), source };
  }

  let items: Item[] = [];
  // Chevrotain signals every syntax error with an exception; their stack traces are never read, and
  // capturing them dominates the time spent on badly broken input.
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    parser.input = tokens;
    const cst = parser.file() as FileCstNode;
    // No `push(...many)`: a spread of a very long array overflows the call stack.
    for (const d of dedupe(parser.errors.map((e) => parserDiagnostic(e, tokens, fileSpan)))) diagnostics.push(d);
    const visitor = new CstToAst();
    items = visitor.file(cst);
    for (const d of visitor.diagnostics) diagnostics.push(d);
  } catch (error) {
    if (!(error instanceof ConditionTooDeep)) throw error;
    diagnostics.push(tooDeepDiagnostic(error.token, fileSpan));
    items = [];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    parser.input = [];
  }
  return { ast: { kind: "file", items, comments, span: fileSpan }, diagnostics: sortDiagnostics(diagnostics), source };
}

// ---------------------------------------------------------------------------------------------
// Lexical diagnostics

function lexerDiagnostic(source: string, error: ILexingError): Diagnostic {
  // The lexer drops characters up to the next token; whitespace is a token, so the run is on one line.
  const line = error.line ?? 1;
  const column = error.column ?? 1;
  const span: Span = {
    startOffset: error.offset,
    endOffset: error.offset + error.length,
    startLine: line,
    startColumn: column,
    endLine: line,
    endColumn: column + error.length,
  };
  const text = source.slice(error.offset, error.offset + error.length);
  const plural = [...text].length > 1 ? "characters" : "character";
  return diagnostic("syntax", span, `unexpected ${plural} ${showText(text)}`, characterHint(text));
}

function characterHint(text: string): string | undefined {
  if (text.startsWith("'")) return "strings are written in double quotes: `\"…\"`";
  if (text.startsWith("!")) return "write `!=` or `not`";
  if (text.startsWith("-")) return "`-` belongs to a negative number such as `-0.5`";
  if (text.startsWith(".")) return "a decimal number needs digits on both sides of the point, as in `0.5`";
  if (text.startsWith("&")) return "write `and`";
  if (text.startsWith("/")) return "comments start with `#`";
  return undefined;
}

const escapesHint = "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\{`";

function lexicalDiagnostics(token: IToken): Diagnostic[] {
  const type = token.tokenType;
  if (type === T.StringLiteral || type === T.UnterminatedString) {
    const scan = scanString(token);
    const out = scan.badEscapes.map((e) =>
      diagnostic("syntax", e.span, `unknown escape ${showText(e.text)} in a string`, escapesHint),
    );
    if (!scan.terminated) {
      out.unshift(diagnostic("syntax", tokenSpan(token), "unterminated string", "close it with `\"` on the same line"));
    }
    return out;
  }
  if (type === T.MalformedNumber) return [malformedNumber(token)];
  if (type === T.Duration) {
    const value = T.durationValue(token.image);
    if (!value) return [];
    if (!Number.isSafeInteger(value.seconds)) {
      return [diagnostic("invalid-duration", tokenSpan(token), `the duration ${showText(token.image)} is too large`)];
    }
    if (!value.descending) {
      return [
        diagnostic(
          "invalid-duration",
          tokenSpan(token),
          `the units of ${showText(token.image)} are not in descending order`,
          `each unit at most once, largest first: write \`${T.formatDuration(value.seconds)}\``,
        ),
      ];
    }
    return [];
  }
  if (type === T.NumberLiteral && !Number.isFinite(Number(token.image))) {
    return [diagnostic("syntax", tokenSpan(token), `the number ${showText(token.image)} is too large`)];
  }
  return [];
}

function malformedNumber(token: IToken): Diagnostic {
  const image = token.image;
  const span = tokenSpan(token);
  const message = `${showText(image)} is neither a number nor a duration`;
  if (image.startsWith("-") && /^-[0-9]+[smhdw]/.test(image)) {
    return diagnostic("syntax", span, message, "durations cannot be negative");
  }
  const fractional = /^([0-9]+\.[0-9]+)([smhdw])$/.exec(image);
  if (fractional) {
    const seconds = Number(fractional[1]) * T.unitSeconds[fractional[2] as keyof typeof T.unitSeconds];
    const hint = Number.isInteger(seconds)
      ? `durations count whole units: write \`${T.formatDuration(seconds)}\``
      : "durations count whole units";
    return diagnostic("syntax", span, message, hint);
  }
  const unfinished = /^((?:[0-9]+[smhdw])+)([0-9]+)$/.exec(image);
  if (unfinished) return diagnostic("syntax", span, message, "every number in a duration needs a unit: `s`, `m`, `h`, `d` or `w`");
  return diagnostic(
    "syntax",
    span,
    message,
    "a duration is whole numbers with the units `s`, `m`, `h`, `d`, `w`, largest first, as in `90s` or `1h30m`",
  );
}

function tooDeepDiagnostic(token: IToken, fallback?: Span): Diagnostic {
  const span = Number.isFinite(token.startOffset) ? tokenSpan(token) : (fallback ?? fileStart);
  return diagnostic(
    "too-deep",
    span,
    `this condition nests parentheses or \`not\` more than ${maxConditionDepth} levels deep`,
    "split it into several rules",
  );
}

// ---------------------------------------------------------------------------------------------
// Parser diagnostics

function parserDiagnostic(error: IRecognitionException, tokens: readonly IToken[], file: Span): Diagnostic {
  const token = error.token;
  const atEnd = !token || token.tokenType === EOF || !Number.isFinite(token.startOffset);
  // At the end of the file, point just past the last token: that is where something is missing.
  const last = tokens[tokens.length - 1];
  const span = !atEnd ? tokenSpan(token) : last ? endOf(tokenSpan(last)) : endOf(file);
  return diagnostic("syntax", span, error.message, atEnd ? undefined : parserHint(token, tokens));
}

const usedAsName = new Set<TokenType>([T.Colon, T.Equals, T.Comma, T.RBracket, T.Pipe]);

function parserHint(token: IToken, tokens: readonly IToken[]): string | undefined {
  const previous = tokenBefore(tokens, token);
  if (previous?.tokenType === T.Comma && (token.tokenType === T.RBracket || token.tokenType === T.Expect)) {
    return "lists take no trailing comma";
  }
  if (token.tokenType === T.Equals && previous && tokenMatcher(previous, T.Name)) {
    return "compare with `==` or `is`";
  }
  if (T.reservedTokens.includes(token.tokenType)) {
    const next = tokenAfter(tokens, token);
    if (next && usedAsName.has(next.tokenType)) {
      return `${showToken(token)} is a reserved word and cannot be used as a name`;
    }
  }
  return undefined;
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.span.startOffset}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Positions

function emptyFile(span: Span): ContractFile {
  return { kind: "file", items: [], comments: [], span };
}

/** The span of the whole text: its end is after the last character, on the last line. */
function spanOfWhole(source: string): Span {
  let line = 1;
  let lineStart = 0;
  const terminators = /\r\n?|\n/g;
  for (let m = terminators.exec(source); m; m = terminators.exec(source)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return {
    startOffset: 0,
    endOffset: source.length,
    startLine: 1,
    startColumn: 1,
    endLine: line,
    endColumn: source.length - lineStart + 1,
  };
}

/**
 * The UTF-8 length of `text` (a lone surrogate counts 3 bytes, as its U+FFFD replacement), counting
 * no further than just past `limit`.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
