/**
 * Calendar arithmetic, µs per call, TypeScript (runtime/prelude/calendar.ts) and Python
 * (runtime/python/calendar.py, one python3 process), on the issue's `office` calendar:
 *   warm    instants within a few weeks (the per-zone day cache is hot, as for a service's decisions)
 *   spread  instants across 2024-2030 (mostly cache misses: Intl / zoneinfo calls and bisections)
 *   cold    each call on a UTC day not seen before (the first decisions of a process: Intl / zoneinfo calls)
 *   never   a calendar that never opens: nextOpening walks the whole 8-year horizon, then null
 * Run: node --import tsx bench/calendar.ts
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { addBusinessTime, isOpen, localIso, nextOpening } from "../runtime/prelude/calendar.ts";
import { office } from "../test/calendar/cases.ts";
import { measureInterleaved } from "./measure.ts";

const BASE = Date.parse("2026-12-01T00:00:00Z");
const SPREAD = Date.parse("2024-01-01T00:00:00Z");
const never = { ...office, weekly: [[], [], [], [], [], [], []], closed: [] };
const warm = (i: number) => BASE + ((i * 7919 * 60000) % (28 * 86400000));
const spread = (i: number) => SPREAD + ((i * 104729 * 60000) % (7 * 365 * 86400000));

const operations: Record<string, (t: number) => unknown> = {
  isOpen: (t) => isOpen(office, t),
  nextOpening: (t) => nextOpening(office, t),
  "addBusinessTime 4h": (t) => addBusinessTime(office, t, 4 * 3600),
  "addBusinessTime 1d": (t) => addBusinessTime(office, t, 86400),
  localIso: (t) => localIso("Europe/Berlin", t),
};

const candidates = [
  ...Object.entries(operations).flatMap(([name, op]) => [
    { name: `warm ${name}`, iterations: 5000, run: (n: number) => { let s = 0; for (let i = 0; i < n; i++) s += Number(op(warm(i))); return s; } },
    { name: `spread ${name}`, iterations: 2000, run: (n: number) => { let s = 0; for (let i = 0; i < n; i++) s += Number(op(spread(i))); return s; } },
  ]),
  { name: "never nextOpening", iterations: 5, run: (n: number) => { for (let i = 0; i < n; i++) nextOpening(never, warm(i)); } },
];

const python = String.raw`
import importlib.util, json, sys, time
spec = importlib.util.spec_from_file_location("c", sys.argv[1]); c = importlib.util.module_from_spec(spec); spec.loader.exec_module(c)
office, never, BASE, SPREAD, BASE_COLD = json.loads(sys.argv[2])
warm = lambda i: BASE + (i * 7919 * 60000) % (28 * 86400000)
spread = lambda i: SPREAD + (i * 104729 * 60000) % (7 * 365 * 86400000)
ops = {"isOpen": lambda t: c._is_open(office, t), "nextOpening": lambda t: c._next_opening(office, t),
       "addBusinessTime 4h": lambda t: c._add_business_time(office, t, 4 * 3600),
       "addBusinessTime 1d": lambda t: c._add_business_time(office, t, 86400), "localIso": lambda t: c._local_iso("Europe/Berlin", t)}
out = {}
for k, (name, op) in enumerate(ops.items()):
    start_at = BASE_COLD + k * 6 * 365 * 86400000
    start = time.perf_counter()
    for i in range(2000): op(start_at + i * 86400000)
    out["cold " + name] = (time.perf_counter() - start) * 1e6 / 2000
for name, op in ops.items():
    for kind, at, n in (("warm", warm, 20000), ("spread", spread, 5000)):
        for i in range(n): op(at(i))
        best = None
        for _ in range(5):
            start = time.perf_counter()
            for i in range(n): op(at(i))
            took = (time.perf_counter() - start) * 1e6 / n
            best = took if best is None else min(best, took)
        out[kind + " " + name] = best
start = time.perf_counter()
for i in range(3): c._next_opening(never, warm(i))
out["never nextOpening"] = (time.perf_counter() - start) * 1e6 / 3
print(json.dumps(out))
`;

/** One pass over 2000 days never seen before (each operation its own years, 2031 on), µs per call. */
function cold(op: (t: number) => unknown, k: number): number {
  const from = Date.UTC(2031 + 6 * k, 0, 1, 10);
  const start = process.hrtime.bigint();
  for (let i = 0; i < 2000; i++) op(from + i * 86400000);
  return Number(process.hrtime.bigint() - start) / 2000 / 1000;
}
const colds = Object.entries(operations).map(([name, op], k) => ({ name: `cold ${name}`, nsPerOp: cold(op, k) * 1000 }));
const ts = [...colds, ...measureInterleaved(candidates, 7)];
const py = spawnSync("python3", ["-c", python, join(import.meta.dirname, "../runtime/python/calendar.py"), JSON.stringify([office, never, BASE, SPREAD, Date.UTC(2031, 0, 1, 10)])], { encoding: "utf8" });
if (py.status !== 0) throw new Error(py.stderr);
const pyTimes = JSON.parse(py.stdout) as Record<string, number>;
console.log("operation                        TS µs/call   Python µs/call");
for (const m of ts) console.log(`${m.name.padEnd(32)} ${(m.nsPerOp / 1000).toFixed(2).padStart(10)}   ${pyTimes[m.name]!.toFixed(2).padStart(14)}`);
