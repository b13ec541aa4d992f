#!/usr/bin/env python3
"""Learns the loaded-word model of src/align/loaded.rs: how likely a word,
from its word vector alone, is a loaded or evaluative word choice.

Run from the repository root (Python 3 with numpy, as pinned in
scripts/requirements-model.txt):

    python3 scripts/train_loaded.py [../shared/eval/basil] > src/align/loaded_weights.rs

Data: BASIL's development triplets (Fan et al., EMNLP 2019) whose folder
name has an even FNV-1a hash (the split of tests/basil_speakers.rs and
`parallax framing-score`; the odd ones are kept aside and only scored).
Every word of their articles that the word-vector table (www/model/words.bin)
holds is one example: 1 when an annotated lexical-bias span (`"bias":
"lex"`) covers it, else 0. Capitalised words (names) and function words are
left out, as the product leaves them out.

Model: logistic regression on the word's unit vector (the table's 128
dimensions), L2 penalty, Newton's method. It prints the Rust source of the
weights, with the table's size (a different table makes them meaningless,
and the product then falls back on its word lists), and to stderr the
area under the ROC curve and the share of annotated words above a few
probabilities, for the training and the kept-aside triplets.
"""

import json
import os
import re
import struct
import sys

import numpy as np

BASIL = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/basil"
TABLE = "www/model/words.bin"
L2 = 3.0
# The product's FUNCTION words (src/align/framing.rs): never candidates.
FUNCTION = set(
    """a an the and or but of to in on at by for with from as that this these those which
    who whom whose it its is are was were be been has have had he she they his her their him
    them we our us i you not also there than then into over about after before while during
    since when where will would did do does s upon all some any both such said mr mrs ms dr
    amid between against through under so if because can could may might should must being
    more most very just only even""".split()
)


def table():
    raw = open(TABLE, "rb").read()
    assert raw[:8] == b"PLXWORD1", "not a Parallax word-vector table"
    n, d, names_len = struct.unpack("<III", raw[8:20])
    at = 20
    words = raw[at : at + names_len].decode().split("\n")
    at += names_len + n
    scales = np.frombuffer(raw[at : at + 4 * n], dtype="<f4")
    at += 4 * n
    comp = np.frombuffer(raw[at : at + n * d], dtype=np.int8).reshape(n, d)
    vectors = comp.astype(np.float32) * scales[:, None]
    return n, d, {w: i for i, w in enumerate(words)}, vectors


def fnv1a(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def examples(index):
    spans = {}
    with open(os.path.join(BASIL, "annotations.jsonl")) as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            if a["bias"] == "lex":
                spans.setdefault(a["file"], []).append((a["char_start"], a["char_end"]))
    parts = {"training": [], "aside": []}
    for group in sorted(os.listdir(BASIL)):
        folder = os.path.join(BASIL, group)
        if not os.path.isdir(folder):
            continue
        part = "aside" if fnv1a(group) % 2 == 1 else "training"
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            marked = spans.get(f"{group}/{name}", [])
            for m in re.finditer(r"[A-Za-z][A-Za-z'\-]*", text):
                word = m.group().lower()
                if word[0] != m.group()[0] or word in FUNCTION or word not in index:
                    continue
                y = any(s < m.end() and m.start() < e for s, e in marked)
                parts[part].append((index[word], 1.0 if y else 0.0))
    return parts


def fit(x, y):
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = L2 * np.r_[np.ones(len(w) - 1), 0.0]
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def report(name, w, x, y):
    p = 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))
    order = np.argsort(-p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(len(p))
    pos = y == 1
    auc = 1 - (ranks[pos].mean() - (pos.sum() - 1) / 2) / (len(p) - pos.sum())
    cuts = []
    for t in [0.01, 0.015, 0.02, 0.03, 0.05]:
        sel = p >= t
        prec = y[sel].mean() if sel.any() else 0.0
        cuts.append(f"p>={t}: {sel.sum()} words, precision {prec:.3f}, recall {sel[pos].mean():.3f}")
    print(f"{name}: {len(y)} words, {int(pos.sum())} annotated, AUC {auc:.3f}", file=sys.stderr)
    for c in cuts:
        print("   ", c, file=sys.stderr)


def main():
    n, d, index, vectors = table()
    parts = examples(index)
    data = {}
    for part, rows in parts.items():
        ids = np.array([r[0] for r in rows])
        data[part] = (vectors[ids], np.array([r[1] for r in rows]))
    w = fit(*data["training"])
    for part in ["training", "aside"]:
        report(part, w, *data[part])
    print("// Made by scripts/train_loaded.py from BASIL's development triplets (the")
    print("// even-hash half); do not edit. The weights belong to the word-vector")
    print(f"// table of {n} words × {d} dimensions (www/model/words.bin).")
    print(f"pub const TABLE_WORDS: usize = {n};")
    print(f"pub const BIAS: f32 = {w[-1]:.6};")
    print("#[rustfmt::skip]")
    print(f"pub const WEIGHTS: [f32; {d}] = [")
    for k in range(0, d, 8):
        print("    " + " ".join(f"{v:.6}," for v in w[k : k + 8]))
    print("];")


if __name__ == "__main__":
    main()
