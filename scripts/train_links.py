#!/usr/bin/env python3
"""Learns the claim-link model of src/align/link.rs from the hand gold.

Run from the repository root (Python 3 with numpy, as pinned in
scripts/requirements-model.txt):

    python3 scripts/train_links.py [../shared/eval/basil]

For each development triplet listed in tests/common/claims_gold.rs (never the
kept-aside ones) it runs `cargo run --release --example claim_pairs` on the
three articles, which prints the Report and the link features of every
candidate pair exactly as the product computes them. A pair is labelled 1
when the hand gold (tests/gold/basil_claims/) puts its two sentences in one
claim, and left out of training when the gold calls it a "maybe"; every
other candidate is 0.

It fits a logistic regression (standardised features, Newton's method with
an L2 penalty) and reports, per left-out triplet (leave-one-triplet-out over
the development set), the pair precision and recall of thresholded links;
then fits on every development triplet and prints the `WEIGHTS` const (in
the raw feature scale) to paste into src/align/link.rs.
"""

import json
import math
import os
import re
import subprocess
import sys

import numpy as np

L2 = 1.0
GOLD = "tests/gold/basil_claims"

# The direction each feature may push a link, by what it means: a model that
# learns "more words unmatched, more likely the same claim" from the hand
# gold's generous long sentences would fit BASIL and misfire elsewhere.
# A feature whose fitted weight takes the other sign is left out (weight 0)
# and the model refitted; 0 means either sign.
SIGNS = {
    "pair_score": 1, "semantic": 1, "soft_cover_min": 1, "soft_cover_max": 1,
    "containment_min": 1, "containment_max": 1, "soft_unmatched_max": -1,
    "semantic_best_both": 1, "semantic_best_either": 1, "semantic_rank_sum": -1,
    "semantic_margin_min": 1, "semantic_margin_max": 1, "score_best_both": 1,
    "score_margin_min": 1, "same_quote_group": 1, "same_speaker": 1, "heading": 0,
    "numbers_clash": -1, "negation_mismatch": 0, "length_ratio": 0, "headline_min": 1,
    "headline_max": 0, "position_min": -1, "position_max": -1, "names_missing": -1,
    "idf_dice": 1, "numbers_equal": 1, "word_dice": 1, "names_unmatched": -1,
    "window": 1, "restated": 1, "content_cover_min": 1, "content_cover_max": 1,
    "clause_alike": 1, "same_count": 1,
}


def feature_names():
    text = open("src/align/link.rs", encoding="utf-8").read()
    block = text[text.index("pub const FEATURE_NAMES"):]
    block = block[: block.index("];")]
    return re.findall(r'"([a-z_]+)"', block)


def groups_of(kind):
    text = open("tests/common/claims_gold.rs", encoding="utf-8").read()
    block = re.search(r"const %s: &\[&str\] = &\[(.*?)\];" % kind, text, re.S).group(1)
    return re.findall(r'"([^"]+)"', block)


def squash(text):
    out, at, space = [], [], False
    for i, c in enumerate(text):
        if c.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            at.append(i)
            space = False
        out.append(c)
        at.append(i)
    return "".join(out), at


def utf16_to_index(text):
    m = []
    for i, c in enumerate(text):
        m.extend([i] * (2 if ord(c) > 0xFFFF else 1))
    m.append(len(text))
    return m


