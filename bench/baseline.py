#!/usr/bin/env python3
"""The baseline a user would otherwise script: pySBD sentences, then
scikit-learn TF-IDF cosine over all cross-document sentence pairs.

usage: baseline.py CORPUS_DIR [THRESHOLD]
Prints the seconds it took and how many pairs passed the threshold.
"""
import sys
import time
from pathlib import Path

import numpy as np
import pysbd
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    corpus = Path(sys.argv[1])
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    started = time.perf_counter()
    segmenter = pysbd.Segmenter(language="en", clean=False)
    sentences, doc_of = [], []
    for d, path in enumerate(sorted(corpus.glob("*.txt"))):
        for s in segmenter.segment(path.read_text(encoding="utf-8")):
            if s.strip():
                sentences.append(s.strip())
                doc_of.append(d)
    doc_of = np.array(doc_of)
    matrix = TfidfVectorizer().fit_transform(sentences)
    pairs = 0
    # All pairs, in row blocks so that memory stays bounded.
    block = 2000
    for start in range(0, matrix.shape[0], block):
        scores = (matrix[start:start + block] @ matrix.T).toarray()
        rows = np.arange(start, min(start + block, matrix.shape[0]))
        same_doc = doc_of[rows][:, None] == doc_of[None, :]
        later = rows[:, None] < np.arange(matrix.shape[0])[None, :]
        pairs += int(((scores >= threshold) & ~same_doc & later).sum())
    elapsed = time.perf_counter() - started
    print(f"{elapsed:.3f} {len(sentences)} {pairs}")


if __name__ == "__main__":
    main()
