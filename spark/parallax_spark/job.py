"""Parallax on Spark: a table of articles in (JSON lines or Parquet with
columns id, outlet, date, url, title, text); Parquet tables ``stories``,
``documents``, ``sentences``, ``claims``, ``quotes``, ``quote_groups``,
``story_reports`` (story, Report JSON) and, when the output folder is local
or mounted, one Report JSON file per story (``reports/<story>.json``, which
the page opens as it opens a CLI report) and ``metrics.json`` (stage times,
shuffle bytes, Python workers' peak memory) out.

Stages (1, 3, 4 and the quotation keys run the Rust core, the ``parallax``
wheel, inside the executors):

1. signatures: each article's story signature (band keys of min-hashes
   over its headline and lead), one pass over the articles;
2. blocks: articles sharing a band key are candidate pairs; blocks are the
   connected groups of candidate pairs (min-label propagation);
3. stories: each block grouped by the core's own story rules
   (``story_groups``, the stories ``analyze`` finds), in one task;
4. reports: each story analysed by the core (``analyze_json``) exactly as
   the CLI analyses the story's files, in one task;
5. tables: the Reports flattened; quotations grouped across the whole
   corpus by their folded words and by the stories' own quote groups.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time
import urllib.request
import zipfile

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

ARTICLE_COLUMNS = ["id", "outlet", "date", "url", "title", "text"]

SIGNATURES = "id string, name string, keys array<bigint>, error string"
STORY_OF = "id string, story string, error string"
REPORTS = "story string, n_documents int, report string, files string, error string, rss_kb long"
STORIES = (
    "story string, label string, n_documents int, documents array<string>, "
    "first_date string, last_date string, n_claims int, n_quote_groups int, "
    "n_errors int, report string"
)
DOCUMENTS = (
    "id string, story string, doc int, file string, title string, outlet string, "
    "date string, url string, language string, n_sentences int, n_quotes int, error string"
)
SENTENCES = (
    "story string, id string, doc int, sentence int, start int, end int, "
    "text string, kind string, claim int"
)
CLAIMS = (
    "story string, claim int, label string, n_documents int, documents array<string>, "
    "sentences array<int>, n_discrepancies int"
)
QUOTES = (
    "story string, quote int, id string, doc int, sentence int, start int, end int, "
    "text string, speaker string, cue string, kind string, story_group int, key string"
)

# A quotation of fewer words is too common a phrase ("a terrorist group")
# to stand for one remark across a corpus.
MIN_QUOTE_WORDS = 4


def _str(value):
    """A table cell as str or None (pandas gives NaN for a missing string)."""
    return value if isinstance(value, str) and value != "" else None


def safe_name(article_id):
    """A file name for an article id: the CLI's file name for it (with the
    ".json" the core adds). Ids should be unique after this mapping."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", article_id)


def doc_of(row):
    """An article row as a ``parallax`` document dict."""
    return {
        "name": safe_name(str(row["id"])),
        "text": _str(row["text"]) or "",
        "title": _str(row["title"]),
        "outlet": _str(row["outlet"]),
        "date": _str(row["date"]),
        "url": _str(row["url"]),
    }


def _signatures(bands, rows):
    def run(batches):
        import pandas as pd
        import parallax

        for pdf in batches:
            out = {"id": [], "name": [], "keys": [], "error": []}
            for row in pdf.to_dict("records"):
                doc = doc_of(row)
                name, _ = parallax.to_file(doc)
                try:
                    keys, error = parallax.story_signature(doc, bands, rows), None
                except parallax.ParallaxError as e:
                    keys, error = [], str(e)
                out["id"].append(str(row["id"]))
                out["name"].append(name)
                out["keys"].append(keys)
                out["error"].append(error)
            yield pd.DataFrame(out)

    return run


def _group_block(pdf):
    """One block's articles in; each one's story (its first member's id)."""
    import pandas as pd
    import parallax

    rows = sorted(pdf.to_dict("records"), key=lambda r: r["name"])
    if len(rows) == 1:
        return pd.DataFrame({"id": [rows[0]["id"]], "story": [rows[0]["id"]], "error": [None]})
    found = parallax.story_groups([doc_of(r) for r in rows])
    id_of = {r["name"]: r["id"] for r in rows}
    members = {}
    for file, s in zip(found["files"], found["story_of"]):
        members.setdefault(s, []).append(id_of.get(file, file))
    out = {"id": [], "story": [], "error": []}
    for ids in members.values():
        for i in ids:
            out["id"].append(i)
            out["story"].append(ids[0])
            out["error"].append(None)
    for file, reason in found["errors"]:
        out["id"].append(id_of.get(file, file))
        out["story"].append(None)
        out["error"].append(f"{file}: {reason}")
    return pd.DataFrame(out)


