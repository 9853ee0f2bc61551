/**
 * `_valid_signals(value)`: the validation `decide` tries first, written out per contract — one exact-type
 * test and the range checks per signal on a plain `dict`, as a person writes them. It answers only "every
 * signal is valid, and these are the values": anything else (a missing required signal, a wrong or
 * subclassed type, an int too large to be exactly a double, a dict subclass) returns None and the runtime's
 * generic `_validate` decides and says why. So the values it returns are exactly `_validate`'s, in the same
 * order, and the decision does not depend on which of the two answered (test/python/ compares both paths
 * with the TypeScript module).
 * INVARIANT: contract text reaches the output only through `pyStr` and numbers through `pyNumber`.
 */
import type { ContractModel, SignalModel } from "../model.ts";
import { pyNumber, pyStr } from "./literals.ts";

/** Integers whose magnitude is at most this are exactly a double, which `_validate` keeps as the int. */
const EXACT_INT = "9007199254740992";

/** The tests of one number or duration signal's value `v`, the first line opening with `first` (`if`/`elif`). */
function numberChecks(s: SignalModel, v: string, first: "if" | "elif"): string[] {
  const t = s.type;
  if (t.kind !== "number" && t.kind !== "duration") return [];
  const bounds: string[] = [];
  if (t.kind === "duration") bounds.push(`${v} >= 0`);
  else {
    if (t.min !== null) bounds.push(`${v} >= ${pyNumber(t.min)}`);
    if (t.max !== null) bounds.push(`${v} <= ${pyNumber(t.max)}`);
  }
  const integer = t.kind === "number" && t.integer;
  // A float must be finite (NaN fails every comparison), an int exactly a double.
  const floatOk = [`-_INF < ${v} < _INF`, ...bounds, ...(integer ? [`${v}.is_integer()`] : [])];
  const intOk = [`-${EXACT_INT} <= ${v} <= ${EXACT_INT}`, ...bounds];
  return [
    `    ${first} type(${v}) is float:`,
    `        if not (${floatOk.join(" and ")}):`,
    "            return None",
    `    elif type(${v}) is int:`,
    `        if not (${intOk.join(" and ")}):`,
    "            return None",
    "    else:",
    "        return None",
  ];
}

/** The condition under which a present value of a bool, text or enum signal is not plainly valid. */
function invalidWhen(s: SignalModel, i: number, v: string): string {
  const t = s.type;
  return t.kind === "bool" ? `type(${v}) is not bool` : t.kind === "text" ? `type(${v}) is not str` : `type(${v}) is not str or ${v} not in _MEMBERS_${i}`;
}

/**
 * Reads and tests signal `i` into `v<i>`. Without a default an absent value (`_ABSENT`) fails the type
 * test like any other non-value; with one it takes the default (valid by the checker).
 */
function signalChecks(s: SignalModel, i: number): string[] {
  const v = `v${i}`;
  const lines = [`    ${v} = get(${pyStr(s.name)}, _ABSENT)`];
  const numeric = s.type.kind === "number" || s.type.kind === "duration";
  if (s.defaultValue !== undefined) lines.push(`    if ${v} is _ABSENT:`, `        ${v} = _SPECS[${i}][6]`);
  const first = s.defaultValue === undefined ? "if" : "elif";
  if (numeric) return [...lines, ...numberChecks(s, v, first)];
  return [...lines, `    ${first} ${invalidWhen(s, i, v)}:`, "        return None"];
}

/** `_valid_signals` and the member sets its enum tests use, for the module's matching section. */
export function validSignals(model: ContractModel): string {
  const members = model.signals.flatMap((s, i) => (s.type.kind === "enum" ? [`_MEMBERS_${i} = frozenset({${s.type.members.map(pyStr).join(", ")}})`] : []));
  const out = [
    '_SPECS: Tuple[_Spec, ...] = _MODEL["signals"]',
    ...members,
    "",
    "",
    "def _valid_signals(value: Any) -> Optional[Dict[str, Any]]:",
    '    """The validated signals of a plain dict whose every signal is plainly valid; None for anything else."""',
    "    if type(value) is not dict:",
    "        return None",
    "    get = value.get",
    ...model.signals.flatMap((s, i) => signalChecks(s, i)),
    `    return {${model.signals.map((s, i) => `${pyStr(s.name)}: v${i}`).join(", ")}}`,
  ];
  return out.join("\n");
}
