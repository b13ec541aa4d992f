#!/usr/bin/env python3
"""Builds the scale corpora deterministically from real sentences in ../shared/eval.

usage: make_corpus.py N OUT_DIR

Each document takes about twenty sentences from one ECB+ topic (the topic
cycles with the document number) and about ten from MSRP paraphrase pairs:
the two sentences of a pair are placed in two different documents, so the
alignment has real matches to find. The same N always gives the same files.
"""
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def ecb_topics():
    topics = {}
    for folder in sorted((EVAL / "ecbplus").glob("ecbplus_t*_*")):
        topic = folder.name.split("_")[1]
        for path in sorted(folder.glob("*.txt"), key=lambda p: p.name):
            lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
            topics.setdefault(topic, []).extend(l for l in lines if len(l.split()) >= 5)
    return [topics[t] for t in sorted(topics)]


def msrp_pairs():
    pairs = []
    with open(EVAL / "msrp" / "train.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                pairs.append((parts[1], parts[2]))
    return pairs


def build(n, out):
    rng = random.Random(20261121 + n)
    topics = ecb_topics()
    pairs = msrp_pairs()
    docs = [[] for _ in range(n)]
    for d in range(n):
        pool = topics[d % len(topics)]
        docs[d].extend(rng.sample(pool, min(20, len(pool))))
    # Five pairs per document: the first sentence here, the second in a
    # document a little further on.
    for d in range(n):
        for k in range(5):
            p = (d * 5 + k) % len(pairs)
            other = (d + 1 + p % 13) % n
            docs[d].append(pairs[p][0])
            docs[other].append(pairs[p][1])
    out.mkdir(parents=True, exist_ok=True)
    for d, sentences in enumerate(docs):
        rng.shuffle(sentences)
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        body = f"Scale corpus document {d}\n\n" + "\n\n".join(paragraphs) + "\n"
        (out / f"doc{d:05d}.txt").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(int(sys.argv[1]), Path(sys.argv[2]))
