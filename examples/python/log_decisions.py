"""Decision logs from a Python service, in the format `handoff review` and `handoff replay` read.

Build the module beside this file first, then run the recipe (Python 3.9+, standard library only):

    npx handoff build examples/support.handoff --target python --out examples/python
    python3 examples/python/log_decisions.py decisions.jsonl
    npx handoff review decisions.jsonl --contract examples/support.handoff

`DecisionLog` turns each decision and each conversation event into one JSON line (docs/review.md, "The
log format"; docs/schema/decision-line.schema.json), with the values of the signals and fields the
contract marks `pii` replaced by "[redacted]", as runtime/log.ts does for TypeScript hosts. It returns
lines and writes nothing: the service decides where they go. The loop below plays four scripted
conversations and appends their lines to the file named on the command line.
"""
import json
import math
import re
import sys
from datetime import datetime, timedelta, timezone

import support  # the generated module: support.py, built from examples/support.handoff

REDACTED = "[redacted]"
EVENTS = ("asked-for-human", "handoff-accepted", "handoff-resolved", "customer-confused", "reopened", "repeat-question")


def iso(moment):
    """An aware datetime as ISO-8601 UTC with milliseconds, as the TypeScript side writes it."""
    utc = moment.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (utc.microsecond // 1000)


def _instant(now):
    """`context["now"]` (ISO-8601 with a zone, or epoch milliseconds) as ISO UTC, or None."""
    try:
        if isinstance(now, (int, float)) and not isinstance(now, bool):
            return iso(datetime.fromtimestamp(now / 1000, timezone.utc))
        if isinstance(now, str):
            moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
            return iso(moment) if moment.tzinfo is not None else None
    except (ValueError, OverflowError, OSError):
        pass
    return None


class _NotJson(Exception):
    pass


def _json(value):
    """A copy made of JSON values only: NaN and infinities become None; anything else not JSON raises _NotJson."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: _json(item) for key, item in value.items()}
    raise _NotJson()


def _json_or(value, default):
    try:
        return _json(value)
    except (_NotJson, RecursionError):
        return default


def _text_of(value):
    """How a reason or say prints a signal's value (JavaScript's String(value))."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class DecisionLog:
    """Log lines for one contract version: `CONTRACT` of a generated module will do."""

    def __init__(self, contract):
        self.contract = {"name": contract["name"], "version": contract["version"], "hash": contract["hash"]}
        pii = contract.get("pii") or {}
        self.pii_signals = frozenset(pii.get("signals", ()))
        self.pii_fields = frozenset(pii.get("fields", ()))

    def decision(self, conversation_id, turn, signals, context, decision, ts=None):
        """One line (no newline) for a decision; `ts` (an aware datetime) defaults to now."""
        stamp = iso(ts or datetime.now(timezone.utc))
        copied = {}
        if isinstance(signals, dict):
            for key, value in signals.items():
                if isinstance(key, str):
                    try:
                        copied[key] = _json(value)
                    except (_NotJson, RecursionError):
                        pass  # a value that is not JSON is left out, as the TypeScript logger does
        texts = sorted((_text_of(copied[name]) for name in self.pii_signals if isinstance(copied.get(name), (str, int, float))), key=len, reverse=True)
        line = {
            "type": "decision",
            "ts": stamp,
            "conversationId": str(conversation_id),
            "turn": turn,
            "contract": self.contract,
            "signals": self._redact(copied, self.pii_signals),
            "context": self._context(context, stamp),
            "decision": self._redact_decision(decision, [t for t in texts if t]),
        }
        return json.dumps(line, separators=(",", ":"), allow_nan=False)

    def event(self, conversation_id, turn, event, ts=None):
        """One line (no newline) for a conversation event; raises ValueError on an unknown event."""
        if event not in EVENTS:
            raise ValueError("unknown conversation event %r (known: %s)" % (event, ", ".join(EVENTS)))
        line = {"type": "event", "ts": iso(ts or datetime.now(timezone.utc)), "conversationId": str(conversation_id), "turn": turn, "event": event}
        return json.dumps(line, separators=(",", ":"), allow_nan=False)

    @staticmethod
    def _redact(record, names):
        return {key: (REDACTED if key in names else value) for key, value in record.items()}

    def _context(self, context, stamp):
        """The context as decide() reads it: malformed parts dropped, `now` always set."""
        context = context if isinstance(context, dict) else {}
        collected = _json_or(context.get("collected"), {})
        evidence = _json_or(context.get("evidence"), [])
        prior = _json_or(context.get("priorActions"), [])
        issue = context.get("issueType")
        return {
            "now": _instant(context.get("now")) or stamp,
            "customer": _json_or(context.get("customer"), None),
            "issueType": issue if isinstance(issue, str) else None,
            "collected": self._redact(collected, self.pii_fields) if isinstance(collected, dict) else {},
            "evidence": evidence if isinstance(evidence, list) else [],
            "priorActions": prior if isinstance(prior, list) else [],
        }

    def _redact_decision(self, decision, texts):
        copy = _json(decision)  # a copy: the caller's decision is never changed
        if not self.pii_signals and not self.pii_fields:
            return copy

        def scrub(text):
            for t in texts if text is not None else ():
                text = text.replace(t, REDACTED)
            return text

        copy["reasons"] = [scrub(r) for r in copy["reasons"]]
        copy["say"] = scrub(copy["say"])
        for problem in copy.get("invalid", ()):
            if problem["signal"] in self.pii_signals:
                problem["problem"] = re.sub(r", got .*$", ", got " + REDACTED, problem["problem"], flags=re.S)
        brief = copy["brief"]
        if brief is not None:
            brief["riskReason"] = scrub(brief["riskReason"])
            brief["reasons"] = [scrub(r) for r in brief["reasons"]]
            brief["promisedNextStep"] = scrub(brief["promisedNextStep"])
            brief["evidence"]["signals"] = self._redact(brief["evidence"]["signals"], self.pii_signals)
            brief["collected"] = self._redact(brief["collected"], self.pii_fields)
        return copy


