/**
 * Code generation for Python: a checked `ContractModel` in, the text of one dependency-free module for
 * Python 3.9+ out (standard library only), exporting `decide`, `validate`, `CONTRACT` and TypedDicts.
 *
 *   model → the contract as constant tables (Python literals, compiler/python/literals.ts)
 *         + runtime/python/runtime.py inlined (everything below its marker line)
 *
 *         + `_match`, the strategy plan.ts chooses (inline.ts, indexed.ts), after the runtime
 *
 * `_match` gives the table rows of the rules that hold, in file order; the runtime picks the winner as
 * compiler/policy.ts does (each rule's precedence is a constant in its table row). The module decides
 * exactly as the TypeScript module and the reference interpreter do (test/python/).
 * INVARIANT: contract text reaches the output only through `pyStr` (and numbers through `pyNumber`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CalendarModel, Cond, ContractModel, OutcomeModel, RuleModel, SignalModel, Template } from "../model.ts";
import { piiNames } from "../model.ts";
import { packageRoot } from "../package-root.ts";
import { precedence } from "../policy.ts";
import { indexedMatch } from "./indexed.ts";
import { inlineMatch } from "./inline.ts";
import { validSignals } from "./valid-signals.ts";
import { pyLiteral, pyStr, type PyValue } from "./literals.ts";
import { choosePythonPlan, type PythonPlan, type PythonStrategy } from "./plan.ts";

export interface PythonOptions {
  /** Overrides the matching strategy plan.ts would choose (tests and benchmarks). */
  readonly strategy?: PythonStrategy;
  /** The plan already chosen (`handoff build` prints it with --explain-plan); `strategy` is then ignored. */
  readonly plan?: PythonPlan;
}

/** The line in runtime/python/runtime.py after which its text is inlined. */
export const RUNTIME_MARKER = "# --- handoff runtime ---";

/** runtime/python/calendar.py, inlined into the modules of contracts with calendars (checkout or dist/python/). */
export function pythonCalendarSource(): string {
  const root = packageRoot();
  const checkout = join(root, "runtime", "python", "calendar.py");
  return readFileSync(existsSync(checkout) ? checkout : join(root, "dist", "python", "calendar.py"), "utf8");
}

/** The calendars as the Python runtime takes them, each outcome's staffing by rule name, and `_staff`; "" without calendars. */
function pythonStaffing(model: ContractModel): string {
  const calendars = model.calendars;
  if (calendars === undefined) return "";
  const intervals = (list: readonly (readonly [number, number])[]): string => `[${list.map(([a, b]) => `[${a}, ${b}]`).join(", ")}]`;
  const calendar = (c: CalendarModel): string =>
    `    {"zone": ${pyStr(c.zone)}, "weekly": [${c.weekly.map(intervals).join(", ")}], "closed": [${c.closed.map(pyStr).join(", ")}], ` +
    `"exceptions": {${Object.keys(c.exceptions).sort().map((d) => `${pyStr(d)}: ${intervals(c.exceptions[d]!)}`).join(", ")}}},`;
  const index = new Map(calendars.map((c, i) => [c.name, i]));
  const owners = new Map(model.owners.map((o) => [o.key, o.calendar]));
  const staffing = (o: OutcomeModel): string => {
    const name = o.owner === null ? undefined : owners.get(o.owner);
    const i = name === undefined ? undefined : index.get(name);
    return `    ${pyStr(o.name)}: (${i === undefined ? "None" : `_CALENDARS[${i}]`}, ${o.businessTime === true ? "True" : "False"}),`;
  };
  const outcomes = [...model.rules, ...(model.otherwise ? [model.otherwise] : []), model.onInvalid];
  return [
    "# ---- calendars: runtime/python/calendar.py ----",
    "",
    pythonCalendarSource().trimEnd(),
    "",
    "",
    "# The contract's calendars (zone, weekly intervals in minutes Monday first, closed dates, dated hours).",
    "_CALENDARS: Tuple[Dict[str, Any], ...] = (",
    ...calendars.map(calendar),
    ")",
    "# Each outcome's staffing by rule name: its owner's calendar (None: always staffed), and whether its",
    "# `within` counts business time.",
    "_STAFFING: Dict[str, Tuple[Optional[Dict[str, Any]], bool]] = {",
    ...outcomes.map(staffing),
    "}",
    "",
    "",
    "def _staff(decision: Dict[str, Any], now_ms: Optional[float]) -> None:",
    '    """Completes `decision` with its owner\'s staffing (see _staff_decision)."""',
    '    staffing = _STAFFING.get(decision["rule"])',
    "    if staffing is not None:",
    "        _staff_decision(decision, staffing[0], staffing[1], now_ms)",
    "",
    "",
    '_MODEL["staff"] = _staff',
    "",
    "",
    ...(model.staffed === undefined
      ? []
      : [
          "def _derive(values: Dict[str, Any], now_ms: Optional[float]) -> Dict[str, Any]:",
          '    """`values` with each calendar a condition asks: its open state at `now`, as "@NAME" (see withStaffing)."""',
          "    now = _math.floor(float(_clock_ms() if now_ms is None else now_ms))",
          "    out = dict(values)  # never the caller's dict",
          ...model.staffed.map((name) => `    out[${pyStr(`@${name}`)}] = _is_open(_CALENDARS[${index.get(name)}], now) is True`),
          "    return out",
          "",
          "",
          '_MODEL["derive"] = _derive',
          "",
          "",
        ]),
  ].join("\n");
}

