#!/usr/bin/env python3
"""Measures whether full all-MiniLM-L6-v2 sentence embeddings add to the
claim-link model (issue 13): the link features of scripts/train_links.py,
with and without five more per candidate pair (the transformer's cosine,
whether each sentence is the other's best counterpart in its document,
the sum of both ranks, the smaller and larger margin over the runner-up),
fitted leave-one-triplet-out on the BASIL development hand gold and scored
as train_links.py scores links. An experiment, not part of the product.

    python3 scripts/minilm_links.py   (numpy, tokenizers, safetensors and
    the model package of scripts/requirements-model.txt)

Caches in $TMPDIR/parallax-minilm-links/.
"""
import os, sys, pickle, math
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.chdir(os.path.dirname(HERE))
import tempfile
import numpy as np
CACHE = os.path.join(tempfile.gettempdir(), "parallax-minilm-links")
os.makedirs(CACHE, exist_ok=True)
import train_links as T
import distill_words as D

basil = "../shared/eval/basil"
dev = T.groups_of("DEVELOPMENT")
cache = os.path.join(CACHE, "sets.pkl")
if os.path.exists(cache):
    sets, texts = pickle.load(open(cache, "rb"))
else:
    sets, texts = {}, {}
    for g in dev:
        # re-run load but also capture sentences
        import subprocess, json
        files = [os.path.join(basil, g, o + ".txt") for o in ("foxnews", "nytimes", "huffpost")]
        out = subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "claim_pairs", "--"] + files,
                             check=True, capture_output=True, text=True).stdout.split("\n")
        report = json.loads(out[0])
        rows = [json.loads(l) for l in out[1:] if l]
        docs = {d["id"]: d for d in report["documents"]}
        maps = {d["id"]: T.utf16_to_index(d["text"]) for d in report["documents"]}
        texts[g] = [(s["doc"], docs[s["doc"]]["text"][maps[s["doc"]][s["start"]]:maps[s["doc"]][s["end"]]]) for s in report["sentences"]]
        sets[g] = T.load(basil, g)
        # attach pair ids
        sets[g] = (sets[g], [(r["a"], r["b"]) for r in rows])
        print(g, len(texts[g]), file=sys.stderr)
    pickle.dump((sets, texts), open(cache, "wb"))

emb_cache = os.path.join(CACHE, "emb.pkl")
if os.path.exists(emb_cache):
    embs = pickle.load(open(emb_cache, "rb"))
else:
    m = D.MiniLM(D.model_dir())
    cls, sep = m.tok.token_to_id("[CLS]"), m.tok.token_to_id("[SEP]")
    embs = {}
    for g in dev:
        ids = [[cls] + m.tok.encode(t, add_special_tokens=False).ids[:254] + [sep] for _, t in texts[g]]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), 384))
        for s in range(0, len(order), 32):
            ch = order[s:s+32]
            out[ch] = m.encode_ids([ids[i] for i in ch])
        embs[g] = out
        print("emb", g, file=sys.stderr)
    pickle.dump(embs, open(emb_cache, "wb"))

def extra(g):
    E = embs[g]; docs = [d for d, _ in texts[g]]
    C = E @ E.T
    n = len(docs)
    # best in other doc: for i and doc d, max cos over sentences of d
    best = {}
    for i in range(n):
        for d in set(docs):
            if d == docs[i]: continue
            js = [j for j in range(n) if docs[j] == d]
            vals = sorted((C[i, j] for j in js), reverse=True)
            best[(i, d)] = vals
    feats = {}
    (data, ngold, ann), pairs = sets[g]
    for (a, b) in pairs:
        c = C[a, b]
        if docs[a] == docs[b]:
            feats[(min(a,b), max(a,b))] = [c, 0.0, 10.0, -0.5, -0.5]; continue
        va, vb = best[(a, docs[b])], best[(b, docs[a])]
        ra = sum(1 for v in va if v > c + 1e-9); rb = sum(1 for v in vb if v > c + 1e-9)
        second_a = va[1] if len(va) > 1 else 0; second_b = vb[1] if len(vb) > 1 else 0
        ma = c - (second_a if ra == 0 else va[0]); mb = c - (second_b if rb == 0 else vb[0])
        feats[(min(a,b), max(a,b))] = [c, float(ra == 0 and rb == 0), float(min(ra, 5) + min(rb, 5)), min(ma, mb), max(ma, mb)]
    return feats

def run(use_extra, names_drop=()):
    allsets = {}
    for g in dev:
        (data, ngold, ann), pairs = sets[g]
        ex = extra(g) if use_extra else None
        rows = []
        for (y, x, k), p in zip(data, pairs):
            xx = list(x)
            if use_extra:
                xx += ex[(min(p), max(p))]
            rows.append((y, xx, k))
        allsets[g] = (rows, ngold, ann)
    T.SIGNS.update({"m_cos": 1, "m_best": 1, "m_rank": -1, "m_mmin": 1, "m_mmax": 1})
    base = T.feature_names()
    names = base + (["m_cos", "m_best", "m_rank", "m_mmin", "m_mmax"] if use_extra else [])
    T.feature_names = lambda: names
    loto = {g: T.fit([r for h in dev if h != g for r in allsets[h][0] if r[0] is not None]) for g in dev}
    T.feature_names = lambda: base
    total = sum(n for _, n, _ in allsets.values())
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        tp = right = judged = 0
        for g in dev:
            data, _, ap = allsets[g]
            for y, x, k in data:
                if T.predict(loto[g], x) >= t:
                    tp += y == 1
                    if k in ap:
                        judged += 1; right += y != 0
        print(f"extra={use_extra} t={t}: recall {tp/total:.3f} precision {right/max(1,judged):.3f}")

run(False)
run(True)
