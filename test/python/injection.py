# Injection driver (standard library only): for each generated module in the spec (argv[1], JSON:
# [{"file", "lines": [{"i", "c"}]}]), reports the shape of its syntax tree (every str constant
# blanked, so two modules differing only in their strings have the same shape), whether loading it
# printed anything, raised, exited or set builtins.PWNED (what the payloads do if they run as code),
# its CONTRACT, and [decide(i, c), validate(i)] for each line. One JSON line per module.
import ast
import builtins
import contextlib
import importlib.util
import io
import json
import sys


class Blank(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(value="") if isinstance(node.value, str) else node


def shape(path):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    return ast.dump(Blank().visit(tree))


with open(sys.argv[1], encoding="utf-8") as f:
    entries = json.load(f)
for n, entry in enumerate(entries):
    report = {"shape": shape(entry["file"]), "loaded": False, "printed": "", "pwned": False}
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            spec = importlib.util.spec_from_file_location("injected%d" % n, entry["file"])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        report["loaded"] = True
    except BaseException as error:  # SystemExit included: a payload that ran would be caught here
        report["error"] = repr(error)
    report["printed"] = printed.getvalue()
    report["pwned"] = hasattr(builtins, "PWNED")
    if report["loaded"]:
        module._clock_ms = lambda: 0
        report["contract"] = module.CONTRACT
        report["results"] = [[module.decide(line["i"], line["c"]), module.validate(line["i"])] for line in entry["lines"]]
    sys.stdout.write(json.dumps(report, ensure_ascii=True, allow_nan=False) + "\n")
