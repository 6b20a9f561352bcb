#!/usr/bin/env python3
"""Validates the hand-written evaluation sets under tests/Evaluation.

faq-queries.jsonl (search quality) and narratives.jsonl (classification quality)
are checked line by line: each line is one JSON object with the expected fields,
ids are unique and well-formed, every referenced FAQ id exists (public entries
only for the public-search queries), every code exists in the code list, and the
agreed minimums hold (set sizes, styles, every public entry covered by a query,
spread over product and sales-form codes).

Because the sets must measure quality on wording the knowledge base has never
seen, a query or narrative that copies a long run of characters from an entry's
question/summary or from the synthetic generator templates is reported too.

Prints a summary and exits non-zero when any problem is found.
"""
import collections
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "tests" / "Evaluation"
QUERIES = EVAL_DIR / "faq-queries.jsonl"
NARRATIVES = EVAL_DIR / "narratives.jsonl"
DATA = ROOT / "src" / "Yorisoi.Core" / "Knowledge" / "Data"
FAQ_DIR = DATA / "faq"
CATEGORIES = DATA / "categories.json"
CODELISTS = ROOT / "src" / "Yorisoi.Core" / "CodeLists" / "Data" / "codelists-2021.json"
SCENARIOS = ROOT / "src" / "Yorisoi.Core" / "Demo" / "Data" / "scenarios.json"

STYLES = {"colloquial", "keywords", "hiragana", "misspelled", "long",
          "business-name", "english-mixed", "question"}