def _analyze_story(pdf):
    """One story's articles in; its Report JSON, as the CLI gives it on the
    story's files (sorted by file name, as the CLI reads a folder)."""
    import resource

    import pandas as pd
    import parallax

    rows = sorted(pdf.to_dict("records"), key=lambda r: r["name"])
    story = rows[0]["story"]
    files = json.dumps({r["name"]: r["id"] for r in rows})
    try:
        report, error = parallax.analyze_json([doc_of(r) for r in rows]), None
    except parallax.ParallaxError as e:
        report, error = None, str(e)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return pd.DataFrame(
        {
            "story": [story],
            "n_documents": [len(rows)],
            "report": [report],
            "files": [files],
            "error": [error],
            "rss_kb": [rss],
        }
    )


def _flatten(kind):
    """The rows of one table from each story's Report."""

    def run(batches):
        import pandas as pd
        import parallax

        for pdf in batches:
            out = []
            for row in pdf.to_dict("records"):
                if not isinstance(row["report"], str):
                    continue
                r = json.loads(row["report"])
                id_of = json.loads(row["files"])
                story = row["story"]
                docs = r["documents"]
                ids = [id_of.get(d["file"], d["file"]) for d in docs]
                if kind == "stories":
                    dates = sorted(d["date"] for d in docs if d.get("date"))
                    central = r["stories"][0]["label"] if r["stories"] else None
                    out.append(
                        {
                            "story": story,
                            "label": central,
                            "n_documents": len(docs),
                            "documents": ids,
                            "first_date": dates[0] if dates else None,
                            "last_date": dates[-1] if dates else None,
                            "n_claims": len(r["claims"]),
                            "n_quote_groups": len(r["quote_groups"]),
                            "n_errors": len(r["errors"]),
                            "report": f"reports/{safe_name(story)}.json",
                        }
                    )
                elif kind == "documents":
                    n_sent = [0] * len(docs)
                    n_quot = [0] * len(docs)
                    for s in r["sentences"]:
                        n_sent[s["doc"]] += 1
                    for q in r["quotes"]:
                        n_quot[q["doc"]] += 1
                    for k, d in enumerate(docs):
                        out.append(
                            {
                                "id": ids[k],
                                "story": story,
                                "doc": k,
                                "file": d["file"],
                                "title": d.get("title"),
                                "outlet": d.get("outlet"),
                                "date": d.get("date"),
                                "url": d.get("url"),
                                "language": d.get("language"),
                                "n_sentences": n_sent[k],
                                "n_quotes": n_quot[k],
                                "error": None,
                            }
                        )
                    for e in r["errors"]:
                        out.append(
                            {"id": id_of.get(e["file"], e["file"]), "story": None, "doc": None,
                             "file": e["file"], "error": e["reason"]}
                        )
                elif kind == "sentences":
                    for s in r["sentences"]:
                        out.append(
                            {
                                "story": story,
                                "id": ids[s["doc"]],
                                "doc": s["doc"],
                                "sentence": s["id"],
                                "start": s["start"],
                                "end": s["end"],
                                "text": s["text"],
                                "kind": s["kind"],
                                "claim": s.get("claim"),
                            }
                        )
                elif kind == "claims":
                    for c in r["claims"]:
                        out.append(
                            {
                                "story": story,
                                "claim": c["id"],
                                "label": c.get("label"),
                                "n_documents": len(c["docs"]),
                                "documents": [ids[d] for d in c["docs"]],
                                "sentences": c["sentences"],
                                "n_discrepancies": len(c.get("discrepancies") or []),
                            }
                        )
                elif kind == "quotes":
                    for q in r["quotes"]:
                        key = parallax.quote_key(q["text"])
                        tracked = (
                            q["kind"] in ("statement", "fragment")
                            and len(key.split()) >= MIN_QUOTE_WORDS
                        )
                        out.append(
                            {
                                "story": story,
                                "quote": q["id"],
                                "id": ids[q["doc"]],
                                "doc": q["doc"],
                                "sentence": q["sentence"],
                                "start": q["start"],
                                "end": q["end"],
                                "text": q["text"],
                                "speaker": q.get("speaker"),
                                "cue": q.get("cue"),
                                "kind": q["kind"],
                                "story_group": q.get("group"),
                                "key": key if tracked else None,
                            }
                        )
            cols = [c.split()[0] for c in SCHEMAS[kind].split(", ")]
            yield pd.DataFrame(out, columns=cols)

    return run


