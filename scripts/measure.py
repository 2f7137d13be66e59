#!/usr/bin/env python3
"""Per-tag precision, recall and F1 of `counteroffer analyze` on labelled
JSONL files (tests/labelled, tests/blind), per language.

usage: scripts/measure.py BIN FILE... [--misses] [--no-reader]
"""
import collections, json, subprocess, sys

def predicted(out, conditional=True):
    """The tags of one `analyze --jsonl` line; `offer:conditional` too
    unless `conditional` is false."""
    tags = set(out.get("laer", []) + out.get("fab", []) + out.get("techniques", []) + out.get("negatives", []))
    if out.get("question"):
        tags.add("question:" + out["question"])
    for o in out.get("offers", []):
        tags.add("offer:" + o["kind"])
        if conditional and o.get("conditional"):
            tags.add("offer:conditional")
    return tags

def expected(l):
    tags = set(l.get("laer", []) + l.get("fab", []) + l.get("techniques", []) + l.get("negatives", []))
    if l.get("question"):
        tags.add("question:" + l["question"])
    tags.update("offer:" + o for o in l.get("offers", []))
    return tags

def analyzed(binary, rows, flags=()):
    """Runs `analyze --jsonl` over `rows`, a group at a time: a reply from a
    scenario is read with it, one without (everyday dialogue) with its
    `lang` alone. Yields (language, rows, one analysis per row)."""
    groups = collections.defaultdict(list)
    for r in rows:
        groups[r.get("scenario") or r["lang"]].append(r)
    for key in sorted(groups):
        group = groups[key]
        stdin = "".join(json.dumps({"text": r["text"], "context": r.get("context")}, ensure_ascii=False) + "\n" for r in group)
        where = ["--scenario", key] if group[0].get("scenario") else ["--lang", key]
        out = subprocess.run([binary, "analyze", "--jsonl", *where, *flags], input=stdin,
                             capture_output=True, text=True, check=True).stdout.splitlines()
        lang = "zh-CN" if key.endswith("-zh") or key == "zh-CN" else "en"
        yield lang, group, [json.loads(o) for o in out]

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--misses" in sys.argv
    # any other flag goes to `analyze` (e.g. --no-reader)
    flags = [a for a in sys.argv[1:] if a.startswith("--") and a != "--misses"]
    binary, files = args[0], args[1:]
    by_lang = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
    misses = []
    for f in files:
        rows = [json.loads(l) for l in open(f, encoding="utf-8") if l.strip()]
        for lang, rs, out in analyzed(binary, rows, flags):
            for r, o in zip(rs, out):
                got, want = predicted(o), expected(r)
                for t in got | want:
                    c = by_lang[lang][t]
                    if t in got and t in want: c[0] += 1
                    elif t in got: c[1] += 1
                    else: c[2] += 1
                if got != want:
                    misses.append(f"{f} [{r.get('scenario') or lang}] {r['text']}\n    extra {sorted(got - want)} missing {sorted(want - got)}")
    for lang, counts in sorted(by_lang.items()):
        print(f"\n{lang}: {'tag':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>5} {'R':>5} {'F1':>5}")
        for t, (tp, fp, fn) in sorted(counts.items()):
            p = tp / max(tp + fp, 1); r = tp / max(tp + fn, 1); f1 = 2 * p * r / max(p + r, 1e-9)
            print(f"      {t:<24} {tp:>4} {fp:>4} {fn:>4} {p:>5.2f} {r:>5.2f} {f1:>5.2f}")
    if show:
        print("\n" + "\n".join(misses))

if __name__ == "__main__":
    main()
