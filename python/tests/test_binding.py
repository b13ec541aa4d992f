"""The Python binding on its own: documents as dicts in; checks that the
Report is the JSON contract, the per-document pieces, and that bad input
raises ParallaxError naming the document. Run by ./build.sh test-spark."""

import json

import parallax

STORM_A = {
    "name": "a",
    "title": "Storm hits coast",
    "outlet": "Daily Planet",
    "date": "2019-02-26",
    "text": "A storm hit the coast on Monday, officials said. Ten homes were damaged. "
    '"We will rebuild," the mayor said.',
}
STORM_B = {
    "name": "b.txt",
    "bytes": "Coastal storm\n\nA storm hit the coast on Monday. Officials said ten homes "
    'were damaged. "We will rebuild," the mayor said.\n'.encode(),
}


def check(cond, what):
    if not cond:
        raise SystemExit(f"test_binding: FAILED: {what}")


def raises(docs, words):
    try:
        parallax.analyze(docs)
    except parallax.ParallaxError as e:
        check(all(w in str(e) for w in words), f"{words} in {e}")
        return
    raise SystemExit(f"test_binding: FAILED: no error for {docs!r}")


def main():
    report = parallax.analyze([STORM_A, STORM_B])
    check(report["schema"] == "parallax.report/1", "schema")
    check(report == json.loads(parallax.analyze_json([STORM_A, STORM_B])), "analyze == analyze_json")
    check([d["file"] for d in report["documents"]] == ["a.json", "b.txt"], "files")
    check(report["documents"][0]["outlet"] == "Daily Planet", "outlet from the dict")
    check(report["documents"][0]["date"] == "2019-02-26", "date from the dict")
    check(len(report["claims"]) >= 2, "the two storms share claims")
    for key in ("documents", "sentences", "quotes", "claims", "quote_groups", "speakers", "similarity"):
        check(key in report, f"Report field {key}")

    name, data = parallax.to_file(STORM_A)
    check(name == "a.json" and json.loads(data)["outlet"] == "Daily Planet", "to_file")

    pieces = parallax.document_pieces(STORM_A)
    check(len(pieces["documents"]) == 1 and len(pieces["sentences"]) == 3, "pieces: sentences")
    check([q["text"] for q in pieces["quotes"]] == ["We will rebuild,"], "pieces: quotes")

    sig = parallax.story_signature(STORM_A)
    check(len(sig) == 32 and sig == parallax.story_signature(STORM_A), "signature: 32 stable keys")
    check(any(x == y for x, y in zip(sig, parallax.story_signature(STORM_B))), "same story meets")
    groups = parallax.story_groups([STORM_A, STORM_B])
    check(groups["story_of"] == [0, 0] and groups["errors"] == [], "one story")
    check(parallax.quote_key("We will rebuild,") == parallax.quote_key("we WILL rebuild"), "quote keys")

    # The story grouping in pieces, as the Spark job runs it, on three
    # documents: two on the storm, one on something else.
    other = {"name": "c", "title": "Chess final drawn",
             "text": "The chess final in Oslo ended in a draw after six hours of play."}
    docs = [STORM_A, STORM_B, other]
    records = [parallax.story_record(d) for d in docs]
    df = {}
    for _, keys in records:
        for k in keys:
            df[k] = df.get(k, 0) + 1
    profiles = [parallax.story_profile(r, len(docs), {k: df[k] for k in keys}) for r, keys in records]
    # Three documents are far under the index's cut-off (32): every term
    # of a document is an index term.
    index = dict(parallax.story_index(profiles[0]))
    check(index and set(index) == set(records[0][1]), "index terms")
    pair = parallax.story_pair(profiles[0], profiles[1])
    check(pair is not None and 0 < pair[0] <= 1.0001 and len(pair[2]) == 20, f"a candidate pair: {pair}")
    check(parallax.story_pair(profiles[0], profiles[2]) is None, "no pair with the chess final")
    p, apart, strong = parallax.story_finish(pair[2], 0.0, 0.0, 0.0, 0.0, False)
    check(0 <= p <= 1 and not apart, "scored")
    linked = parallax.story_link(3, [(0, 1, p)], [])
    whole = parallax.story_groups(docs)["story_of"]
    check(linked == whole == [0, 0, 1], f"pieces group as the whole: {linked} {whole}")
    check(parallax.story_link(2, [(0, 1, 0.99)], [(0, 1)]) == [0, 1], "never joined")
    try:
        parallax.story_profile("{not json", 3, {})
        raise SystemExit("test_binding: FAILED: no error for a bad record")
    except parallax.ParallaxError as e:
        check("story record" in str(e), f"bad record: {e}")
    try:
        parallax.story_record({"name": "i.txt", "bytes": b""})
        raise SystemExit("test_binding: FAILED: no error for an empty record input")
    except parallax.ParallaxError as e:
        check("i.txt" in str(e), f"record error names the file: {e}")

    raises([{"text": "x"}], ["document 0", "'name' is missing"])
    raises([STORM_A, {"name": "c", "text": 3}], ["document 1 (c)", "'text' must be a str"])
    raises([{"name": "d", "text": "x", "bytes": b"x"}], ["document 0 (d)", "not both"])
    raises([{"name": "e", "bytes": b"x", "outlet": "X"}], ["document 0 (e)", "go with 'text'"])
    raises([{"name": "f.txt", "bytes": b""}], ["f.txt", "no document could be analysed"])
    raises("not a list", ["expected a list"])
    mixed = parallax.analyze([STORM_A, {"name": "g.txt", "bytes": b""}])
    check([e["file"] for e in mixed["errors"]] == ["g.txt"], "an empty file is a Report error")
    try:
        parallax.story_signature({"name": "h.txt", "bytes": b""})
        raise SystemExit("test_binding: FAILED: no error for an empty signature input")
    except parallax.ParallaxError as e:
        check("h.txt" in str(e), f"signature error names the file: {e}")
    two = b'[{"title": "A", "text": "One two three."}, {"title": "B", "text": "Four five six."}]'
    try:
        parallax.story_signature({"name": "two.json", "bytes": two})
        raise SystemExit("test_binding: FAILED: no error for a two-record signature input")
    except parallax.ParallaxError as e:
        check("two.json" in str(e) and "gives 2 documents" in str(e), f"two records: {e}")
    print("test_binding: ok")


if __name__ == "__main__":
    main()