SCHEMAS = {
    "stories": STORIES,
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "claims": CLAIMS,
    "quotes": QUOTES,
}


def components(nodes: DataFrame, edges: DataFrame, max_rounds: int = 100) -> DataFrame:
    """Connected groups: ``nodes`` (column ``id``) and undirected ``edges``
    (``a``, ``b``) in; ``id``, ``label`` (the smallest id of its group) out.
    Each round every node takes the smallest label among its neighbours',
    then its label's label (pointer jumping, so a long chain takes about
    log2 of its length in rounds); rounds stop when no label changes."""
    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = both.distinct().localCheckpoint()
    labels = nodes.select("id", F.col("id").alias("label")).localCheckpoint()
    for rounds in range(max_rounds):
        seen = (
            both.join(labels.select(F.col("id").alias("b"), F.col("label").alias("near")), "b")
            .groupBy("a")
            .agg(F.min("near").alias("near"))
        )
        new = (
            labels.join(seen.withColumnRenamed("a", "id"), "id", "left")
            .select("id", F.least("label", F.coalesce("near", "label")).alias("label"))
        )
        jump = new.select(F.col("id").alias("label"), F.col("label").alias("jump"))
        new = (
            new.join(jump, "label", "left")
            .select("id", F.least("label", F.coalesce("jump", "label")).alias("label"))
            .localCheckpoint()
        )
        changed = (
            new.join(labels.withColumnRenamed("label", "old"), "id").where("label != old").count()
        )
        labels = new
        if changed == 0:
            break
    print(f"parallax-spark: connected groups in {rounds + 1} rounds", file=sys.stderr)
    return labels


class Stages:
    """Wall time of each stage (its result forced and cached)."""

    def __init__(self):
        self.seconds = {}

    def run(self, name, make):
        t = time.perf_counter()
        df = make().cache()
        df.count()
        self.seconds[name] = round(time.perf_counter() - t, 3)
        print(f"parallax-spark: {name} {self.seconds[name]:.1f} s", file=sys.stderr)
        return df


def read_articles(spark, path, fmt):
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "json"
    df = spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)
    missing = [c for c in ("id", "text") if c not in df.columns]
    if missing:
        raise SystemExit(f"parallax-spark: {path} lacks the column(s) {', '.join(missing)}")
    for c in ARTICLE_COLUMNS:
        df = df.withColumn(c, F.col(c).cast("string") if c in df.columns else F.lit(None).cast("string"))
    return df.select(*ARTICLE_COLUMNS)


def ship_package(spark):
    """Sends this package to the executors (their Python workers unpickle
    the stage functions from it): no --py-files needed."""
    package = os.path.dirname(os.path.abspath(__file__))
    zipped = os.path.join(tempfile.mkdtemp(prefix="parallax-spark-"), "parallax_spark.zip")
    with zipfile.ZipFile(zipped, "w") as z:
        for f in sorted(os.listdir(package)):
            if f.endswith(".py"):
                z.write(os.path.join(package, f), os.path.join("parallax_spark", f))
    spark.sparkContext.addPyFile(zipped)


