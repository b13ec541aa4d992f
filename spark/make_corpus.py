"""The Spark test corpus, made at test time from the evaluation sets in
../shared/eval (never copied into the project): AllSides leads, BASIL
triplets, PolNeAR articles and ECB+ documents in; one JSON line per article
(id, outlet, date, url, title, text, and `event`, the gold story, empty
where the set gives none) out.

usage: python make_corpus.py OUT.jsonl [SHARED_DIR]
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def split_title(text):
    """The first non-empty line as the title when it reads like one."""
    lines = text.strip().split("\n", 1)
    head = lines[0].strip()
    if len(lines) == 2 and 0 < len(head.split()) <= 30:
        return head, lines[1].strip()
    return None, text.strip()


def article(id_, path, event, outlet=None, date=None):
    title, body = split_title(path.read_text(encoding="utf-8", errors="replace"))
    return {"id": id_, "outlet": outlet, "date": date, "url": None, "title": title,
            "text": body, "event": event}


def articles(shared):
    ev = shared / "eval"
    for folder in sorted(p for p in (ev / "allsides").iterdir() if p.is_dir()):
        for f in sorted(folder.glob("*.txt")):
            outlet = f.stem.split("__", 1)[-1].replace("_", " ")
            yield article(f"allsides-{folder.name}-{f.stem}", f, f"allsides:{folder.name}", outlet)
    for folder in sorted(p for p in (ev / "basil").iterdir() if p.is_dir()):
        for f in sorted(folder.glob("*.txt")):
            yield article(f"basil-{folder.name}-{f.stem}", f, f"basil:{folder.name}", f.stem)
    for f in sorted((ev / "polnear" / "text").glob("*.txt")):
        m = re.match(r"([a-z]+)_(\d{4}-\d{2}-\d{2})_", f.name)
        outlet, date = (m.group(1), m.group(2)) if m else (None, None)
        # PolNeAR gives no story labels: its articles count in the corpus,
        # not in the story scores.
        yield article(f"polnear-{f.stem}", f, "", outlet, date)
    for folder in sorted(p for p in (ev / "ecbplus").iterdir() if p.is_dir()):
        for f in sorted(folder.glob("*.txt")):
            yield article(f"ecbplus-{folder.name}-{f.stem}", f, f"ecbplus:{folder.name}")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    shared = Path(sys.argv[2]) if len(sys.argv) == 3 else SHARED
    n = 0
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for a in articles(shared):
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
