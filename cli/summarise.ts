/**
 * What `check` prints for a file with many diagnostics: past `SUMMARY_THRESHOLD` shown diagnostics, each
 * code gets one line with its count and only its first `SUMMARY_FIRST` diagnostics in full, in the order
 * the codes first appear, then one line saying how many were left out and how to see them all
 * (`--all`, or `--format json`, which is always complete). Each string is one item of the output, printed
 * with a newline after it.
 */
import type { Diagnostic } from "../diagnostics/index.ts";
import { renderHuman, SourceLines } from "../diagnostics/render.ts";

/** More shown diagnostics than this in one file are summarised. */
export const SUMMARY_THRESHOLD = 50;
/** How many diagnostics of each code a summary prints in full. */
export const SUMMARY_FIRST = 3;

/** How `check` says where the rest are. */
const CHECK_SEES_ALL = "`--all` prints every one, `--format json` lists them all";

/**
 * The human output for one file's shown diagnostics: every one, or a summary when there are many;
 * `seeAll` ends the summary's last line, saying how to see the rest.
 */
export function renderDiagnostics(file: string, source: string, shown: readonly Diagnostic[], all: boolean, seeAll = CHECK_SEES_ALL): string[] {
  const lines = new SourceLines(source);
  if (all || shown.length <= SUMMARY_THRESHOLD) return shown.map((d) => renderHuman(file, lines, d));
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of shown) {
    const group = byCode.get(d.code);
    if (group) group.push(d);
    else byCode.set(d.code, [d]);
  }
  const out: string[] = [];
  let omitted = 0;
  for (const [code, group] of byCode) {
    const first = group.slice(0, SUMMARY_FIRST);
    omitted += group.length - first.length;
    const severity = group[0]!.severity;
    const counted = `${group.length} ${severity}${group.length === 1 || severity === "info" ? "" : "s"}`;
    out.push(`${file}: ${code}: ${counted}${group.length > first.length ? `, the first ${first.length} below` : ""}`);
    for (const d of first) out.push(renderHuman(file, lines, d));
  }
  out.push(`${file}: ${omitted} more not shown; ${seeAll}`);
  return out;
}
