# Test driver: loads a generated module and, for each JSON line {"i": input}, prints whether the
# module's plain-dict validation (_valid_signals) vouched for the input and whether it agrees with the
# generic _validate: {"fast": bool, "agrees": bool}. Agreeing means: None, or exactly _validate's
# signals (same keys in the same order, same values of the same types). NaN/Infinity tokens as runner.py.
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("generated", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
for line in sys.stdin:
    signals = json.loads(line)["i"]
    fast = module._valid_signals(signals)
    slow = module._validate(module._SPECS, signals)
    if fast is None:
        agrees = True
    else:
        same = slow["ok"] and list(fast.items()) == list(slow["signals"].items())
        agrees = same and all(type(fast[k]) is type(slow["signals"][k]) for k in fast)
    sys.stdout.write(json.dumps({"fast": fast is not None, "agrees": agrees}) + "\n")