def load(basil, group):
    files = [os.path.join(basil, group, o + ".txt") for o in ("foxnews", "nytimes", "huffpost")]
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "claim_pairs", "--"] + files,
        check=True, capture_output=True, text=True,
    ).stdout.split("\n")
    report = json.loads(out[0])
    rows = [json.loads(line) for line in out[1:] if line]
    gold = json.load(open(os.path.join(GOLD, group + ".json"), encoding="utf-8"))
    docs = {os.path.basename(d["file"])[:-4]: d for d in report["documents"]}
    sents = report["sentences"]
    maps = {d["id"]: utf16_to_index(d["text"]) for d in report["documents"]}
    for s in sents:
        m = maps[s["doc"]]
        s["cs"], s["ce"] = m[s["start"]], m[s["end"]]
    raw = {o: open(os.path.join(basil, group, o + ".txt"), encoding="utf-8").read() for o in docs}

    def held(span):
        outlet, a, b = span
        d = docs[outlet]
        needle, _ = squash(raw[outlet][a:b])
        hay, at = squash(d["text"])
        p = hay.find(needle)
        if p < 0:
            return []
        f, t = at[p], at[p + len(needle) - 1] + 1
        return [s["id"] for s in sents if s["doc"] == d["id"] and s["cs"] < t and f < s["ce"]]

    def pairs(kind):
        out = set()
        for g in gold[kind]:
            ids = [x for span in g for x in held(span)]
            for i in ids:
                for j in ids:
                    if sents[i]["doc"] != sents[j]["doc"]:
                        out.add((min(i, j), max(i, j)))
        return out

    yes, maybe = pairs("claims"), pairs("maybe")
    annotated = {x for kind in ("claims", "maybe") for g in gold[kind] for span in g for x in held(span)}
    annotated |= {x for pair in gold["negatives"] for span in pair for x in held(span)}
    data = []
    for r in rows:
        k = (min(r["a"], r["b"]), max(r["a"], r["b"]))
        label = 1 if k in yes else (None if k in maybe else 0)
        data.append((label, r["features"], k))
    judged = {k for _, _, k in data if k[0] in annotated and k[1] in annotated}
    return data, len(yes), judged


def fit(data):
    names = feature_names()
    keep = np.ones(len(names), dtype=bool)
    while True:
        w = fit_subset(data, keep)
        wrong = [j for j, n in enumerate(names)
                 if keep[j] and SIGNS.get(n, 0) * w[j] < 0]
        if not wrong:
            return w
        # Leave out the most wrongly signed feature, then refit.
        worst = max(wrong, key=lambda j: abs(w[j]) * np.std([x[j] for _, x, _ in data]))
        keep[worst] = False


def fit_subset(data, keep):
    x = np.array([x for _, x, _ in data], dtype=np.float64)
    x[:, ~keep] = 0.0
    y = np.array([lab for lab, _, _ in data], dtype=np.float64)
    mean, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = np.c_[(x - mean) / sd, np.ones(len(x))]
    d = z.shape[1]
    penalty = np.full(d, L2)
    penalty[-1] = 0.0
    w = np.zeros(d)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    # Back to the raw feature scale.
    raw = w[:-1] / sd
    return list(raw) + [w[-1] - float((w[:-1] * mean / sd).sum())]


def predict(w, x):
    z = sum(wi * xi for wi, xi in zip(w, x)) + w[-1]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main():
    basil = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/basil"
    dev = groups_of("DEVELOPMENT")
    sets = {}
    for g in dev:
        sets[g] = load(basil, g)
        print(f"{g}: {len(sets[g][0])} candidate pairs, {sets[g][1]} gold pairs", file=sys.stderr)
    total_gold = sum(n for _, n, _ in sets.values())
    found_candidates = sum(sum(1 for y, _, _ in data if y == 1) for data, _, _ in sets.values())
    print(f"gold pairs among candidates: {found_candidates}/{total_gold}")
    loto = {g: fit([r for h in dev if h != g for r in sets[h][0] if r[0] is not None])
            for g in dev}
    # Pairs linked directly (no grouping), scored as the gold test scores
    # claims: precision over pairs of annotated sentences, maybes right.
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        tp = right = judged = 0
        for g in dev:
            data, _, annotated_pairs = sets[g]
            for y, x, k in data:
                if predict(loto[g], x) >= t:
                    tp += y == 1
                    if k in annotated_pairs:
                        judged += 1
                        right += y != 0
        print(f"leave-one-triplet-out, links at {t}: recall {tp / total_gold:.3f}, "
              f"precision {right / max(1, judged):.3f}")
    w = fit([r for g in dev for r in sets[g][0] if r[0] is not None])
    for n, x in zip(feature_names(), w):
        print(f"  {n:24s} {x:+.4f}")
    print("pub const WEIGHTS: [f32; N_FEATURES + 1] = [")
    print("    " + ", ".join(f"{x:.4}" for x in w) + ",")
    print("];")


if __name__ == "__main__":
    main()
