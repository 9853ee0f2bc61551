# Test driver: loads a generated module, fixes its clock, then for each JSON line {"i": input, "c": context}
# prints {"d": decide(i, c), "v": validate(i), "mutated": bool} as one JSON line. NaN/Infinity/-0.0 tokens
# in the input lines carry the JavaScript values JSON cannot.
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("generated", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
clock = int(sys.argv[2])
module._clock_ms = lambda: clock
out = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    signals, context = request["i"], request["c"]
    before = repr((signals, context))
    decision = module.decide(signals, context)
    validation = module.validate(signals)
    mutated = repr((signals, context)) != before
    out.write(json.dumps({"d": decision, "v": validation, "mutated": mutated}, ensure_ascii=True, allow_nan=False) + "\n")
