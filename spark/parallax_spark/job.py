"""Parallax on Spark: a table of articles in (JSON lines or Parquet with
columns id, outlet, date, url, title, text); Parquet tables ``stories``,
``documents``, ``sentences``, ``claims``, ``quotes``, ``quote_groups``,
``story_reports`` (story, Report JSON) and, when the output folder is local
or mounted, one Report JSON file per story (``reports/<story>.json``, which
the page opens as it opens a CLI report) and ``metrics.json`` (stage times,
shuffle bytes, Python workers' peak memory) out.

Stages (every one but 5 runs the Rust core, the ``parallax`` wheel, inside
the executors; the story grouping is the CLI's own, cut where it can be
cut, so the stories equal the CLI's on the same files):

1. records: each article's story record (its terms by stable key, mean
   embeddings, dates), one pass over the articles;
2. profiles: corpus-wide document frequencies summed by term, then each
   article's tf-idf profile with them;
3. pairs: articles sharing a term of the core's candidate index (one term
   per band key) are joined; the core admits the candidate pairs and gives
   their features;
4. scores: each pair's features finished with its neighbourhood (each
   article's nearest cosine and lead, mutual nearest) and scored by the
   core's model;
5. blocks: the groups connected by pairs likely one story (min-label
   propagation): average linkage never joins across them;
6. stories: each block grouped by the core's average linkage, in one task;
7. reports: each story analysed by the core (``analyze_json``) exactly as
   the CLI analyses the story's files, in one task;
8. tables: the Reports flattened; quotations grouped across the whole
   corpus by their folded words and by the stories' own quote groups.
"""

import argparse
import hashlib
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
from pyspark.sql.window import Window

ARTICLE_COLUMNS = ["id", "outlet", "date", "url", "title", "text"]

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


RECORDS = "id string, name string, digest string, record string, keys array<bigint>, error string"
PROFILES = "id string, name string, profile string"
INDEX = "name string, key bigint, weight double"
PAIRS = "a string, b string, cosine double, copy boolean, features array<double>"
FINISHED = "a string, b string, probability double, apart boolean, strong boolean"
STORY_OF = "id string, story string, error string"

# The index join sums in double what the core sums in single precision:
# pairs this far under the floor are checked by the core, not dropped.
JOIN_MARGIN = 1e-3
CANDIDATE_FLOOR = 0.05


def _records(batches):
    """Articles in; each one's story record (the core's per-document half
    of the story grouping) and its term keys, or why it is unreadable."""
    import pandas as pd
    import parallax

    for pdf in batches:
        out = {"id": [], "name": [], "digest": [], "record": [], "keys": [], "error": []}
        for row in pdf.to_dict("records"):
            doc = doc_of(row)
            name, data = parallax.to_file(doc)
            out["digest"].append(hashlib.sha256(data).hexdigest())
            try:
                (record, keys), error = parallax.story_record(doc), None
            except parallax.ParallaxError as e:
                record, keys, error = None, [], str(e)
            out["id"].append(str(row["id"]))
            out["name"].append(name)
            out["record"].append(record)
            out["keys"].append(keys)
            out["error"].append(error)
        yield pd.DataFrame(out)


def _profiles(documents):
    def run(batches):
        import pandas as pd
        import parallax

        for pdf in batches:
            profiles = [
                parallax.story_profile(r, documents, dict(zip(ks, vs)) if ks is not None else {})
                for r, ks, vs in zip(pdf["record"], pdf["df_keys"], pdf["df_values"])
            ]
            yield pd.DataFrame({"id": pdf["id"], "name": pdf["name"], "profile": profiles})

    return run


def _index(batches):
    import pandas as pd
    import parallax

    for pdf in batches:
        out = {"name": [], "key": [], "weight": []}
        for name, profile in zip(pdf["name"], pdf["profile"]):
            for key, weight in parallax.story_index(profile):
                out["name"].append(name)
                out["key"].append(key)
                out["weight"].append(weight)
        yield pd.DataFrame(out)


def _pairs(batches):
    import pandas as pd
    import parallax

    for pdf in batches:
        out = {"a": [], "b": [], "cosine": [], "copy": [], "features": []}
        for a, b, pa, pb in zip(pdf["a"], pdf["b"], pdf["pa"], pdf["pb"]):
            found = parallax.story_pair(pa, pb)
            if found is not None:
                out["a"].append(a)
                out["b"].append(b)
                out["cosine"].append(found[0])
                out["copy"].append(found[1])
                out["features"].append(found[2])
        yield pd.DataFrame(out)