/** The Python runtime's source: in a checkout runtime/python/, in the package dist/python/ (scripts/build.mjs). */
export function pythonRuntimeSource(): string {
  const root = packageRoot();
  const checkout = join(root, "runtime", "python", "runtime.py");
  const file = existsSync(checkout) ? checkout : join(root, "dist", "python", "runtime.py");
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(`${RUNTIME_MARKER}\n`);
  if (at < 0) throw new Error(`handoff: ${file} has no line ${RUNTIME_MARKER}`);
  return text.slice(at + RUNTIME_MARKER.length + 1);
}

const tuple = (...items: PyValue[]): PyValue => ({ tuple: items });

function template(t: Template | null): PyValue {
  if (t === null) return null;
  // A duration's part carries "~" before its name, so _render prints it in words (see runtime.py).
  return tuple(...t.map((part) => (part.kind === "text" ? tuple(false, part.value) : tuple(true, part.duration ? `~${part.signal}` : part.signal))));
}

function condition(c: Cond): PyValue {
  switch (c.kind) {
    case "cmp":
      return tuple("cmp", c.signal, c.op, c.value);
    case "in":
      return tuple("in", c.signal, c.negated, tuple(...c.values));
    case "not":
      return tuple("not", condition(c.operand));
    case "and":
    case "or":
      return tuple(c.kind, tuple(...c.operands.map(condition)));
  }
}

function outcome(o: OutcomeModel): PyValue {
  return tuple(o.name, o.action, o.owner, o.ownerName, o.withinSeconds, o.urgency, tuple(...o.collect), tuple(...o.confirm));
}

function spec(s: SignalModel): PyValue {
  const t = s.type;
  const kind = t.kind === "number" ? (t.integer ? "int" : "number") : t.kind;
  return tuple(
    s.name,
    kind,
    t.kind === "number" ? t.min : null,
    t.kind === "number" ? t.max : null,
    t.kind === "enum" ? tuple(...t.members) : null,
    s.defaultValue !== undefined,
    s.defaultValue === undefined ? null : s.defaultValue,
  );
}

function ruleRow(model: ContractModel, r: RuleModel): PyValue {
  return tuple(outcome(r), condition(r.condition), tuple(...r.reads), template(r.reason), template(r.say), precedence(model.policy, r.action));
}

/** The Python type of a signal's value, for the `Signals` TypedDict. */
function signalType(s: SignalModel): string {
  const t = s.type;
  switch (t.kind) {
    case "bool":
      return "bool";
    case "text":
      return "str";
    case "enum":
      return `Literal[${t.members.map(pyStr).join(", ")}]`;
    case "duration":
      return "Union[int, float]";
    case "number":
      return t.integer ? "int" : "Union[int, float]";
  }
}

const HEADER = `"""A handoff decision module (generated; do not edit). Python 3.9+, standard library only.

decide(signals, context=None) -> Decision: what the assistant does this turn; never raises, never
mutates its arguments. validate(signals) -> Validation: {"ok": True, "signals": ...} or {"ok": False,
"problems": [...]}. CONTRACT: the contract this module was generated from (hash: SHA-256 of its source).
Every decision is JSON-equal to the TypeScript module's for the same input and context.
"""
from __future__ import annotations  # annotations are never evaluated: free at import and at run time

import sys as _sys

if _sys.version_info < (3, 9):  # pragma: no cover
    raise ImportError("this module needs Python 3.9 or later")

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

__all__ = ["decide", "validate", "CONTRACT", "Signals", "Context", "Problem", "Brief", "Decision", "Validation"]
`;

