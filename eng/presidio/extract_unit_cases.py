"""Reads the cases (inputs and expected spans: facts) out of Presidio's recognizer unit tests.

Usage: python3 eng/presidio/extract_unit_cases.py <presidio git dir> <commit> > cases.jsonl

Only the literal data of each `pytest.mark.parametrize` with a `text` and expected positions is read (via
`ast.literal_eval`); no Presidio code is run or copied. One JSON line per case: the test file, the entity
the file's `entities` fixture names, the text and the expected [start, end) spans.
"""
import ast
import json
import subprocess
import sys

# Presidio's predefined recognizers for English plus the national ones this project has.
FILES = [
    "aba_routing", "credit_card", "crypto", "date", "email", "iban", "ip", "mac", "phone", "url",
    "us_bank", "us_driver_license", "us_itin", "us_passport", "us_ssn", "uk_nhs", "uk_nino",
    "au_abn", "au_acn", "au_tfn", "au_medicare", "sg_fin", "es_nif", "es_nie", "it_fiscal_code",
    "it_vat_code", "it_driver_license", "it_passport", "it_identity_card", "in_aadhaar", "in_pan",
    "in_passport", "in_vehicle_registration", "in_voter", "pl_pesel", "fi_personal_identity_code",
    "kr_rrn", "de_tax_id",
]


SPAN_KEYS = ("expected_positions", "expected_res", "expected_position")
CONFIGURING = {"leniency", "patterns", "regex", "context", "supported_language"}


def show(git_dir, commit, path):
    return subprocess.run(["git", "-C", git_dir, "show", f"{commit}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def fixture_entities(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "entities":
            for stmt in ast.walk(node):
                if isinstance(stmt, ast.Return):
                    return ast.literal_eval(stmt.value)
    return None


def parametrized(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") == "parametrize" and len(deco.args) >= 2:
                names = [n.strip() for n in ast.literal_eval(deco.args[0]).split(",")]
                if not isinstance(deco.args[1], (ast.List, ast.Tuple)):
                    continue
                values = []
                for element in deco.args[1].elts:
                    # A row built by a helper call is not literal data: left out.
                    try:
                        values.append(ast.literal_eval(element))
                    except ValueError:
                        continue
                yield node.name, names, values


def main():
    git_dir, commit = sys.argv[1], sys.argv[2]
    for name in FILES:
        path = f"presidio-analyzer/tests/test_{name}_recognizer.py"
        try:
            source = show(git_dir, commit, path)
        except subprocess.CalledProcessError:
            path = f"presidio-analyzer/tests/test_{name}_recognizer.py".replace("_recognizer", "")
            source = show(git_dir, commit, path)
        tree = ast.parse(source)
        entities = fixture_entities(tree)
        for test, names, values in parametrized(tree):
            text_key = next((k for k in ("text", "iban") if k in names), None)
            span_key = next((k for k in SPAN_KEYS if k in names), None)
            # Rows that configure their own recognizer (leniency, custom patterns) test options we lack.
            if text_key is None or span_key is None or "expected_len" not in names or set(names) & CONFIGURING:
                continue
            for row in values:
                case = dict(zip(names, row))
                spans = case[span_key]
                if span_key == "expected_position":
                    spans = [spans] if spans else []
                spans = [list(p) for p in spans][: case["expected_len"]]
                # Some rows give a count and no positions ("1, (), ()"): the count is what Presidio checks.
                types = case.get("entities") or entities or []
                entity = types[0] if types else None
                print(json.dumps({"file": path.rsplit("/", 1)[1], "test": test, "entity": entity,
                                  "text": case[text_key], "count": case["expected_len"], "spans": spans}, ensure_ascii=False))


if __name__ == "__main__":
    main()
