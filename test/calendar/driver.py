# Runs runtime/python/calendar.py on JSON lines: each line [op, calendar-or-zone, ms, seconds?], op one of
# "isOpen", "nextOpening", "addBusinessTime", "localIso"; writes one JSON result a line. One process for a
# whole test; the same calendar text is one dict, as a generated module's constant would be.
import importlib.util
import json
import os
import sys

_path = os.path.join(os.path.dirname(__file__), "..", "..", "runtime", "python", "calendar.py")
_spec = importlib.util.spec_from_file_location("handoff_calendar", _path)
cal = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cal)

calendars = {}
for line in sys.stdin:
    if not line.strip():
        continue
    op, subject, ms, *rest = json.loads(line)
    if isinstance(subject, dict):
        key = json.dumps(subject, sort_keys=True)
        subject = calendars.setdefault(key, subject)
    if op == "isOpen":
        out = cal._is_open(subject, ms)
    elif op == "nextOpening":
        out = cal._next_opening(subject, ms)
    elif op == "addBusinessTime":
        out = cal._add_business_time(subject, ms, rest[0])
    elif op == "localIso":
        out = cal._local_iso(subject, ms)
    elif op == "bench":
        import time
        start = time.perf_counter()
        for i in range(rest[0]):
            cal._add_business_time(subject, ms + i * 60000, 4 * 3600)
        out = (time.perf_counter() - start) * 1e6 / rest[0]
    else:
        out = "unknown op"
    sys.stdout.write(json.dumps(out) + "\n")