def _finish(batches):
    import pandas as pd
    import parallax

    for pdf in batches:
        done = [
            parallax.story_finish(list(f), ba, bb, la, lb, bool(m))
            for f, ba, bb, la, lb, m in zip(pdf["features"], pdf["best_a"], pdf["best_b"],
                                             pdf["lead_a"], pdf["lead_b"], pdf["mutual"])
        ]
        yield pd.DataFrame({"a": pdf["a"], "b": pdf["b"],
                            "probability": [d[0] for d in done],
                            "apart": [d[1] for d in done],
                            "strong": [d[2] for d in done]})


def _link(pdf):
    """One group's documents (connected by pairs likely one story) and
    every candidate pair among them in; each one's story (its first
    member's id) out, by the core's average linkage."""
    import pandas as pd
    import parallax

    members = sorted(set(pdf["a"]) | set(pdf["b"]))
    local = {n: i for i, n in enumerate(members)}
    pairs = pdf[pdf["a"] != pdf["b"]]
    edges = [(local[a], local[b], p) for a, b, p in zip(pairs["a"], pairs["b"], pairs["probability"])]
    never = [(local[a], local[b]) for a, b, x in zip(pairs["a"], pairs["b"], pairs["apart"]) if x]
    story_of = parallax.story_link(len(members), edges, never)
    first = {}
    for n, s in zip(members, story_of):
        first.setdefault(s, n)
    return pd.DataFrame({"name": members, "story_name": [first[s] for s in story_of]})


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
    """Wall time of each stage (its result forced and checkpointed)."""

    def __init__(self):
        self.seconds = {}

    def run(self, name, make):
        t = time.perf_counter()
        # Checkpointed, not only cached: later stages join earlier ones
        # several times over, and a plan that carried every stage's lineage
        # would grow past the driver's memory.
        df = make().localCheckpoint(eager=True)
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


