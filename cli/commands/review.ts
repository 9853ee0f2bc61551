import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { assertReadable, LogReadError } from "../../review/jsonl.ts";
import { reviewHtml } from "../../review/report-html.ts";
import { compareReviews, isSavedReview, type Period } from "../../review/compare.ts";
import { comparisonMarkdown, comparisonSummary, reviewMarkdown, reviewSummary } from "../../review/report-md.ts";
import { review, type ReviewResult } from "../../review/review.ts";
import { parse, UsageError } from "../args.ts";
import { checkedContract } from "../checked-contract.ts";
import { writeAtomically } from "../io.ts";
import type { Io } from "../io-types.ts";

export const reviewCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(
      args,
      { sample: { type: "string" }, seed: { type: "string" }, since: { type: "string" }, until: { type: "string" }, contract: { type: "string" }, out: { type: "string" }, compare: { type: "string" } },
      "review",
    );
    if (positionals.length === 0) throw new UsageError("review: no log given (usage: handoff review LOG.jsonl...)");
    const sample = values.sample === undefined ? 5 : wholeNumber("review", "--sample", values.sample);
    const since = values.since === undefined ? undefined : isoDate("review", "--since", values.since, false);
    const until = values.until === undefined ? undefined : isoDate("review", "--until", values.until, true);
    if (since !== undefined && until !== undefined && since >= until) throw new UsageError("review: --since must be before --until");
    const out = values.out;
    if (out !== undefined && ![".html", ".md", ".json"].includes(extname(out))) {
      throw new UsageError(`review: --out must name a .html, .md or .json file, not \`${out}\``);
    }
    let knownRules: string[] | undefined;
    let ownerNames: Record<string, string> | undefined;
    if (values.contract !== undefined) {
      const model = await checkedContract(io, values.contract, "never");
      if (model === null) return 1;
      knownRules = [...model.rules.map((r) => r.name), ...(model.otherwise ? ["otherwise"] : [])];
      ownerNames = Object.fromEntries(model.owners.map((o) => [o.key, o.displayName]));
    }
    let result: ReviewResult;
    try {
      await assertReadable(positionals, io.cwd);
      result = await review(positionals, { sample, since, until, knownRules, ...(ownerNames === undefined ? {} : { ownerNames }), cwd: io.cwd, ...(values.seed === undefined ? {} : { seed: values.seed }) });
    } catch (error) {
      if (error instanceof LogReadError) throw new UsageError(`review: ${error.message}`);
      throw error;
    }
    const comparison = values.compare === undefined ? undefined : compareReviews(values.compare, await earlierPeriod(io, values.compare, knownRules), result);
    if (out !== undefined) {
      const ext = extname(out);
      const text =
        ext === ".html"
          ? reviewHtml(result, comparison)
          : ext === ".json"
            ? JSON.stringify(comparison === undefined ? result : { ...result, compared: comparison }, null, 2) + "\n"
            : reviewMarkdown(result) + (comparison === undefined ? "" : `\n${comparisonMarkdown(comparison)}`);
      await writeAtomically(resolve(io.cwd, out), text);
    }
    io.stdout(reviewSummary(result));
    if (comparison !== undefined) io.stdout(comparisonSummary(comparison));
    if (out !== undefined) io.stdout(`report written to ${out}\n`);
    return 0;
  },
};

/**
 * The earlier period of `--compare`: a report saved with `--out FILE.json`, or a log reviewed whole (no
 * --since/--until). Unreadable, or a .json that is not such a report: UsageError.
 */
async function earlierPeriod(io: Io, file: string, knownRules: string[] | undefined): Promise<Period> {
  if (extname(file) === ".json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(resolve(io.cwd, file), "utf8"));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof SyntaxError ? "not JSON" : String((error as Error).message);
      throw new UsageError(`review: cannot read \`${file}\` for --compare: ${why}`);
    }
    if (!isSavedReview(parsed)) throw new UsageError(`review: \`${file}\` is not a review report (one written by \`handoff review --out FILE.json\`)`);
    return parsed;
  }
  try {
    await assertReadable([file], io.cwd);
    return await review([file], { knownRules, cwd: io.cwd });
  } catch (error) {
    if (error instanceof LogReadError) throw new UsageError(`review: --compare: ${error.message}`);
    throw error;
  }
}

/** A whole number >= 1, or a UsageError naming the option. */
export function wholeNumber(command: string, option: string, text: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${command}: ${option} must be a whole number of at least 1, not \`${text}\``);
  }
  return Number(text);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO date (UTC midnight; the next midnight when `endOfDay`) or date-time with a zone. */
export function isoDate(command: string, option: string, text: string, endOfDay: boolean): number {
  const dateOnly = DATE.test(text);
  const ms = dateOnly || DATE_TIME.test(text) ? Date.parse(dateOnly ? `${text}T00:00:00Z` : text) : NaN;
  // Date.parse accepts 2026-02-30; a round trip of the date part rejects it.
  if (Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== text)) {
    throw new UsageError(`${command}: ${option} must be an ISO date such as 2026-11-02 or 2026-11-02T08:00:00Z, not \`${text}\``);
  }
  return dateOnly && endOfDay ? ms + 86_400_000 : ms;
}
