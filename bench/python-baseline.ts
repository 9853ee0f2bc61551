/**
 * The hand-written Python baseline for the synthetic contracts (bench/synthetic.ts): what a person writes
 * without handoff. Validation is typed out once for the synthetic signals (isinstance checks and range
 * tests on plain dict reads, defaults with `.get`); the rules, which change with the contract, are printed
 * in the obvious naive way — one `if` per rule on `s["name"]` reads, appending its number, then the
 * winner by a severity table, the reasons (a table of functions) and one `_assemble` call. Like bench/handwritten-support.ts it
 * shares the decision assembly (`_assemble`, `_read_context`, injected from the generated module), so the
 * two compare validation and matching; invalid input gets a crude answer (the benchmark feeds valid input
 * only and checks both give the same decision on every input).
 */
import type { Cond, ContractModel, Template } from "../compiler/model.ts";
import { precedence } from "../compiler/policy.ts";
import { pyLiteral, pyStr } from "../compiler/python/literals.ts";

/** Reading and validating the synthetic contract's 20 signals, as written by hand. */
const VALIDATION = `def _number(v, low=None, high=None):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and v not in (INF, -INF) and (low is None or v >= low) and (high is None or v <= high)


def _integer(v, low=None, high=None):
    return _number(v, low, high) and v == int(v)


def decide(signals, context=None):
    ctx = _read_context(context)
    if not isinstance(signals, dict):
        return _assemble(INFO, INVALID, [], ["invalid"], None, {}, ctx, [{"signal": None, "problem": "invalid"}])
    s = {
        "sentiment": signals.get("sentiment"),
        "repeatContact": signals.get("repeatContact"),
        "contactCount": signals.get("contactCount"),
        "unresolvedDays": signals.get("unresolvedDays"),
        "lifetimeValue": signals.get("lifetimeValue"),
        "confidence": signals.get("confidence"),
        "waiting": signals.get("waiting"),
        "topic": signals.get("topic"),
        "region": signals.get("region"),
        "tier": signals.get("tier"),
        "channel": signals.get("channel"),
        "language": signals.get("language"),
        "asksForHuman": signals.get("asksForHuman", False),
        "missedPromise": signals.get("missedPromise", False),
        "priorHandoffFailed": signals.get("priorHandoffFailed", False),
        "discountAsked": signals.get("discountAsked", False),
        "businessHours": signals.get("businessHours", True),
        "firstTimeLead": signals.get("firstTimeLead", False),
        "languageChanged": signals.get("languageChanged", False),
        "customerName": signals.get("customerName", ""),
    }
    ok = (
        _number(s["sentiment"], -1, 1)
        and isinstance(s["repeatContact"], bool)
        and _integer(s["contactCount"], 0)
        and _integer(s["unresolvedDays"], 0, 365)
        and _number(s["lifetimeValue"], 0)
        and _number(s["confidence"], 0, 1)
        and _number(s["waiting"], 0)
        and s["topic"] in ("billing", "pricing", "technical", "shipping", "returns", "account", "legal", "medical", "other")
        and s["region"] in ("eu", "us", "apac", "latam")
        and s["tier"] in ("free", "pro", "business", "enterprise")
        and s["channel"] in ("chat", "voice", "email", "whatsapp")
        and isinstance(s["language"], str)
        and isinstance(s["asksForHuman"], bool)
        and isinstance(s["missedPromise"], bool)
        and isinstance(s["priorHandoffFailed"], bool)
        and isinstance(s["discountAsked"], bool)
        and isinstance(s["businessHours"], bool)
        and isinstance(s["firstTimeLead"], bool)
        and isinstance(s["languageChanged"], bool)
        and isinstance(s["customerName"], str)
    )
    if not ok:
        return _assemble(INFO, INVALID, [], ["invalid"], None, {}, ctx, [{"signal": None, "problem": "invalid"}])
`;

const SIGNALS = ["sentiment", "repeatContact", "contactCount", "unresolvedDays", "lifetimeValue", "confidence", "waiting", "topic", "region", "tier", "channel", "language", "asksForHuman", "missedPromise", "priorHandoffFailed", "discountAsked", "businessHours", "firstTimeLead", "languageChanged", "customerName"];

