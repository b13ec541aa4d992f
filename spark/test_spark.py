"""The Spark job end to end in local mode: a corpus of over a thousand
articles made from ../shared/eval in; checks out: every table is written
with its columns, every readable article has a story, and each story's
Report (claims first) equals what the CLI prints for the story's files, and
the story split equals the core's split of the whole corpus on one machine.

usage: python spark/test_spark.py PARALLAX_CLI
Without ../shared it skips with a message, except under CI=true, where it
fails. Prints `spark-test ...` lines with the figures.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

COLUMNS = {
    "stories": {"story", "label", "n_documents", "documents", "n_claims", "report"},
    "documents": {"id", "story", "doc", "file", "title", "outlet", "date", "url", "error"},
    "sentences": {"story", "id", "doc", "sentence", "start", "end", "text", "kind", "claim"},
    "claims": {"story", "claim", "label", "n_documents", "documents", "sentences"},
    "quotes": {"story", "quote", "id", "sentence", "text", "speaker", "kind", "quote_group"},
    "quote_groups": {"quote_group", "speaker", "n_quotes", "n_documents", "n_stories", "stories"},
}


def fail(msg):
    print(f"test-spark: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def cli_report(cli, folder, names):
    """The CLI's Report for the files `names` in `folder`, run from there so
    that the documents are named as the job names them."""
    r = subprocess.run(
        [cli, "analyze", "--format", "json", *names],
        cwd=folder, capture_output=True, check=False,
    )
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace")
    return json.loads(r.stdout), None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    shared = make_corpus.SHARED
    if not (shared / "eval").is_dir():
        if os.environ.get("CI") == "true":
            fail(f"{shared} is missing, and CI=true requires it")
        print(f"test-spark: skipped, {shared} is not beside this checkout", file=sys.stderr)
        return

    import pandas as pd
    import parallax

    from parallax_spark import job

    tmp = Path(tempfile.mkdtemp(prefix="parallax-spark-"))
    articles_path = tmp / "articles.jsonl"
    with open(articles_path, "w", encoding="utf-8") as f:
        arts = list(make_corpus.articles(shared))
        # A second row with another id and the same fields: one file to the
        # CLI, which reads the first and names the copy.
        copy = dict(arts[0], id=arts[0]["id"] + "_copy")
        arts.append(copy)
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    if len(arts) < 1000:
        fail(f"the corpus has {len(arts)} articles; the test needs 1,000")

    spark = job.local_session("parallax-test")
    # Connected groups on a known graph: a chain of 40 (numbered so that
    # the smallest label must travel its whole length), a pair, a loner.
    ids = [f"n{i:02d}" for i in range(40)] + ["p0", "p1", "z"]
    chain = [(f"n{i:02d}", f"n{i + 1:02d}") for i in range(39)] + [("p0", "p1")]
    nodes = spark.createDataFrame([(i,) for i in ids], "id string")
    edges = spark.createDataFrame(chain, "a string, b string")
    got = {r["id"]: r["label"] for r in job.components(nodes, edges).collect()}
    want = {i: ("n00" if i.startswith("n") else "p0" if i.startswith("p") else "z") for i in ids}
    if got != want:
        spark.stop()
        fail(f"components: {sorted(set(got.items()) - set(want.items()))[:5]}")
    out = tmp / "out"
    t = time.perf_counter()
    try:
        metrics = job.run(spark, str(articles_path), str(out))
    finally:
        spark.stop()
    seconds = time.perf_counter() - t

    tables = {}
    for name, want in COLUMNS.items():
        df = pd.read_parquet(out / name)
        missing = want - set(df.columns)
        if missing:
            fail(f"table {name} lacks the columns {sorted(missing)}")
        tables[name] = df
    docs = tables["documents"]
    ids = {a["id"] for a in arts}
    if set(docs["id"]) != ids:
        fail(f"documents: {len(ids - set(docs['id']))} articles missing")
    copy_row = docs[docs["id"] == copy["id"]]
    if copy_row["story"].notna().any() or "the same file as" not in str(copy_row["error"].iloc[0]):
        fail(f"the copied article is not named as a copy: {copy_row.to_dict('records')}")
    unplaced = docs[docs["story"].isna()]
    for _, row in unplaced.iterrows():
        if not isinstance(row["error"], str) or not row["error"]:
            fail(f"article {row['id']} has neither a story nor an error")

    # The stories against the core's split of the whole corpus on one
    # machine (the CLI's stories for all the files, in file-name order).
    whole_docs = sorted((job.doc_of(a) for a in arts), key=lambda d: d["name"])
    split = parallax.story_groups(whole_docs)
    file_of = {a["id"]: parallax.to_file(job.doc_of(a))[0] for a in arts}

    def partition(story_of):
        together = {}
        for k, s in story_of.items():
            together.setdefault(s, set()).add(k)
        return {k: frozenset(together[s]) for k, s in story_of.items()}

    one_machine = partition(dict(zip(split["files"], split["story_of"])))
    spark_split = partition(
        {file_of[i]: s for i, s in zip(docs["id"], docs["story"]) if isinstance(s, str)}
    )
    moved = sorted(f for f in one_machine if spark_split.get(f) != one_machine[f])
    if moved:
        fail(f"{len(moved)} articles are in another story than on one machine: {moved[:5]}")
    print(f"spark-test story split equal to one machine's: {len(set(split['story_of']))} stories")

    # Each story against the CLI on the same files.
    by_id = {a["id"]: a for a in arts}
    members = docs.dropna(subset=["story"]).groupby("story")["id"].apply(list).to_dict()
    stories_dir = tmp / "stories"

    def check(item):
        story, story_ids = item
        folder = stories_dir / job.safe_name(story)
        folder.mkdir(parents=True)
        names = []
        for i in story_ids:
            name, data = parallax.to_file(job.doc_of(by_id[i]))
            (folder / name).write_bytes(data)
            names.append(name)
        names.sort()
        mine = json.loads((out / "reports" / f"{job.safe_name(story)}.json").read_text("utf-8"))
        theirs, err = cli_report(cli, folder, names)
        if theirs is None:
            return story, f"the CLI failed: {err}", False
        if mine["claims"] != theirs["claims"]:
            return story, f"claims differ ({len(mine['claims'])} against the CLI's {len(theirs['claims'])})", False
        return story, None, mine == theirs

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(check, sorted(members.items())))
    bad = [(s, e) for s, e, _ in results if e]
    for s, e in bad[:10]:
        print(f"test-spark: story {s}: {e}", file=sys.stderr)
    if bad:
        fail(f"{len(bad)} of {len(results)} stories differ from the CLI")
    whole = sum(1 for *_, same in results if same)

    groups = tables["quote_groups"]
    across = int((groups["n_stories"] > 1).sum())
    n_claims = int(tables["claims"].shape[0])
    print(f"spark-test articles {len(arts)}")
    print(f"spark-test stories {len(results)} (claims {n_claims}) equal to the CLI's: claims in all, whole Report in {whole}")
    print(f"spark-test quote_groups {len(groups)} across stories {across}")
    print(f"spark-test job_seconds {seconds:.1f}")
    print("spark-test metrics " + json.dumps(metrics))
    with open(tmp / "result.json", "w") as f:
        json.dump({"metrics": metrics, "job_seconds": seconds, "stories": len(results),
                   "whole_equal": whole, "quote_groups_across": across}, f)
    if whole != len(results):
        fail(f"{len(results) - whole} stories' Reports differ from the CLI's beyond the claims")
    if os.environ.get("KEEP") != "1":
        shutil.rmtree(tmp, ignore_errors=True)
    print("test-spark: ok")


if __name__ == "__main__":
    main()
