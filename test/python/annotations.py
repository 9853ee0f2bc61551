# The annotation checks of test/python/annotations.test.ts, standard library only (mypy is not run).
# argv: "import" or "parse", then .py files. Prints one JSON line per file: {"problems": [...]}, each
# problem naming its line. With "import" each file is also loaded and every annotation evaluated in its
# globals, and a module with `decide` must decide: decide({}) and decide(None) give a decision dict.
#   - the file parses with ast.parse(source, feature_version=(3, 9));
#   - every def (nested ones and methods too) has a return annotation, and every parameter but a
#     method's first (self/cls) an annotation, *args and **kwargs included; a lambda has none to give;
#   - no bare `except:`;
#   - with "import": every annotation (of a def, a parameter or a variable, nested ones too) is an
#     expression that evaluates in the module's globals under Python 3.9 rules (typing names, no `X | Y`,
#     no builtin generics such as `list[int]`), so the module means the same without its
#     `from __future__ import annotations`.
import ast
import importlib.util
import json
import os
import sys
from typing import Any, Dict, List, Optional, Tuple

_BUILTIN_GENERICS = frozenset({"list", "dict", "tuple", "set", "frozenset", "type"})


def _def_problems(node: ast.AST, in_class: bool, out: List[str]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            where = "line %d: def %s" % (child.lineno, child.name)
            if child.returns is None:
                out.append(where + " has no return annotation")
            args = child.args
            positional = args.posonlyargs + args.args
            is_method = in_class and not any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in child.decorator_list)
            for i, arg in enumerate(positional + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a is not None]):
                if i == 0 and is_method and positional and arg is positional[0]:
                    continue
                if arg.annotation is None:
                    out.append(where + ": parameter %s has no annotation" % arg.arg)
            _def_problems(child, False, out)
        elif isinstance(child, ast.ClassDef):
            _def_problems(child, True, out)
        else:
            _def_problems(child, in_class, out)


def _annotations(tree: ast.AST) -> List[Tuple[int, ast.expr]]:
    found: List[Tuple[int, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            found.append((node.lineno, node.returns))
        elif isinstance(node, ast.arg) and node.annotation is not None:
            found.append((node.lineno, node.annotation))
        elif isinstance(node, ast.AnnAssign):
            found.append((node.lineno, node.annotation))
    # A string annotation (a forward reference) is checked as the expression it holds.
    return [(line, _unquoted(a)) for line, a in found]


def _unquoted(annotation: ast.expr) -> ast.expr:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return ast.parse(annotation.value, mode="eval").body
    return annotation


def _syntax_problems(line: int, annotation: ast.expr, out: List[str]) -> None:
    for node in ast.walk(annotation):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            out.append("line %d: annotation uses `X | Y` (Python 3.10)" % line)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in _BUILTIN_GENERICS:
            out.append("line %d: annotation subscripts the builtin %s (Python 3.9 only in annotations)" % (line, node.value.id))


def check(path: str, load: bool) -> List[str]:
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        tree = ast.parse(source, filename=path, feature_version=(3, 9))
    except SyntaxError as e:
        return ["does not parse as Python 3.9: %s" % e]
    problems: List[str] = []
    _def_problems(tree, False, problems)
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is None:
            problems.append("line %d: bare `except:`" % node.lineno)
    annotations = _annotations(tree)
    for line, annotation in annotations:
        _syntax_problems(line, annotation, problems)
    if load:
        sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
        spec = importlib.util.spec_from_file_location("checked_%d" % abs(hash(path)), path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        names: Dict[str, Any] = vars(module)
        for line, annotation in annotations:
            text: Optional[str] = ast.unparse(annotation) if hasattr(ast, "unparse") else None
            try:
                eval(compile(ast.Expression(annotation), path, "eval"), dict(names))
            except Exception as e:
                problems.append("line %d: annotation %s does not evaluate: %r" % (line, text, e))
        decide = names.get("decide")
        if decide is not None:
            for signals in ({}, None):
                decision = decide(signals)
                if not isinstance(decision, dict) or not isinstance(decision.get("action"), str):
                    problems.append("decide(%r) gave %r" % (signals, decision))
    return problems


if __name__ == "__main__":
    for file in sys.argv[2:]:
        sys.stdout.write(json.dumps({"problems": check(file, sys.argv[1] == "import")}) + "\n")