/** The baseline's source for a synthetic contract; throws for any other contract. */
export function handwrittenPython(model: ContractModel): string {
  if (model.signals.map((s) => s.name).join() !== SIGNALS.join() || !model.name.startsWith("synthetic-")) {
    throw new Error("bench/python-baseline.ts: the baseline is written for the synthetic contracts' signals only");
  }
  const lines = [
    `# ${model.name} written by hand (bench/python-baseline.ts). _assemble and _read_context come from the generated module.`,
    'INF = float("inf")',
    `INFO = (${pyStr(model.name)}, ${pyLiteral(model.version)})`,
    'INVALID = ("invalid-input", "stop", None, None, None, "high", (), ())',
    'OTHERWISE = ("otherwise", "answer", None, None, None, "low", (), ())',
    "# Per rule: (name, action, owner, ownerName, withinSeconds, urgency, collect, confirm).",
    "OUTCOMES = (",
    ...model.rules.map((r) => `    ${pyLiteral({ tuple: [r.name, r.action, r.owner, r.ownerName, r.withinSeconds, r.urgency, { tuple: r.collect }, { tuple: r.confirm }] })},`),
    ")",
    `SEVERITY = (${model.rules.map((r) => precedence(model.policy, r.action)).join(", ")})`,
    `READS = (${model.rules.map((r) => `${pyLiteral({ tuple: r.reads })}, `).join("")})`,
    `SAYS = (${model.rules.map((r) => `${r.say === null ? "None" : template(r.say)}, `).join("")})`,
    "",
    "",
    "# Per rule, None or a function of the signals giving its reason.",
    "REASONS = (",
    ...model.rules.map((r) => (r.reason === null ? "    None," : `    lambda s: ${template(r.reason)},`)),
    ")",
    "",
    "",
    VALIDATION,
    "    m = []",
    ...model.rules.flatMap((r, i) => [`    if ${naive(r.condition)}:`, `        m.append(${i})`]),
    "    if not m:",
    "        return _assemble(INFO, OTHERWISE, [], [], None, {}, ctx, None)",
    "    w = m[0]",
    "    for i in m:",
    "        if SEVERITY[i] > SEVERITY[w]:",
    "            w = i",
    "    reasons = []",
    "    if REASONS[w] is not None:",
    "        reasons.append(REASONS[w](s))",
    "    for i in m:",
    "        if i != w and REASONS[i] is not None:",
    "            reasons.append(REASONS[i](s))",
    "    evidence = {}",
    "    for k in READS[w]:",
    "        evidence[k] = s[k]",
    "    return _assemble(INFO, OUTCOMES[w], [OUTCOMES[i][0] for i in m], reasons, SAYS[w], evidence, ctx, None)",
    "",
  ];
  return lines.join("\n");
}

/** A condition as a person writes it: `s["name"] < 3 and s["flag"]`. */
function naive(c: Cond): string {
  switch (c.kind) {
    case "cmp":
      if (typeof c.value === "boolean" && (c.op === "==" || c.op === "!=")) return (c.value === (c.op === "==")) ? `s[${pyStr(c.signal)}]` : `not s[${pyStr(c.signal)}]`;
      return `s[${pyStr(c.signal)}] ${c.op} ${pyLiteral(c.value)}`;
    case "in":
      return `s[${pyStr(c.signal)}] ${c.negated ? "not in" : "in"} (${c.values.map(pyLiteral).join(", ")}${c.values.length === 1 ? "," : ""})`;
    case "not":
      return `not (${naive(c.operand)})`;
    case "and":
    case "or":
      return c.operands.map((o) => (o.kind === "and" || o.kind === "or" ? `(${naive(o)})` : naive(o))).join(` ${c.kind} `);
  }
}

/** A reason or say: a string literal, or concatenation with `str()` of the signals (ints and texts here). */
function template(t: Template): string {
  return t.map((part) => (part.kind === "text" ? pyStr(part.value) : `str(s[${pyStr(part.signal)}])`)).join(" + ") || '""';
}