# Four scripted conversations: (conversation, turn, minutes after the start, signals or an event).
BASE = {"repeatContact": False, "contactCount": 1, "tier": "pro", "topic": "technical", "language": "en", "waiting": 30, "sentiment": 0.2}
SCRIPT = [
    ("chat-1", 1, 0, BASE),
    ("chat-1", 2, 3, "asked-for-human"),
    ("chat-1", 2, 3, dict(BASE, asksForHuman=True)),
    ("chat-1", 2, 9, "handoff-accepted"),
    ("chat-2", 1, 5, dict(BASE, sentiment=-0.8, repeatContact=True, contactCount=2)),
    ("chat-2", 1, 40, "handoff-accepted"),
    ("chat-2", 1, 95, "handoff-resolved"),
    ("chat-3", 1, 12, dict(BASE, topic="medical")),
    ("chat-3", 2, 13, "customer-confused"),
    ("chat-4", 1, 20, dict(BASE, sentiment=float("nan"))),
]


def main(path):
    log = DecisionLog(support.CONTRACT)
    start = datetime(2026, 11, 12, 9, 0, tzinfo=timezone.utc)
    counts = {"decision": 0, "event": 0}
    with open(path, "a", encoding="utf-8") as out:
        for conversation, turn, minutes, step in SCRIPT:
            ts = start + timedelta(minutes=minutes)
            if isinstance(step, str):
                line = log.event(conversation, turn, step, ts)
                counts["event"] += 1
            else:
                context = {"now": iso(ts), "customer": {"id": "C-" + conversation}, "collected": {"email": "customer@example.com"}}
                decision = support.decide(step, context)
                line = log.decision(conversation, turn, step, context, decision, ts)
                counts["decision"] += 1
                print("%s turn %d: %s (rule %s)" % (conversation, turn, decision["action"], decision["rule"]))
            out.write(line + "\n")  # one write per line, newline included
    print("appended %d decisions and %d events to %s" % (counts["decision"], counts["event"], path))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "decisions.jsonl")