MIN_QUERIES = 170
MIN_NARRATIVES = 110
MIN_PRODUCTS = 25
MIN_PER_SALES_FORM = 3
MIN_PER_STYLE = 8
QUERY_RELEVANT = (1, 4)
NARRATIVE_RELEVANT = (1, 5)
NARRATIVE_LENGTH = (40, 1200)
# Longest run of characters a query may share with an entry's question or summary,
# and a narrative with a generator template, before it counts as copied wording.
QUERY_COPY_LIMIT = 12
NARRATIVE_COPY_LIMIT = 18
QUERY_ID = re.compile(r"^q\d{3,}$")
NARRATIVE_ID = re.compile(r"^n\d{3,}$")
HIRAGANA_ONLY = re.compile(r"^[\u3041-\u309f\u30fc\s\u3000・ー0-9０-９]+$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
PLACEHOLDER = re.compile(r"\{[a-z]+\}")


def load_entries():
    entries = {}
    for path in sorted(FAQ_DIR.glob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match:
            meta = yaml.safe_load(match.group(1))
            entries[meta["id"]] = meta
    return entries


def load_codes():
    lists = json.loads(CODELISTS.read_text(encoding="utf-8"))["lists"]
    products = {c["code"] for p in lists["product"] for c in p.get("children") or []}
    keywords = {c["code"] for k in lists["keyword"] for c in k.get("children") or []}
    sales_forms = {e["code"] for e in lists["salesForm"]}
    results = {e["code"] for e in lists["result"]}
    return products, keywords, sales_forms, results


def template_texts():
    data = json.loads(SCENARIOS.read_text(encoding="utf-8"))
    texts = [n for s in data["scenarios"] for n in s.get("narratives", [])]
    for values in data.get("fragments", {}).values():
        texts.extend(values)
    # Placeholders are not wording; split on them so runs never span a substitution.
    return [part for t in texts for part in PLACEHOLDER.split(t) if part]


def shared_run(text, sources, limit):
    """Returns the first run of limit+1 characters of text found in any source, else None."""
    size = limit + 1
    for start in range(0, len(text) - size + 1):
        piece = text[start:start + size]
        if any(piece in s for s in sources):
            return piece
    return None


def read_jsonl(path, problems):
    rows = []
    if not path.exists():
        problems.append(f"{path.name}: missing")
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"{path.name}:{number}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON: {error}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path.name}:{number}: not an object")
            continue
        row["_line"] = number
        rows.append(row)
    return rows


def check_id_list(where, value, bounds, allowed, known, problems, label):
    low, high = bounds
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: {label} is not a list of strings")
        return []
    if not low <= len(value) <= high:
        problems.append(f"{where}: {label} has {len(value)} ids, expected {low}-{high}")
    if len(set(value)) != len(value):
        problems.append(f"{where}: {label} repeats an id")
    for v in value:
        if v not in known:
            problems.append(f"{where}: {label} id {v!r} does not exist")
        elif v not in allowed:
            problems.append(f"{where}: {label} id {v!r} is an internal entry; public search may only expect public entries")
    return value


def check_queries(entries, problems):
    rows = read_jsonl(QUERIES, problems)
    public = {i for i, m in entries.items() if m.get("audience") == "public"}
    seen_ids, seen_text = set(), {}
    entry_text = [m.get("question", "") for m in entries.values()] + \
                 [m.get("summary", "") for m in entries.values()]
    styles = collections.Counter()
    categories = collections.Counter()
    covered = collections.Counter()
    for row in rows:
        where = f"{QUERIES.name}:{row['_line']}"
        extra = set(row) - {"id", "query", "relevant", "style", "_line", "note"}
        if extra:
            problems.append(f"{where}: unexpected fields {sorted(extra)}")
        qid = row.get("id")
        if not isinstance(qid, str) or not QUERY_ID.match(qid):
            problems.append(f"{where}: bad id {qid!r}")
        elif qid in seen_ids:
            problems.append(f"{where}: duplicate id {qid}")
        seen_ids.add(qid)
        query = row.get("query")
        if not isinstance(query, str) or not query.strip():
            problems.append(f"{where}: empty query")
            continue
        if query in seen_text:
            problems.append(f"{where}: same query as {seen_text[query]}")
        seen_text[query] = qid
        style = row.get("style")
        if style not in STYLES:
            problems.append(f"{where}: unknown style {style!r}")
        styles[style] += 1
        if style == "hiragana" and not HIRAGANA_ONLY.match(query):
            problems.append(f"{where}: hiragana query contains other characters")
        relevant = check_id_list(where, row.get("relevant"), QUERY_RELEVANT, public, set(entries), problems, "relevant")
        for r in relevant:
            covered[r] += 1
        if relevant and relevant[0] in entries:
            categories[entries[relevant[0]]["category"]] += 1
        copied = shared_run(query, entry_text, QUERY_COPY_LIMIT)
        if copied:
            problems.append(f"{where}: copies entry wording {copied!r}")
    if len(rows) < MIN_QUERIES:
        problems.append(f"{QUERIES.name}: {len(rows)} queries, expected at least {MIN_QUERIES}")
    for style in sorted(STYLES):
        if styles[style] < MIN_PER_STYLE:
            problems.append(f"{QUERIES.name}: only {styles[style]} queries of style {style}")
    for entry_id in sorted(public - set(covered)):
        problems.append(f"{QUERIES.name}: public entry {entry_id} is not covered by any query")
    return rows, styles, categories, covered


def check_narratives(entries, codes, problems):
    products, keywords, sales_forms, results = codes
    rows = read_jsonl(NARRATIVES, problems)
    templates = template_texts()
    seen_ids, seen_text = set(), set()
    counters = {name: collections.Counter() for name in ("product", "salesForm", "result", "category", "length")}
    keyword_count = collections.Counter()
    for row in rows:
        where = f"{NARRATIVES.name}:{row['_line']}"
        extra = set(row) - {"id", "text", "relevantFaq", "product", "salesForm", "keywords", "result", "note", "_line"}
        if extra:
            problems.append(f"{where}: unexpected fields {sorted(extra)}")
        nid = row.get("id")
        if not isinstance(nid, str) or not NARRATIVE_ID.match(nid):
            problems.append(f"{where}: bad id {nid!r}")
        elif nid in seen_ids:
            problems.append(f"{where}: duplicate id {nid}")
        seen_ids.add(nid)
        text = row.get("text")
        if not isinstance(text, str):
            problems.append(f"{where}: text missing")
            continue
        if text in seen_text:
            problems.append(f"{where}: duplicate text")
        seen_text.add(text)
        low, high = NARRATIVE_LENGTH
        if not low <= len(text) <= high:
            problems.append(f"{where}: text has {len(text)} characters, expected {low}-{high}")
        bucket = "<100" if len(text) < 100 else "100-299" if len(text) < 300 else "300-599" if len(text) < 600 else "600+"
        counters["length"][bucket] += 1
        relevant = check_id_list(where, row.get("relevantFaq"), NARRATIVE_RELEVANT, set(entries), set(entries), problems, "relevantFaq")
        if relevant and relevant[0] in entries:
            counters["category"][entries[relevant[0]]["category"]] += 1
        product = row.get("product")
        if product not in products:
            problems.append(f"{where}: unknown level-2 product code {product!r}")
        counters["product"][product] += 1
        sales_form = row.get("salesForm")
        if sales_form not in sales_forms:
            problems.append(f"{where}: unknown salesForm code {sales_form!r}")
        counters["salesForm"][sales_form] += 1
        kws = row.get("keywords")
        if not isinstance(kws, list) or not kws:
            problems.append(f"{where}: keywords must be a non-empty list")
            kws = []
        if len(set(kws)) != len(kws):
            problems.append(f"{where}: keywords repeat a code")
        for k in kws:
            if k not in keywords:
                problems.append(f"{where}: unknown keyword code {k!r}")
            keyword_count[k] += 1
        if "result" not in row:
            problems.append(f"{where}: result missing (use null when the narrative does not say)")
        result = row.get("result")
        if result is not None and result not in results:
            problems.append(f"{where}: unknown result code {result!r}")
        counters["result"][result or "null"] += 1
        copied = shared_run(text, templates, NARRATIVE_COPY_LIMIT)
        if copied:
            problems.append(f"{where}: copies generator template wording {copied!r}")
    if len(rows) < MIN_NARRATIVES:
        problems.append(f"{NARRATIVES.name}: {len(rows)} narratives, expected at least {MIN_NARRATIVES}")
    if len(counters["product"]) < MIN_PRODUCTS:
        problems.append(f"{NARRATIVES.name}: {len(counters['product'])} distinct products, expected at least {MIN_PRODUCTS}")
    for code in sorted(sales_forms):
        if counters["salesForm"][code] < MIN_PER_SALES_FORM:
            problems.append(f"{NARRATIVES.name}: salesForm {code} used {counters['salesForm'][code]} times, expected at least {MIN_PER_SALES_FORM}")
    return rows, counters, keyword_count


def show(title, counter, order=None):
    keys = order if order is not None else sorted(counter)
    print(f"  {title}: " + ", ".join(f"{k} {counter[k]}" for k in keys if counter[k]))


def main():
    problems = []
    entries = load_entries()
    codes = load_codes()
    category_order = [c["id"] for c in json.loads(CATEGORIES.read_text(encoding="utf-8"))]
    queries, styles, query_categories, covered = check_queries(entries, problems)
    narratives, counters, keyword_count = check_narratives(entries, codes, problems)

    public = [i for i, m in entries.items() if m.get("audience") == "public"]
    print(f"faq-queries.jsonl: {len(queries)} queries, {len(covered)}/{len(public)} public entries covered")
    show("style", styles, sorted(STYLES))
    show("category of first answer", query_categories, category_order)
    print(f"narratives.jsonl: {len(narratives)} narratives, {len(counters['product'])} distinct products, "
          f"{len(keyword_count)} distinct keywords")
    show("length", counters["length"], ["<100", "100-299", "300-599", "600+"])
    show("salesForm", counters["salesForm"])
    show("result", counters["result"])
    show("category of first FAQ", counters["category"], category_order)
    show("product", counters["product"])
    for problem in problems:
        print("ERROR", problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