const TYPES = `Context = TypedDict(
    "Context",
    {"now": Union[str, int, float], "customer": Any, "issueType": str, "collected": Dict[str, Any], "evidence": List[Any], "priorActions": List[Any]},
    total=False,
)
Problem = TypedDict("Problem", {"signal": Optional[str], "problem": str})
_BriefBase = TypedDict(
    "_BriefBase",
    {
        "contract": str, "version": Optional[str], "rule": str, "action": str, "owner": Optional[str],
        "ownerName": Optional[str], "urgency": str, "deadline": Optional[str], "withinSeconds": Optional[Union[int, float]],
        "riskReason": Optional[str], "reasons": List[str], "evidence": Dict[str, Any], "customer": Any,
        "issueType": Optional[str], "priorActions": List[Any], "promisedNextStep": Optional[str],
        "collected": Dict[str, Any], "stillToCollect": List[str], "mustConfirm": List[str], "doNotReAsk": List[str],
    },
)


class Brief(_BriefBase, total=False):
    # present only in contracts with calendars
    deadlineLocal: Optional[str]
    businessTime: bool
    ownerOpen: Optional[bool]
    ownerOpensAt: Optional[str]


_DecisionBase = TypedDict(
    "_DecisionBase",
    {
        "action": str, "rule": str, "owner": Optional[str], "ownerName": Optional[str], "matched": List[str],
        "withinSeconds": Optional[Union[int, float]], "deadline": Optional[str], "urgency": str, "reasons": List[str],
        "say": Optional[str], "collect": List[str], "confirm": List[str], "doNotReAsk": List[str], "brief": Optional[Brief],
    },
)


class Decision(_DecisionBase, total=False):
    invalid: List[Problem]  # present only when rule is "invalid-input"
    # present only in contracts with calendars
    deadlineLocal: Optional[str]
    businessTime: bool
    ownerOpen: Optional[bool]
    ownerOpensAt: Optional[str]


Validation = Dict[str, Any]
`;

/** The generated Python module's source. */
export function generatePython(model: ContractModel, options: PythonOptions = {}): string {
  const plan = options.plan ?? choosePythonPlan(model, options.strategy);
  const match = plan.strategy === "indexed" ? indexedMatch(model, plan.index ?? undefined) : inlineMatch(model);
  const { signals: piiSignals, fields: piiFields } = piiNames(model);
  const signalsType =
    model.signals.length === 0
      ? `Signals = TypedDict("Signals", {}, total=False)`
      : `Signals = TypedDict(\n    "Signals",\n    {\n${model.signals.map((s) => `        ${pyStr(s.name)}: ${signalType(s)},\n`).join("")}    },\n    total=False,\n)`;
  const hash = /^[0-9a-f]+$/.test(model.sourceHash) ? ` (sha256 ${model.sourceHash})` : "";
  const lines = [
    `# Generated by handoff${hash}.`,
    HEADER,
    signalsType,
    TYPES,
    "CONTRACT: Dict[str, Any] = {",
    `    "name": ${pyStr(model.name)},`,
    `    "version": ${pyLiteral(model.version)},`,
    `    "policy": ${pyStr(model.policy)},`,
    `    "rules": (${model.rules.map((r) => `${pyStr(r.name)}, `).join("")}),`,
    `    "hash": ${pyStr(model.sourceHash)},`,
    `    "pii": {"signals": (${piiSignals.map((n) => `${pyStr(n)}, `).join("")}), "fields": (${piiFields.map((n) => `${pyStr(n)}, `).join("")})},`,
    "}",
    "",
    "# The contract as tables: signals (name, kind, min, max, members, hasDefault, default); rules",
    "# (outcome, condition, reads, reason, say, precedence); otherwise and on invalid (outcome, reason, say).",
    "_MODEL: Dict[str, Any] = {",
    `    "info": ${pyLiteral(tuple(model.name, model.version))},`,
    `    "signals": (\n${model.signals.map((s) => `        ${pyLiteral(spec(s))},\n`).join("")}    ),`,
    `    "rules": (\n${model.rules.map((r) => `        ${pyLiteral(ruleRow(model, r))},\n`).join("")}    ),`,
    `    "otherwise": ${model.otherwise === null ? "None" : pyLiteral(tuple(outcome(model.otherwise), template(model.otherwise.reason), template(model.otherwise.say)))},`,
    `    "onInvalid": ${pyLiteral(tuple(outcome(model.onInvalid), template(model.onInvalid.reason), template(model.onInvalid.say)))},`,
    "}",
    "",
    "",
    "def decide(signals: Any, context: Any = None) -> Decision:",
    '    """The decision for `signals` and `context`. Never raises: anything unexpected gives the fail-safe decision."""',
    "    return _decide(_MODEL, signals, context)  # type: ignore[return-value]",
    "",
    "",
    "def validate(signals: Any) -> Validation:",
    '    """The signals after defaults ({"ok": True, "signals": ...}) or every problem ({"ok": False, "problems": [...]})."""',
    '    return _validate(_MODEL["signals"], signals)',
    "",
    "",
    pythonRuntimeSource(),
    "",
    pythonStaffing(model),
    `# ---- matching: the ${plan.strategy} strategy ----`,
    "",
    '_RULES: Tuple[_Row, ...] = _MODEL["rules"]',
    match,
    "",
    "",
    '_MODEL["match"] = _match',
    "",
    "",
    "# ---- validation: the contract's signals on a plain dict ----",
    "",
    validSignals(model),
    "",
    "",
    '_MODEL["valid"] = _valid_signals',
    "",
  ];
  return lines.join("\n");
}
