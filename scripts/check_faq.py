#!/usr/bin/env python3
"""Validates the knowledge-base entries under src/Yorisoi.Core/Knowledge/Data.

Checks every faq/*.md file: the YAML front matter parses, required fields are
present and well-typed, id matches the file name and is unique, audience and
category are valid, every product/keyword/salesForm code exists in the code
list, related ids exist, and the body is non-empty and within the length range
for its audience. Exits non-zero when any problem is found.
"""
import datetime
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "Yorisoi.Core" / "Knowledge" / "Data"
FAQ_DIR = DATA / "faq"
CATEGORIES = DATA / "categories.json"
CODELISTS = ROOT / "src" / "Yorisoi.Core" / "CodeLists" / "Data" / "codelists-2021.json"

REQUIRED = ["id", "audience", "category", "question", "summary", "products",
            "keywords", "salesForms", "laws", "related", "reviewDue"]
LIST_FIELDS = ["products", "keywords", "salesForms", "laws", "related"]
AUDIENCES = {"public", "internal"}
BODY_LENGTH = {"public": (300, 900), "internal": (400, 1500)}
# Public answers must point to the hotline; counselor notes keep the agreed section layout.
REQUIRED_MARKERS = {
    "public": ["## ", "188"],
    "internal": ["## 聴き取りのポイント", "法的根拠", "## 注意点"],
}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def collect_codes(nodes, level2_only):
    codes = set()
    for node in nodes:
        children = node.get("children") or []
        if children:
            codes |= {c["code"] for c in children}
            if not level2_only:
                codes.add(node["code"])
        elif not level2_only:
            codes.add(node["code"])
    return codes


def load_code_sets():
    lists = json.loads(CODELISTS.read_text(encoding="utf-8"))["lists"]
    return {
        "products": collect_codes(lists["product"], level2_only=True),
        "keywords": collect_codes(lists["keyword"], level2_only=True),
        "salesForms": {e["code"] for e in lists["salesForm"]},
    }


def body_length(body):
    return len(re.sub(r"\s", "", body))


def main():
    problems = []
    categories = json.loads(CATEGORIES.read_text(encoding="utf-8"))
    category_ids = [c["id"] for c in categories]
    for c in categories:
        for field in ("id", "name", "easyName", "englishName", "order"):
            if field not in c:
                problems.append(f"categories.json: {c.get('id')}: missing {field}")
    if len(set(category_ids)) != len(category_ids):
        problems.append("categories.json: duplicate category ids")
    orders = [c.get("order") for c in categories]
    if len(set(orders)) != len(orders):
        problems.append("categories.json: duplicate order values")

    codes = load_code_sets()
    entries = {}
    for path in sorted(FAQ_DIR.glob("*.md")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if not match:
            problems.append(f"{path.name}: no front matter block")
            continue
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: front matter does not parse: {error}")
            continue
        if not isinstance(meta, dict):
            problems.append(f"{path.name}: front matter is not a mapping")
            continue
        body = match.group(2).strip()
        for field in REQUIRED:
            if field not in meta or meta[field] is None:
                problems.append(f"{path.name}: missing {field}")
        for field in LIST_FIELDS:
            value = meta.get(field)
            if value is not None and not isinstance(value, list):
                problems.append(f"{path.name}: {field} is not a list")
            elif value and not all(isinstance(v, str) for v in value):
                problems.append(f"{path.name}: {field} has non-string items (quote codes)")
        for field in ("question", "summary"):
            if not isinstance(meta.get(field), str) or not meta.get(field, "").strip():
                problems.append(f"{path.name}: {field} is empty")
        if not isinstance(meta.get("reviewDue"), datetime.date):
            problems.append(f"{path.name}: reviewDue is not a date")
        entry_id = meta.get("id")
        if entry_id != name:
            problems.append(f"{path.name}: id {entry_id!r} differs from file name")
        if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
            problems.append(f"{path.name}: id is not a lowercase ASCII slug")
        if entry_id in entries:
            problems.append(f"{path.name}: duplicate id {entry_id}")
        audience = meta.get("audience")
        if audience not in AUDIENCES:
            problems.append(f"{path.name}: invalid audience {audience!r}")
        if meta.get("category") not in category_ids:
            problems.append(f"{path.name}: unknown category {meta.get('category')!r}")
        if not meta.get("products"):
            problems.append(f"{path.name}: products is empty")
        for field in ("products", "keywords", "salesForms"):
            for code in meta.get(field) or []:
                if code not in codes[field]:
                    problems.append(f"{path.name}: unknown {field} code {code!r}")
        if not body:
            problems.append(f"{path.name}: body is empty")
        elif audience in BODY_LENGTH:
            low, high = BODY_LENGTH[audience]
            length = body_length(body)
            if not low <= length <= high:
                problems.append(f"{path.name}: body has {length} characters, expected {low}-{high}")
            for marker in REQUIRED_MARKERS[audience]:
                if marker not in body:
                    problems.append(f"{path.name}: body lacks {marker!r}")
        entries[entry_id] = meta

    for entry_id, meta in entries.items():
        for related in meta.get("related") or []:
            if related == entry_id:
                problems.append(f"{entry_id}: relates to itself")
            elif related not in entries:
                problems.append(f"{entry_id}: related id {related!r} does not exist")

    questions = {}
    for entry_id, meta in entries.items():
        question = meta.get("question")
        if question in questions:
            problems.append(f"{entry_id}: same question as {questions[question]}")
        questions[question] = entry_id

    counts = {}
    for meta in entries.values():
        key = (meta.get("audience"), meta.get("category"))
        counts[key] = counts.get(key, 0) + 1
    for audience in sorted(AUDIENCES):
        total = sum(v for (a, _), v in counts.items() if a == audience)
        print(f"{audience}: {total}")
        for category in category_ids:
            if counts.get((audience, category)):
                print(f"  {category}: {counts[(audience, category)]}")
    for problem in problems:
        print("ERROR", problem)
    print(f"{len(entries)} entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
