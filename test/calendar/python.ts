/** Runs calendar operations through runtime/python/calendar.py: one python3 process, JSON lines in and out. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { addBusinessTime, isOpen, localIso, nextOpening, type Calendar } from "../../runtime/prelude/calendar.ts";

export type CalendarCall =
  | readonly ["isOpen", Calendar, unknown]
  | readonly ["nextOpening", Calendar, unknown]
  | readonly ["addBusinessTime", Calendar, unknown, unknown]
  | readonly ["localIso", string, unknown];

const driver = join(import.meta.dirname, "driver.py");

/** The Python answers to `calls`, in order. */
export function runPython(calls: readonly CalendarCall[]): unknown[] {
  const input = calls.map((c) => JSON.stringify(c)).join("\n") + "\n";
  const r = spawnSync("python3", [driver], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  const out = r.stdout.split("\n").filter((l) => l !== "");
  if (out.length !== calls.length) throw new Error(`python3 answered ${out.length} of ${calls.length}: ${r.stderr}`);
  return out.map((l) => JSON.parse(l) as unknown);
}

/** The TypeScript answer to one call. */
export function runTs(call: CalendarCall): unknown {
  const [op, subject, ms] = call;
  const at = ms as number;
  if (op === "isOpen") return isOpen(subject as Calendar, at);
  if (op === "nextOpening") return nextOpening(subject as Calendar, at);
  if (op === "addBusinessTime") return addBusinessTime(subject as Calendar, at, call[3] as number);
  return localIso(subject as string, at);
}
