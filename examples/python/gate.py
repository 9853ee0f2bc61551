"""A deterministic handoff gate, called before each assistant turn.

Build the module beside this file first, then run the recipe (Python 3.9+, standard library only):

    npx handoff build examples/support.handoff --target python --out examples/python
    python3 examples/python/gate.py

Before the assistant drafts a reply, the gate asks the contract what this turn is. On `answer` the
assistant replies as usual; on `route`, `escalate` or `stop` it sends the decision's `say` to the
customer and hands the conversation over with the brief, and drafts nothing.
"""
import json

import support  # the generated module: support.py, built from examples/support.handoff

# What the customer reads when a handoff has no `say` of its own.
FALLBACK_SAY = "A colleague will take over this conversation."


def gate(signals, context, draft_reply, hand_off):
    """This turn's reply and decision: the assistant drafts (`draft_reply()`) only when the contract says answer."""
    decision = support.decide(signals, context)  # never raises: bad signals give the `on invalid` decision
    if decision["action"] == "answer":
        return draft_reply(), decision
    hand_off(decision)
    return decision["say"] or FALLBACK_SAY, decision


def main():
    context = {
        "now": "2026-11-12T18:40:00Z",
        "customer": {"id": "C-48213"},
        "issueType": "Login fails after the update",
        "collected": {"accountNumber": "AC-20931"},
    }
    turns = [
        # A plain question from a calm customer: the assistant answers.
        {"sentiment": 0.3, "repeatContact": False, "contactCount": 1, "tier": "pro", "topic": "technical", "language": "en", "waiting": 40},
        # The same customer, upset, writing again: a senior colleague takes over within 2 hours.
        {"sentiment": -0.8, "repeatContact": True, "contactCount": 2, "tier": "pro", "topic": "technical", "language": "en", "waiting": 600},
        # A classifier bug sends a sentiment the contract does not accept: the gate fails safe.
        {"sentiment": "very negative", "repeatContact": True, "contactCount": 2, "tier": "pro", "topic": "technical", "language": "en", "waiting": 600},
    ]

    def draft_reply():
        return "(the assistant's own answer)"

    def hand_off(decision):
        # A real service opens a ticket or pages the owner here; the brief is plain JSON.
        brief = decision["brief"]
        print("  handoff: " + brief["action"] + " to " + str(brief["ownerName"]) + " by " + str(brief["deadline"]))
        print("  brief: " + json.dumps({key: brief[key] for key in ("reasons", "stillToCollect", "doNotReAsk")}))

    for turn, signals in enumerate(turns, start=1):
        print("turn " + str(turn) + ":")
        reply, decision = gate(signals, context, draft_reply, hand_off)
        print("  decision: " + decision["action"] + " (rule " + decision["rule"] + ")")
        print("  assistant: " + reply)


if __name__ == "__main__":
    main()
