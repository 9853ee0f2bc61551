/**
 * `say-contradicts-deadline` (warning): a `say` states a time ("within 2 hours", "within the hour", "in
 * 24 hours", "by tomorrow") other than its outcome's `within`, or promises a time on an outcome with
 * none. A phrase that names no comparable length ("by tomorrow", "within one working day") only counts
 * when there is no `within` at all; a plain length ("within 30 minutes") matches a business-time
 * `within` of the same length, and a business length ("within 2 business hours") matches only business
 * time. The fix writes `{within}` over the phrase's length, so the text follows the rule from then on.
 */
import type { Fix, Span } from "../../diagnostics/index.ts";
import type { StringLiteral } from "../../grammar/ast.ts";
import { code, type Context } from "./context.ts";
import { timePhrases, withinWords, type Promise, type TimePhrase } from "./promise-words.ts";

export function checkSayAgainstDeadline(ctx: Context, say: StringLiteral, promise: Promise | null, where: string): void {
  for (const part of say.parts ?? []) {
    if (part.kind !== "text") continue;
    for (const phrase of timePhrases(part.value)) {
      const contradicts = promise === null || (phrase.promise !== null && !agrees(phrase.promise, promise));
      if (!contradicts) continue;
      const span = phraseSpan(ctx, part, phrase) ?? say.span;
      const promised = promise === null ? "has no deadline" : `promises \`within ${withinWords(promise)}\``;
      ctx.report(
        "say-contradicts-deadline",
        span,
        `${where} tells the customer ${code(phrase.text)}, but ${promised}`,
        promise === null
          ? "add a `within` the team can keep and say it with `{within}`, or take the time out of the text"
          : "say the rule's own deadline with `{within}`, so the text follows the rule",
        promise === null || span === say.span ? undefined : [fixOf(span, phrase)],
      );
    }
  }
}

function agrees(said: Promise, promise: Promise): boolean {
  return said.seconds === promise.seconds && (!said.business || promise.business);
}

/** The phrase's span in the source, when the text part is written as it reads (no escapes) on one line. */
function phraseSpan(ctx: Context, part: { readonly value: string; readonly span: Span }, phrase: TimePhrase): Span | null {
  const raw = ctx.source.slice(part.span.startOffset, part.span.endOffset);
  if (raw !== part.value || part.span.startLine !== part.span.endLine || /[^\x20-\x7e]/.test(raw)) return null;
  const start = part.span.startOffset + phrase.start;
  const end = part.span.startOffset + phrase.end;
  return { startOffset: start, endOffset: end, startLine: part.span.startLine, endLine: part.span.startLine, startColumn: part.span.startColumn + phrase.start, endColumn: part.span.startColumn + phrase.end };
}

/** `within 2 hours` → `within {within}`: the phrase's leading word stays, its length becomes `{within}`. */
function fixOf(span: Span, phrase: TimePhrase): Fix {
  const lead = /^(within|in|under|inside)\s+/i.exec(phrase.text)?.[1] ?? "within";
  return { title: `Say the rule's deadline: \`${lead} {within}\``, span, text: `${lead} {within}`, preferred: true };
}
