# Times generated Python modules beside hand-written baselines in this one process (bench/python.ts).
# argv[1]: a JSON file {"inputs": path, "context": {...}, "rounds": n, "batch_ms": ms, "candidates":
# [{"name", "module": path} or {"name", "baseline": path, "shares": path of a module}], "check": [[name, name]]}.
# Checks that each pair in "check" gives JSON-identical decisions on every input, then runs one batch of
# each candidate per round, the order rotating, and prints {name: median ns per decision} as JSON.
import gc
import importlib.util
import json
import statistics
import sys
import time

config = json.load(open(sys.argv[1]))
inputs = json.load(open(config["inputs"]))
context = config["context"]
modules = {}


def load(path):
    if path not in modules:
        spec = importlib.util.spec_from_file_location("m%d" % len(modules), path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[path] = module
    return modules[path]


deciders = {}
for c in config["candidates"]:
    if "module" in c:
        deciders[c["name"]] = load(c["module"]).decide
    else:
        shared = load(c["shares"])
        space = {"_assemble": shared._assemble, "_read_context": shared._read_context, "_format_value": shared._format_value, "_format_duration": shared._format_duration}
        exec(compile(open(c["baseline"]).read(), c["baseline"], "exec"), space)
        deciders[c["name"]] = space["decide"]

for a, b in config["check"]:
    for x in inputs:
        left = json.dumps(deciders[a](x, context), sort_keys=True)
        right = json.dumps(deciders[b](x, context), sort_keys=True)
        if left != right:
            sys.exit("%s and %s disagree on %s:\n%s\n%s" % (a, b, json.dumps(x), left, right))


def batch(decide, k):
    n = len(inputs)
    start = time.perf_counter_ns()
    for i in range(k):
        decide(inputs[i % n], context)
    return time.perf_counter_ns() - start


sizes = {}
for name, decide in deciders.items():
    k = 16
    while True:
        batch(decide, k)
        ns = batch(decide, k)
        if ns >= 2e6:
            sizes[name] = max(1, round(k * config["batch_ms"] * 1e6 / ns))
            break
        k *= 2

names = list(deciders)
samples = {name: [] for name in names}
for r in range(config["rounds"] + 1):
    gc.collect()
    turn = r % len(names)
    for name in names[turn:] + names[:turn]:
        ns = batch(deciders[name], sizes[name])
        if r > 0:
            samples[name].append(ns / sizes[name])
print(json.dumps({name: statistics.median(s) for name, s in samples.items()}))
