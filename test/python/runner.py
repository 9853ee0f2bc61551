# Test driver: loads a generated module (importing it compiles it), fixes its clock, then for each JSON
# line {"i": input, "c": context} prints [decide(i, c), validate(i), mutated] as one compact JSON line
# (ensure_ascii, allow_nan=False: the result must be plain JSON), or {"error": ...} when anything raised.
# NaN/Infinity/-Infinity tokens and long integers in the lines carry values JSON.parse reads differently.
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("generated", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
clock = int(sys.argv[2])
module._clock_ms = lambda: clock
decide = module.decide
validate = module.validate
dumps = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode
loads = json.loads
write = sys.stdout.write
for line in sys.stdin:
    try:
        request = loads(line)
        signals, context = request["i"], request["c"]
        before = repr((signals, context))
        decision = decide(signals, context)
        validation = validate(signals)
        mutated = repr((signals, context)) != before
        write(dumps([decision, validation, mutated]) + "\n")
    except BaseException as error:  # reported, never fatal: the test names the input
        write(json.dumps({"error": repr(error)[:2000]}) + "\n")
