#!/usr/bin/env python3
"""Learns the pair model of src/align/model.rs from the MSRP training pairs.

Run from the repository root (plain Python 3, no packages needed):

    python3 scripts/train_pairs.py [../shared/eval/msrp/train.tsv]

It builds and runs `cargo run --release --example pair_features` to get the
features the crate itself computes for each pair, so the trainer never
re-implements them. It then fits a logistic regression (Newton's method with
a small L2 penalty) and reports:

  * 5-fold cross-validated accuracy over the training part;
  * accuracy on the held-out part: every 5th pair (index % 5 == 4), which the
    shipped model never sees; tests/msrp_eval.rs checks the same split;
  * accuracy on the whole file.

The shipped weights are fit on the training part only (the other 80%), and
printed as the `WEIGHTS` (every feature, with the word vectors) and
`LEXICAL_WEIGHTS` (the first N_LEXICAL features, without them) consts to
paste into src/align/model.rs.
"""

import math
import subprocess
import sys

L2 = 1e-3
N_LEXICAL = 33
HELD_OUT = lambda i: i % 5 == 4


def load(path):
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "pair_features", "--", path],
        check=True, capture_output=True, text=True,
    ).stdout
    rows = []
    for line in out.splitlines():
        cols = line.split("\t")
        rows.append((int(cols[0]), [float(x) for x in cols[1:]] + [1.0]))
    return rows


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows):
    d = len(rows[0][1])
    w = [0.0] * d
    for _ in range(25):
        grad = [L2 * wi for wi in w]
        hess = [[(L2 if i == j else 0.0) for j in range(d)] for i in range(d)]
        for y, x in rows:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            g = p - y
            s = p * (1 - p)
            for i in range(d):
                grad[i] += g * x[i]
                si = s * x[i]
                for j in range(i, d):
                    hess[i][j] += si * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def scores(w, rows):
    tp = fp = fn = correct = 0
    for y, x in rows:
        pred = 1 if sigmoid(sum(wi * xi for wi, xi in zip(w, x))) >= 0.5 else 0
        correct += pred == y
        tp += pred == 1 and y == 1
        fp += pred == 1 and y == 0
        fn += pred == 0 and y == 1
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return correct / len(rows), f1


def report(name, rows):
    train = [r for i, r in enumerate(rows) if not HELD_OUT(i)]
    held = [r for i, r in enumerate(rows) if HELD_OUT(i)]
    k = 5
    cv = []
    for f in range(k):
        fold_train = [r for i, r in enumerate(train) if i % k != f]
        fold_test = [r for i, r in enumerate(train) if i % k == f]
        cv.append(scores(fit(fold_train), fold_test)[0])
    w = fit(train)
    print(f"{name}: pairs {len(rows)} (train {len(train)}, held out {len(held)})")
    print(f"  {k}-fold CV accuracy on train: {sum(cv) / k:.4f} (folds {', '.join(f'{a:.3f}' for a in cv)})")
    print("  train accuracy %.4f F1 %.4f" % scores(w, train))
    print("  held-out accuracy %.4f F1 %.4f" % scores(w, held))
    print("  whole file accuracy %.4f F1 %.4f" % scores(w, rows))
    return w


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/msrp/train.tsv"
    rows = [r for r in load(path) if r[0] in (0, 1)]
    full = report("with word vectors", rows)
    lexical = report("lexical only", [(y, x[:N_LEXICAL] + [1.0]) for y, x in rows])
    print()
    print("pub const WEIGHTS: [f32; N_FEATURES + 1] = [")
    print("    " + ", ".join(f"{x:.4}" for x in full) + ",")
    print("];")
    print("pub const LEXICAL_WEIGHTS: [f32; N_LEXICAL + 1] = [")
    print("    " + ", ".join(f"{x:.4}" for x in lexical) + ",")
    print("];")


if __name__ == "__main__":
    main()
