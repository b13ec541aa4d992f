"""The Spark figures of ``./build.sh bench``: the evaluation corpus (over a
thousand articles, see make_corpus.py) in; `bench <name> <value> <unit>`
lines out: the CLI's throughput on the corpus's files beside the job's in
Spark local[2], each stage's share of the job's time and its seconds per
1,000 articles per core, shuffle bytes per article, the Python workers'
peak memory, the story split's B-cubed F1 from Spark and from the CLI,
and how many articles the two put in another story (0: the same split).

usage: python spark/bench_spark.py PARALLAX_CLI OUT_DIR
"""

import collections
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402


def b_cubed(pred, gold):
    """B-cubed precision, recall, F1 (Bagga and Baldwin 1998), as the core's
    stories::b_cubed computes them."""
    both = collections.Counter(zip(pred, gold))
    p_size, g_size = collections.Counter(pred), collections.Counter(gold)
    n = len(pred)
    p = sum(both[(a, b)] / p_size[a] for a, b in zip(pred, gold)) / n
    r = sum(both[(a, b)] / g_size[b] for a, b in zip(pred, gold)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bench(name, value, unit):
    print(f"bench {name} {value} {unit}", flush=True)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cli, out = os.path.abspath(sys.argv[1]), Path(sys.argv[2])
    import pandas as pd
    import parallax

    from parallax_spark import job

    shutil.rmtree(out, ignore_errors=True)
    files = out / "files"
    files.mkdir(parents=True)
    arts = list(make_corpus.articles(make_corpus.SHARED))
    name_of = {}
    with open(out / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            name, data = parallax.to_file(job.doc_of(a))
            (files / name).write_bytes(data)
            name_of[a["id"]] = name
    n = len(arts)
    bench("spark_corpus_articles", n, "articles")

    # The CLI on the same files, all (two) cores: its stories are the
    # single-machine split.
    t = time.perf_counter()
    r = subprocess.run([cli, "analyze", "--format", "json", "files"], cwd=out,
                       capture_output=True, check=True)
    cli_seconds = time.perf_counter() - t
    report = json.loads(r.stdout)
    bench("spark_corpus_cli_seconds", f"{cli_seconds:.1f}", "s")
    bench("spark_corpus_cli_throughput", f"{n / cli_seconds:.1f}", "articles/s")

    spark = job.local_session("parallax-bench")
    t = time.perf_counter()
    try:
        m = job.run(spark, str(out / "articles.jsonl"), str(out / "spark"))
        seconds = time.perf_counter() - t
    finally:
        spark.stop()
    cores = m["cores"]
    bench("spark_local2_seconds", f"{seconds:.1f}", "s")
    bench("spark_local2_throughput", f"{n / seconds:.1f}", "articles/s")
    total = sum(m["stage_seconds"].values())
    for stage, s in m["stage_seconds"].items():
        key = stage.replace(" ", "_")
        bench(f"spark_stage_{key}_share", f"{s / total:.3f}", "ratio")
        bench(f"spark_stage_{key}_per_1000_articles_per_core", f"{s * cores * 1000 / n:.1f}", "core-s")
    if m["shuffle_bytes"] is not None:
        bench("spark_shuffle_bytes_per_article", f"{m['shuffle_bytes'] / n:.0f}", "bytes")
    bench("spark_python_worker_peak_rss", m["python_worker_peak_rss_bytes"], "bytes")
    bench("spark_blocks", m["blocks"], "blocks")
    bench("spark_largest_block", m["largest_block"], "articles")

    # Story split against the gold events (PolNeAR has none: left out).
    def split(folder):
        docs = pd.read_parquet(out / folder / "documents")
        return dict(zip(docs["id"], docs["story"]))

    spark_story = split("spark")
    cli_story = {}
    for s in report["stories"]:
        for d in s["documents"]:
            cli_story[os.path.basename(report["documents"][d]["file"])] = s["id"]
    labelled = [a for a in arts if a["event"] and name_of[a["id"]] in cli_story]
    gold = [a["event"] for a in labelled]
    _, _, f_spark = b_cubed([spark_story[a["id"]] for a in labelled], gold)
    _, _, f_cli = b_cubed([cli_story[name_of[a["id"]]] for a in labelled], gold)
    bench("spark_story_labelled_articles", len(labelled), "articles")
    bench("spark_story_bcubed_f1", f"{f_spark:.4f}", "ratio")
    bench("cli_story_bcubed_f1", f"{f_cli:.4f}", "ratio")
    bench("spark_stories", len(set(spark_story.values()) - {None}), "stories")
    bench("cli_stories", len(report["stories"]), "stories")
    # The two splits as partitions: an article is placed alike when the
    # articles sharing its story are the same in both.
    def partition(story_of):
        members = {}
        for k, s in story_of.items():
            members.setdefault(s, set()).add(k)
        return {k: frozenset(members[s]) for k, s in story_of.items()}

    by_spark = partition({name_of[i]: s for i, s in spark_story.items() if s is not None})
    by_cli = partition(cli_story)
    moved = sum(1 for k in by_cli if by_spark.get(k) != by_cli[k])
    bench("spark_cli_story_split_differences", moved, "articles")
    with open(out / "bench.json", "w") as f:
        json.dump({"metrics": m, "job_seconds": seconds, "cli_seconds": cli_seconds,
                   "bcubed_spark": f_spark, "split_differences": moved,
                   "bcubed_cli": f_cli}, f, indent=2)


if __name__ == "__main__":
    main()
