#!/usr/bin/env python3
"""Checks a CFN Validator HTML report as Chromium rendered it (called by html-browser-check.sh; standard library only).

Arguments: NAME REPORT.json|"" DOM-after-scripts.html REPORT.html console.log
(the report as written is the page a browser shows with scripts off)
"""
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.texts = tag, dict(attrs), parent, [], []

    def text(self):
        return "".join(t if isinstance(t, str) else t.text() for t in self.texts)

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def select(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if n is self:
                continue
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                yield n


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        self.cur.texts.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.texts.append(data)


def parse(path):
    t = Tree()
    with open(path, encoding="utf-8") as f:
        t.feed(f.read())
    return t.root


def by_id(root, ident):
    return next((n for n in root.walk() if n.attrs.get("id") == ident), None)


def main():
    name, json_path, dom_path, nojs_path, console_path = sys.argv[1:6]
    problems = []

    def check(ok, what):
        if not ok:
            problems.append(what)

    with open(console_path, encoding="utf-8", errors="replace") as f:
        console = [l.rstrip() for l in f if ":CONSOLE" in l or "Uncaught" in l or "net::ERR" in l]
    check(not console, "console messages:\n  " + "\n  ".join(console))

    dom = parse(dom_path)
    nojs = parse(nojs_path)
    div = by_id(dom, "cfnv")
    check(div is not None, "no div#cfnv")
    verdict = by_id(dom, "verdict")
    check(verdict is not None and verdict.text() in ("PASS", "FAIL"), "no PASS/FAIL verdict")
    for sel in ("rules", "files"):
        check(any(dom.select("table", sel)), "no table." + sel)
    articles = list(dom.select("article", "finding"))
    for a in articles:
        loc = next(a.select("span", "loc")).text()
        line = loc.rsplit(":", 2)[-2]
        rows = [r.attrs.get("data-line") for r in a.select("tr", "hl")]
        sources = list(a.select("table", "source"))
        check(not sources or line in rows, f"{loc}: line {line} is not highlighted (highlighted: {rows})")
    witness = sum(1 for _ in dom.select("table", "witness"))
    bar = by_id(dom, "filter")
    check(bar is not None and "hidden" not in bar.attrs, "the filter bar is hidden: the page's script did not run")
    count = by_id(dom, "filter-count")
    check(count is not None and count.text() == f"{len(articles)} shown",
          f"filter count says {count.text() if count else None!r}, expected '{len(articles)} shown'")
    nojs_bar = by_id(nojs, "filter")
    check(nojs_bar is not None and "hidden" in nojs_bar.attrs, "without JavaScript the filter bar shows")
    nojs_articles = sum(1 for _ in nojs.select("article", "finding"))
    check(nojs_articles == len(articles), f"without JavaScript {nojs_articles} findings, with it {len(articles)}")

    if json_path:
        with open(json_path, encoding="utf-8") as f:
            data = json.load(f)
        expected = [(x["ruleId"], f"{fr['path']}:{x['line']}:{x['column']}")
                    for fr in data["files"] for x in fr["findings"]]
        shown = [(a.attrs.get("data-rule"), next(a.select("span", "loc")).text()) for a in articles]
        check(shown == expected, f"findings differ from the JSON report: {len(shown)} shown, {len(expected)} expected")
        s = data["summary"]
        for sev, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
            cell = by_id(dom, "count-" + sev)
            check(cell is not None and cell.text() == str(s[key]), f"count-{sev} is not {s[key]}")
        scripts = sum(1 for _ in nojs.select("script"))
        check(scripts == 1, f"{scripts} script elements (expected the report's own one)")
        check(not any(n.attrs.get("src") or (n.tag == "link" and n.attrs.get("href")) for n in nojs.walk()),
              "the page loads something from outside")

    print(f"html-browser-check: {name}: {len(articles)} finding(s), {witness} witness table(s), "
          f"{sum(1 for _ in dom.select('table', 'source'))} source excerpt(s)")
    if problems:
        print(f"html-browser-check: {name}: FAILED", file=sys.stderr)
        for p in problems:
            print("  - " + p, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