def run(spark, articles_path, out, fmt="auto", bands=32, rows=2, max_bucket=100):
    """Runs every stage; returns the metrics written to ``out/metrics.json``."""
    ship_package(spark)
    stages = Stages()
    articles = read_articles(spark, articles_path, fmt)
    n_articles = articles.count()
    dupes = articles.groupBy("id").count().where("count > 1").limit(3).collect()
    if dupes:
        raise SystemExit(f"parallax-spark: article ids are not unique: {[d['id'] for d in dupes]}")

    sigs = stages.run(
        "signatures",
        lambda: articles.mapInPandas(_signatures(bands, rows), SIGNATURES),
    )

    def blocks():
        keyed = sigs.select("id", F.explode("keys").alias("key"))
        # A key that very many articles share is a common phrase, not a story.
        buckets = (
            keyed.groupBy("key")
            .agg(F.collect_list("id").alias("ids"))
            .where((F.size("ids") >= 2) & (F.size("ids") <= max_bucket))
        )
        # A bucket's articles are all candidate pairs of each other; for
        # the connected groups a star from its smallest id says as much
        # with k - 1 edges instead of k(k - 1)/2.
        stars = (
            buckets.select(F.array_min("ids").alias("a"), F.explode("ids").alias("b"))
            .where("a < b")
            .distinct()
        )
        return components(sigs.select("id"), stars).withColumnRenamed("label", "block")

    # Two ids that map to one file name would be one file to the CLI.
    clash = sigs.groupBy("name").agg(F.collect_list("id").alias("ids")).where(F.size("ids") > 1)
    clashes = clash.limit(3).collect()
    if clashes:
        raise SystemExit(
            "parallax-spark: these article ids give the same file name: "
            + "; ".join(", ".join(r["ids"]) for r in clashes)
        )
    block_of = stages.run("blocks", blocks)

    readable = (
        articles.join(sigs.where("error is null").select("id", "name"), "id")
        .join(block_of, "id")
    )
    story_of = stages.run(
        "stories",
        lambda: readable.groupBy("block").applyInPandas(_group_block, STORY_OF),
    )
    reports = stages.run(
        "reports",
        lambda: readable.join(story_of.where("story is not null").select("id", "story"), "id")
        .groupBy("story")
        .applyInPandas(_analyze_story, REPORTS),
    )

    # A local (or mounted) folder gets the Report files and metrics.json;
    # a cluster store (hdfs://, s3a://) gets the tables, with the Reports in
    # the `story_reports` table (story, report JSON) as everywhere.
    local = "://" not in out or out.startswith("file://")
    out_dir = out[len("file://"):] if out.startswith("file://") else out

    def tables():
        if local:
            os.makedirs(out_dir, exist_ok=True)
        reports.select("story", "report").where("report is not null").write.mode(
            "overwrite"
        ).parquet(os.path.join(out, "story_reports"))
        for kind in ("stories", "documents", "sentences", "claims"):
            df = reports.mapInPandas(_flatten(kind), SCHEMAS[kind])
            if kind == "documents":
                unread = sigs.where("error is not null").select(
                    "id", F.lit(None).cast("string").alias("story"), F.lit(None).cast("int").alias("doc"),
                    F.col("name").alias("file"), *[F.lit(None).cast("string").alias(c) for c in
                    ("title", "outlet", "date", "url", "language")],
                    F.lit(None).cast("int").alias("n_sentences"), F.lit(None).cast("int").alias("n_quotes"),
                    "error",
                )
                ungrouped = story_of.where("error is not null").select("id", "error")
                unread = unread.unionByName(
                    ungrouped.join(sigs.select("id", "name"), "id").select(
                        "id", F.lit(None).cast("string").alias("story"), F.lit(None).cast("int").alias("doc"),
                        F.col("name").alias("file"), *[F.lit(None).cast("string").alias(c) for c in
                        ("title", "outlet", "date", "url", "language")],
                        F.lit(None).cast("int").alias("n_sentences"), F.lit(None).cast("int").alias("n_quotes"),
                        "error",
                    )
                )
                df = df.where("story is not null").unionByName(unread)
            df.write.mode("overwrite").parquet(os.path.join(out, kind))
        quotes = reports.mapInPandas(_flatten("quotes"), QUOTES).cache()
        # One remark across the corpus: quotations with the same folded
        # words, joined through each story's own quote groups (which hold a
        # remark's translations and variants: "harsh blow" / "severe blow").
        keyed = quotes.where("key is not null")
        nodes = keyed.select(F.col("key").alias("id")).distinct()
        linked = keyed.where("story_group is not null").select("story", "story_group", "key").distinct()
        edges = (
            linked.alias("x")
            .join(linked.alias("y"), ["story", "story_group"])
            .where(F.col("x.key") < F.col("y.key"))
            .select(F.col("x.key").alias("a"), F.col("y.key").alias("b"))
        )
        group_of = components(nodes, edges).select(
            F.col("id").alias("key"), F.substring(F.sha1("label"), 1, 16).alias("quote_group")
        )
        quotes = quotes.join(group_of, "key", "left")
        quotes.drop("key").write.mode("overwrite").parquet(os.path.join(out, "quotes"))
        dated = quotes.join(
            spark.read.parquet(os.path.join(out, "documents")).select("id", "date"), "id", "left"
        )
        speakers = (
            dated.where("quote_group is not null and speaker is not null")
            .groupBy("quote_group", "speaker")
            .count()
            .groupBy("quote_group")
            .agg(F.max_by("speaker", "count").alias("speaker"))
        )
        groups = (
            dated.where("quote_group is not null")
            .groupBy("quote_group")
            .agg(
                F.count("*").alias("n_quotes"),
                F.countDistinct("id").alias("n_documents"),
                F.countDistinct("story").alias("n_stories"),
                F.sort_array(F.collect_set("story")).alias("stories"),
                F.sort_array(F.collect_set("id")).alias("documents"),
                F.min("date").alias("first_date"),
                F.max("date").alias("last_date"),
                F.slice(F.sort_array(F.collect_set("text")), 1, 5).alias("wordings"),
            )
            .join(speakers, "quote_group", "left")
        )
        groups.write.mode("overwrite").parquet(os.path.join(out, "quote_groups"))
        return groups

    stages.run("tables", tables)

    t = time.perf_counter()
    n_reports = reports.where("report is not null").count()
    if local:
        # One file per story, streamed to the driver a partition at a time.
        folder = os.path.join(out_dir, "reports")
        os.makedirs(folder, exist_ok=True)
        for row in reports.where("report is not null").select("story", "report").toLocalIterator():
            path = os.path.join(folder, safe_name(row["story"]) + ".json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(row["report"])
        stages.seconds["report files"] = round(time.perf_counter() - t, 3)

    rss = reports.agg(F.max("rss_kb")).collect()[0][0] or 0
    metrics = {
        "articles": n_articles,
        "stories": n_reports,
        "blocks": block_of.select("block").distinct().count(),
        "largest_block": block_of.groupBy("block").count().agg(F.max("count")).collect()[0][0],
        "stage_seconds": stages.seconds,
        "python_worker_peak_rss_bytes": int(rss) * 1024,
        "shuffle_bytes": shuffle_bytes(spark),
        "cores": spark.sparkContext.defaultParallelism,
    }
    if local:
        with open(os.path.join(out_dir, "metrics.json"), "w", encoding="utf-8") as f:
            json.dump(metrics, f, indent=2)
    return metrics


def shuffle_bytes(spark):
    """Shuffle bytes written by this application's stages, from Spark's own
    monitoring API (None when the UI is off)."""
    url = spark.sparkContext.uiWebUrl
    if not url:
        return None
    app = spark.sparkContext.applicationId
    try:
        with urllib.request.urlopen(f"{url}/api/v1/applications/{app}/stages", timeout=10) as r:
            stages = json.load(r)
    except OSError:
        return None
    return sum(s.get("shuffleWriteBytes", 0) for s in stages)


def local_session(app_name):
    """A Spark session in local mode sized for this project's test and bench
    (two cores, four shuffle partitions, a 1 GB driver), quiet in the log."""
    spark = (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv=None):
    p = argparse.ArgumentParser(prog="parallax_spark", description=__doc__.split("\n\n")[0])
    p.add_argument("articles", help="JSON lines or Parquet (file or folder)")
    p.add_argument("out", help="output folder (tables, reports/, metrics.json)")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
    p.add_argument("--bands", type=int, default=32, help="band keys per signature")
    p.add_argument("--rows", type=int, default=2, help="min-hashes per band")
    p.add_argument("--max-bucket", type=int, default=100,
                   help="band keys shared by more articles are ignored")
    p.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it")
    p.add_argument("--shuffle-partitions", type=int, default=None)
    a = p.parse_args(argv)
    builder = SparkSession.builder.appName("parallax").config(
        "spark.ui.showConsoleProgress", "false"
    )
    if a.master:
        builder = builder.master(a.master)
    if a.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", a.shuffle_partitions)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        metrics = run(spark, a.articles, a.out, a.format, a.bands, a.rows, a.max_bucket)
    finally:
        spark.stop()
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