def run(spark, articles_path, out, fmt="auto"):
    """Runs every stage; returns the metrics written to ``out/metrics.json``."""
    ship_package(spark)
    stages = Stages()
    articles = read_articles(spark, articles_path, fmt)
    n_articles = articles.count()
    dupes = articles.groupBy("id").count().where("count > 1").limit(3).collect()
    if dupes:
        raise SystemExit(f"parallax-spark: article ids are not unique: {[d['id'] for d in dupes]}")

    def records():
        found = articles.mapInPandas(_records, RECORDS)
        # Articles whose files are byte for byte the same are one file to
        # the CLI, which reads the first (in file-name order) and names the
        # others: the same here, before anything is counted.
        first = F.first("name").over(Window.partitionBy("digest").orderBy("name"))
        return found.withColumn("first", first).select(
            "id", "name", "record", "keys",
            F.when(
                F.col("error").isNull() & (F.col("name") != F.col("first")),
                F.concat(F.lit("document "), F.col("name"), F.lit(": the same file as "), F.col("first"),
                         F.lit("; loaded once")),
            ).otherwise(F.col("error")).alias("error"),
        )

    sigs = stages.run("records", records)
    # Two ids that map to one file name would be one file to the CLI.
    clash = sigs.groupBy("name").agg(F.collect_list("id").alias("ids")).where(F.size("ids") > 1)
    clashes = clash.limit(3).collect()
    if clashes:
        raise SystemExit(
            "parallax-spark: these article ids give the same file name: "
            + "; ".join(", ".join(r["ids"]) for r in clashes)
        )
    good = sigs.where("error is null")
    documents = good.count()

    def profiles():
        # The corpus figures the core would compute on one machine: how
        # many documents hold each term, summed here over all partitions.
        keyed = good.select("id", F.explode("keys").alias("key"))
        df = keyed.groupBy("key").count()
        own = (
            keyed.join(df, "key")
            .groupBy("id")
            .agg(F.collect_list("key").alias("df_keys"), F.collect_list("count").alias("df_values"))
        )
        return good.join(own, "id", "left").select("id", "name", "record", "df_keys", "df_values") \
            .mapInPandas(_profiles(documents), PROFILES)

    prof = stages.run("profiles", profiles)

    def pairs():
        # Candidate pairs: documents sharing an index term (the core's
        # candidate index, as band keys of one term each), scored by the
        # core, which admits exactly the pairs it admits on one machine.
        idx = prof.mapInPandas(_index, INDEX)
        x, y = idx.alias("x"), idx.alias("y")
        near = (
            x.join(y, F.col("x.key") == F.col("y.key"))
            .where(F.col("x.name") < F.col("y.name"))
            .groupBy(F.col("x.name").alias("a"), F.col("y.name").alias("b"))
            .agg(F.sum(F.col("x.weight") * F.col("y.weight")).alias("dot"))
            .where(F.col("dot") >= CANDIDATE_FLOOR - JOIN_MARGIN)
        )
        pa = prof.select(F.col("name").alias("a"), F.col("profile").alias("pa"))
        pb = prof.select(F.col("name").alias("b"), F.col("profile").alias("pb"))
        return near.join(pa, "a").join(pb, "b").select("a", "b", "pa", "pb").mapInPandas(_pairs, PAIRS)

    cand = stages.run("pairs", pairs)

    def ends(df, value):
        """Each pair's value under both its documents: (name, value)."""
        return df.select(F.col("a").alias("name"), value.alias("v")).unionByName(
            df.select(F.col("b").alias("name"), value.alias("v"))
        )

    def best_of(df, value, col):
        got = ends(df, F.when(~F.col("copy"), value).otherwise(F.lit(0.0))) \
            .groupBy("name").agg(F.max("v").alias(col))
        return got

    def finished():
        feats = cand
        best = best_of(feats, F.col("cosine"), "best")
        lead = best_of(feats, F.col("features")[2], "lead")
        # Each document's two nearest candidates by cosine, ties in pair
        # order, as the core ranks them; a document of two or fewer
        # candidates has no choice.
        both = feats.select(F.col("a").alias("name"), "a", "b", "cosine").unionByName(
            feats.select(F.col("b").alias("name"), "a", "b", "cosine")
        )
        w = Window.partitionBy("name").orderBy(F.col("cosine").desc(), "a", "b")
        ranked = both.withColumn("rank", F.row_number().over(w)).withColumn(
            "degree", F.count("*").over(Window.partitionBy("name"))
        )
        top = ranked.where("rank <= 2 and degree > 2").groupBy("a", "b").count() \
            .where("count = 2").select("a", "b", F.lit(True).alias("mutual"))
        hood = best.join(lead, "name")
        return (
            feats.join(top, ["a", "b"], "left")
            .join(hood.select(F.col("name").alias("a"), F.col("best").alias("best_a"),
                              F.col("lead").alias("lead_a")), "a")
            .join(hood.select(F.col("name").alias("b"), F.col("best").alias("best_b"),
                              F.col("lead").alias("lead_b")), "b")
            .select("a", "b", "features", "best_a", "best_b", "lead_a", "lead_b",
                    F.coalesce("mutual", F.lit(False)).alias("mutual"))
            .mapInPandas(_finish, FINISHED)
        )

    scored = stages.run("scores", finished)

    def blocks():
        # Two documents share a story only through a chain of pairs likely
        # one story (average linkage merges nothing else), so the groups
        # connected by those pairs can be grouped apart, each in one task.
        strong = scored.where("strong").select("a", "b")
        return components(good.select(F.col("name").alias("id")), strong) \
            .select(F.col("id").alias("name"), F.col("label").alias("block"))

    block_of = stages.run("blocks", blocks)

    def stories():
        ba = block_of.select(F.col("name").alias("a"), F.col("block"))
        bb = block_of.select(F.col("name").alias("b"), F.col("block").alias("block_b"))
        inner = scored.join(ba, "a").join(bb, "b").where("block = block_b") \
            .select("block", "a", "b", "probability", "apart")
        # A document alone in its block still needs a row.
        alone = block_of.select("block", F.col("name").alias("a"), F.col("name").alias("b"),
                                F.lit(0.0).alias("probability"), F.lit(False).alias("apart"))
        linked = inner.unionByName(alone).groupBy("block").applyInPandas(
            _link, "name string, story_name string"
        )
        names = sigs.select("id", "name")
        first = names.select(F.col("name").alias("story_name"), F.col("id").alias("story"))
        grouped = linked.join(names, "name").join(first, "story_name") \
            .select("id", "story", F.lit(None).cast("string").alias("error"))
        return grouped

    story_of = stages.run("stories", stories)
    readable = articles.join(good.select("id", "name"), "id")
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
    (two cores, four shuffle partitions, a 2 GB driver, Arrow batches of
    1,000 rows), quiet in the log."""
    spark = (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        # Pair stages carry two profiles (about 9 KB each) per row.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv=None):
    p = argparse.ArgumentParser(prog="parallax_spark", description=__doc__.split("\n\n")[0])
    p.add_argument("articles", help="JSON lines or Parquet (file or folder)")
    p.add_argument("out", help="output folder (tables, reports/, metrics.json)")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
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
        metrics = run(spark, a.articles, a.out, a.format)
    finally:
        spark.stop()
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
