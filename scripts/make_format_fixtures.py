#!/usr/bin/env python3
"""Writes tests/fixtures/formats/: news-database exports and single articles
as DOCX, RTF, TXT, HTML and PDF, made from invented articles (Python's
standard library only), and expected.json with what each must give back.

    python3 scripts/make_format_fixtures.py

The articles are our own invention (a harbour bridge in a made-up town).
Layouts follow what the databases write: Nexis Uni's cover page, headline,
source, date line, labelled lines, "Body" and "End of Document"; Factiva's
field codes (HD, BY, WC, PD, SN, SC, LA, CY, LP, TD) and "Document" ids;
a Word file with a table, a footnote and a header and footer on every page;
a two-column PDF with a running header and page numbers.
"""
import json
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "formats")

ARTICLES = [
    {
        "title": "Harbour bridge shuts after divers find cracks",
        "outlet": "The Coast Herald",
        "date": "2024-03-05",
        "nexis_date": "March 5, 2024 Tuesday",
        "factiva_date": "5 March 2024",
        "byline": "Ana Ruiz",
        "section": "NEWS; Pg. 3",
        "paragraphs": [
            "The Saltmere harbour bridge closed to all traffic on Monday after divers found cracks in two of its piers.",
            "Engineers from the port authority said the damage was found during a routine inspection and that no one had been hurt.",
            "\u201cWe will not reopen it until every pier has been checked,\u201d said Lena Okafor, the authority\u2019s chief engineer.",
            "About 14,000 vehicles cross the bridge on a normal weekday, according to the town council.",
        ],
    },
    {
        "title": "Ferries added as bridge stays closed",
        "outlet": "Bay Times",
        "date": "2024-03-06",
        "nexis_date": "March 6, 2024 Wednesday",
        "factiva_date": "6 March 2024",
        "byline": "Tomas Berg",
        "section": "LOCAL; Pg. 7",
        "paragraphs": [
            "Two extra ferries began sailing between Saltmere and Northpoint on Tuesday while the harbour bridge remains shut.",
            "The ferry company said crossings would run every twenty minutes from six in the morning until midnight.",
            "Shop owners on the north shore said trade had fallen by almost half since the closure.",
        ],
    },
    {
        "title": "Council sets aside 12 million for pier repairs",
        "outlet": "Saltmere Gazette",
        "date": "2024-03-08",
        "nexis_date": "March 8, 2024 Friday",
        "factiva_date": "8 March 2024",
        "byline": "Ines Duarte",
        "section": "POLITICS; Pg. 2",
        "paragraphs": [
            "Saltmere town council voted on Thursday to spend 12 million on repairing the harbour bridge piers.",
            "The mayor, Joao Pinheiro, told councillors that the bridge could reopen to cars by the end of April.",
            "Opposition councillors asked why earlier inspections had not found the cracks.",
        ],
    },
]


def words(article):
    return sum(len(p.split()) for p in article["paragraphs"])


def expected(name, article, fmt, text=None):
    return {
        "file": name,
        "format": fmt,
        "title": article["title"],
        "outlet": article["outlet"],
        "date": article["date"],
        "byline": article["byline"],
        "section": article.get("section"),
        "length": f"{words(article)} words",
        "text": text if text is not None else "\n\n".join(article["paragraphs"]),
    }


# --------------------------------------------------------------------------
# Nexis Uni as text

def nexis_cover(articles):
    lines = [
        "User Name: Sam Reader",
        "Date and Time: Mar 9, 2024 10:02",
        "Job Number: 221907",
        "",
        f"Documents ({len(articles)})",
        "",
    ]
    for i, a in enumerate(articles, 1):
        lines += [f"{i}. {a['title']}", f"Client/Matter: -None-", ""]
    lines += ["Search Terms: saltmere bridge", "Search Type: Terms and Connectors", ""]
    return lines


def nexis_article(a, extra_body=None):
    lines = [
        a["title"],
        a["outlet"],
        a["nexis_date"],
        "Final Edition",
        "",
        f"Copyright 2024 {a['outlet']} All Rights Reserved",
        "",
        f"Section: {a['section']}",
        f"Length: {words(a)} words",
        f"Byline: {a['byline']}",
        "",
        "Body",
        "",
    ]
    body = extra_body if extra_body is not None else a["paragraphs"]
    for p in body:
        lines += [p, ""]
    lines += [
        "Classification",
        "",
        "Language: ENGLISH",
        "",
        "Publication-Type: Newspaper",
        "",
        f"Load-Date: {a['nexis_date']}",
        "",
        "End of Document",
        "",
    ]
    return lines


def nexis_text(articles):
    lines = nexis_cover(articles)
    for a in articles:
        lines += nexis_article(a)
    return "\n".join(lines)


# --------------------------------------------------------------------------
# DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text):
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(text, note=None):
    ref = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note}"/></w:r>' if note else ""
    # Split the text into two runs, as Word does when formatting changes.
    half = len(text) // 2
    cut = text.rfind(" ", 0, half) + 1 or half
    return f"<w:p>{run(text[:cut])}{run(text[cut:])}{ref}</w:p>"


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append(f"<w:tc><w:tcPr/>{para(cell)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def docx(path, body_xml, notes, title, creator, created):
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:body>{body_xml}<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
        '<w:footerReference w:type="default" r:id="rId3"/></w:sectPr></w:body></w:document>'
    )
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        + "".join(f'<w:footnote w:id="{i}"><w:p>{run(t)}</w:p></w:footnote>' for i, t in notes.items())
        + "</w:footnotes>"
    )
    header = f'<w:hdr xmlns:w="{W}"><w:p>{run("Saltmere coverage, printed for research")}</w:p></w:hdr>'
    footer = (
        f'<w:ftr xmlns:w="{W}"><w:p>{run("Page ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", types),
            ("_rels/.rels", rels),
            ("word/document.xml", document),
            ("word/footnotes.xml", footnotes),
            ("word/header1.xml", header),
            ("word/footer1.xml", footer),
            ("docProps/core.xml", core),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 9, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


TABLE = [["Crossing", "Vehicles a day"], ["Harbour bridge", "14,000"], ["North ferry", "2,100"]]
NOTE = "Figures from the town council\u2019s 2023 traffic count."


def nexis_docx(path, articles):
    body = []
    cover = nexis_cover(articles)
    body += [para(l) for l in cover if l]
    body.append(PAGE_BREAK)
    expected_texts = []
    for i, a in enumerate(articles):
        for line in nexis_article(a)[:11]:
            if line:
                body.append(para(line))
        body.append(para("Body"))
        paragraphs = list(a["paragraphs"])
        text = list(paragraphs)
        for j, p in enumerate(paragraphs):
            # The first article carries a footnote on its last paragraph and
            # a table after its first.
            note = 1 if (i == 0 and j == len(paragraphs) - 1) else None
            body.append(para(p, note))
            if i == 0 and j == 0:
                body.append(table(TABLE))
        if i == 0:
            text = [paragraphs[0]] + [" ".join(r) for r in TABLE] + paragraphs[1:] + [NOTE]
        expected_texts.append("\n\n".join(text))
        for line in ["Classification", "Language: ENGLISH", f"Load-Date: {a['nexis_date']}", "End of Document"]:
            body.append(para(line))
        body.append(PAGE_BREAK)
    docx(path, "".join(body), {1: NOTE}, "Nexis Uni export", "Nexis Uni", "2024-03-09T10:02:00Z")
    return expected_texts


def single_docx(path, a):
    body = [para(a["title"])]
    for j, p in enumerate(a["paragraphs"]):
        body.append(para(p, 1 if j == 1 else None))
        if j == 0:
            body.append(table(TABLE))
    docx(path, "".join(body), {1: NOTE}, a["title"], a["byline"], a["date"] + "T08:15:00Z")
    ps = a["paragraphs"]
    return "\n\n".join([a["title"], ps[0]] + [" ".join(r) for r in TABLE] + [ps[1], NOTE] + ps[2:])


# --------------------------------------------------------------------------
# Factiva (codes) as RTF and as HTML

def factiva_lines(a, code):
    ps = a["paragraphs"]
    return [
        f"HD {a['title']}",
        f"BY By {a['byline']}",
        f"WC {words(a)} words",
        f"PD {a['factiva_date']}",
        f"SN {a['outlet']}",
        f"SC {code}",
        f"SE {a['section'].split(';')[0].title()}",
        "LA English",
        f"CY Copyright 2024 {a['outlet']}",
        f"LP {ps[0]}",
        "",
        f"TD {ps[1]}",
    ] + sum([["", p] for p in ps[2:]], []) + [
        "",
        f"AN Document {code}0020240305ek3{code[:2].lower()}0001a",
    ]


def rtf_escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        elif o < 256:
            # Windows-1252 bytes as the export would write them.
            out.append("\\'%02x" % ch.encode("cp1252")[0])
        else:
            # A Unicode character with its one-byte fallback.
            b = ch.encode("cp1252", errors="replace")
            fallback = "\\'%02x" % b[0] if b != b"?" else "?"
            out.append(f"\\u{o if o < 32768 else o - 65536}{fallback}")
    return "".join(out)


RTF_HEAD = (
    "{\\rtf1\\ansi\\ansicpg1252\\deff0"
    "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}}"
    "{\\colortbl;\\red0\\green0\\blue0;\\red200\\green0\\blue0;}"
    "{\\stylesheet{\\s0 Normal;}{\\s1\\b Heading 1;}}"
)


def factiva_rtf(path, articles):
    codes = ["COASTH", "BAYTIM", "SALTGZ"]
    parts = [RTF_HEAD, "{\\info{\\title Factiva export}{\\author Factiva}}\n"]
    parts.append("\\pard\\f1\\fs20 Factiva\\par\\par\n")
    for a, code in zip(articles, codes):
        for line in factiva_lines(a, code):
            if line.startswith(("HD ", "LP ", "TD ")):
                parts.append("{\\b " + line[:2] + "}" + rtf_escape(line[2:]) + "\\par\n")
            else:
                parts.append(rtf_escape(line) + "\\par\n")
        parts.append("\\page\n")
    parts.append("}")
    with open(path, "w", encoding="ascii") as f:
        f.write("".join(parts))


def factiva_html(path, articles):
    codes = ["COASTH", "BAYTIM", "SALTGZ"]
    html = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Factiva</title></head><body>"]
    html.append("<div class=\"header\"><p>Factiva</p></div>")
    for a, code in zip(articles, codes):
        html.append("<div class=\"article\">")
        for line in factiva_lines(a, code):
            if line:
                html.append("<p>" + esc(line) + "</p>")
        html.append("</div>")
    html.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(html))


def nexis_html(path, articles):
    """Nexis Uni's export saved as a web page: each line a paragraph."""
    html = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Nexis Uni</title></head><body>"]
    for line in nexis_text(articles).split("\n"):
        if line:
            html.append("<p>" + esc(line) + "</p>")
    html.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(html))


def generic_text(path, articles):
    """The documented generic layout: a divider line, then Label: value lines."""
    parts = ["Saltmere bridge coverage, collected by hand", ""]
    for a in articles:
        parts += [
            "=" * 40,
            f"Title: {a['title']}",
            f"Source: {a['outlet']}",
            f"Date: {a['date']}",
            f"Author: {a['byline']}",
            f"Section: {a['section']}",
            f"Length: {words(a)} words",
            "",
        ]
        for p in a["paragraphs"]:
            parts += [p, ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def single_rtf(path, a):
    parts = [
        RTF_HEAD,
        "{\\info{\\title " + rtf_escape(a["title"]) + "}{\\author " + rtf_escape(a["byline"]) + "}"
        "{\\creatim\\yr2024\\mo3\\dy6\\hr9\\min30}}\n",
        "{\\*\\generator Hand written;}\\uc1\\pard\\plain\\s1\\b\\fs28 " + rtf_escape(a["title"]) + "\\par\n",
        "\\pard\\plain\\fs22 ",
    ]
    for p in a["paragraphs"]:
        parts.append(rtf_escape(p) + "\\par\n")
    # Accented words through the code page and a \u escape with \uc skip.
    extra = "Caf\\'e9 owners near the pier, among them Jos\\u233\\'e9 Ara\\'fajo, said they would wait.\\par\n"
    parts.append(extra)
    parts.append("}")
    with open(path, "w", encoding="ascii") as f:
        f.write("".join(parts))
    return "\n\n".join([a["title"]] + a["paragraphs"] + ["Caf\u00e9 owners near the pier, among them Jos\u00e9 Ara\u00fajo, said they would wait."])


# --------------------------------------------------------------------------
# PDF: two columns, a running header and a page number on every page

def pdf_escape(s):
    b = s.encode("cp1252")
    out = []
    for c in b:
        ch = chr(c)
        if ch in "\\()":
            out.append("\\" + ch)
        elif c < 32 or c > 126:
            out.append("\\%03o" % c)
        else:
            out.append(ch)
    return "".join(out)


def wrap(paragraph, width):
    """Lines of at most `width` characters; long words split with a hyphen at
    the line end, as justified newspaper columns do."""
    lines, line = [], ""
    for word in paragraph.split():
        candidate = (line + " " + word).strip()
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - 2
        if len(word) >= 9 and room >= 4 and word.isalpha():
            lines.append((line + " " + word[:room] + "-").strip())
            line = word[room:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def two_column_pdf(path, a, extra):
    paragraphs = a["paragraphs"] + extra
    width = 44
    column_lines = []
    for p in paragraphs:
        column_lines += wrap(p, width) + [""]
    per_column = 16
    pages = []
    i = 0
    while i < len(column_lines):
        left = column_lines[i:i + per_column]
        right = column_lines[i + per_column:i + 2 * per_column]
        pages.append((left, right))
        i += 2 * per_column
    objects = []

    def add(obj):
        objects.append(obj)
        return len(objects)

    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    contents = []
    for n, (left, right) in enumerate(pages, 1):
        ops = ["BT /F1 9 Tf 50 760 Td (" + pdf_escape("The Coast Herald | Saltmere edition") + ") Tj ET"]
        top = 730
        if n == 1:
            ops.append("BT /F1 16 Tf 50 730 Td (" + pdf_escape(a["title"]) + ") Tj ET")
            top = 700
        # Interleave the columns in the stream, as many layout programs do,
        # so only positions give the reading order.
        for k in range(max(len(left), len(right))):
            y = top - 14 * k
            if k < len(left) and left[k]:
                ops.append(f"BT /F1 10 Tf 50 {y} Td (" + pdf_escape(left[k]) + ") Tj ET")
            if k < len(right) and right[k]:
                ops.append(f"BT /F1 10 Tf 310 {y} Td (" + pdf_escape(right[k]) + ") Tj ET")
        ops.append(f"BT /F1 9 Tf 290 40 Td ({n}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        contents.append(stream)
    pages_id = len(objects) + 1 + 2 * len(pages) + 1
    for stream in contents:
        c = add(("<< /Length %d >>\nstream\n" % len(stream)).encode("latin-1") + stream + b"\nendstream")
        p = add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")
        page_ids.append(p)
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>") == pages_id
    info = add(f"<< /Title ({pdf_escape(a['title'])}) /Author ({pdf_escape(a['byline'])}) >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        body = obj if isinstance(obj, bytes) else obj.encode("latin-1")
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)
    return "\n\n".join([a["title"]] + paragraphs)


# --------------------------------------------------------------------------
# Older and other real-world layouts

def lexis_academic_text(path, articles):
    """LexisNexis Academic (before Nexis Uni) as text: a print request page,
    then each article opened by a centred 'N of M DOCUMENTS' line; source,
    date and edition centred, the headline, upper-case labels (a long byline
    wrapped), the text, upper-case trailer labels and the copyright notice."""
    n = len(articles)
    lines = [
        "Print Request: All Items: 1-%d" % n,
        "Time of Request: Saturday, March 9, 2024  10:02:00 EST",
        "Send To: READER, SAM",
        "Terms: saltmere bridge",
        "",
    ]
    for i, a in enumerate(articles, 1):
        lines += [
            "",
            " " * 30 + f"{i} of {n} DOCUMENTS",
            "",
            " " * 28 + a["outlet"],
            "",
            " " * 26 + a["nexis_date"],
            " " * 30 + "Final Edition",
            "",
            a["title"],
            "",
        ]
        byline = f"BYLINE: {a['byline']}, Staff Reporter, with additional reporting"
        cut = byline.rfind(" ", 0, 40)
        lines += [byline[:cut], byline[cut + 1:], ""]
        lines += [f"SECTION: {a['section']}", "", f"LENGTH: {words(a)} words", "", ""]
        for p in a["paragraphs"]:
            lines += [p, ""]
        lines += [
            "",
            f"LOAD-DATE: {a['nexis_date']}",
            "",
            "LANGUAGE: ENGLISH",
            "",
            "PUBLICATION-TYPE: Newspaper",
            "",
            " " * 20 + f"Copyright 2024 {a['outlet']}",
            " " * 26 + "All Rights Reserved",
            "",
        ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def nexis_uni_variants_docx(path, articles):
    """Nexis Uni as Word with what real downloads add: a no-break space after
    each label's colon, a Highlight: line, the date line with the weekday
    first, and a Graphic section (photo captions) after the text."""
    nbsp = "\u00a0"
    body = [para(l) for l in nexis_cover(articles) if l]
    body.append(PAGE_BREAK)
    for a in articles:
        head = [
            a["title"],
            a["outlet"],
            a["nexis_date"],
            f"Copyright 2024 {a['outlet']} All Rights Reserved",
            f"Section:{nbsp}{a['section']}",
            f"Length:{nbsp}{words(a)} words",
            f"Byline:{nbsp}{a['byline']}",
            f"Highlight:{nbsp}{a['paragraphs'][0][:60]}",
            "Body",
        ]
        body += [para(l) for l in head]
        body += [para(p) for p in a["paragraphs"]]
        body += [para(l) for l in [
            "Graphic",
            f"Photo: the harbour bridge seen from the north shore. Photo by Sam Lee for {a['outlet']}",
            "Classification",
            f"Language:{nbsp}ENGLISH",
            f"Load-Date:{nbsp}{a['nexis_date']}",
            "End of Document",
        ]]
        body.append(PAGE_BREAK)
    docx(path, "".join(body), {}, "Nexis Uni export", "Nexis Uni", "2024-03-09T10:02:00Z")


FACTIVA_CODES = ["COASTH", "BAYTIM", "SALTGZ"]


def factiva_display_html(path, articles):
    """Factiva's article display (no field codes) saved as a web page: each
    article a headline, byline, word count, date, time, source, source code,
    language and copyright line, each in a div of its own, the text in
    paragraphs, and the 'Document' id line."""
    html = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Factiva</title></head><body>']
    html.append('<div id="header">Dow Jones Factiva</div>')
    for a, code in zip(articles, FACTIVA_CODES):
        html.append('<div class="article">')
        for line in [
            a["title"],
            f"By {a['byline']}",
            f"{words(a)} words",
            a["factiva_date"],
            "10:02",
            a["outlet"],
            code,
            "English",
            f"(c) 2024 {a['outlet']}. All rights reserved.",
        ]:
            html.append(f"<div>{esc(line)}</div>")
        for p in a["paragraphs"]:
            html.append(f'<p class="articleParagraph">{esc(p)}</p>')
        html.append(f"<p>Document {code}0020240305ek3{code[:2].lower()}0001a</p>")
        html.append("</div>")
    html.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(html))


FACTIVA_IN_TEXT = "IN 2023 the bridge carried more traffic than in any year since it opened."


def factiva_indexing_html(path, articles):
    """Factiva with indexing shown, saved as a web page: a table per article,
    the code in one cell and its value in the next; the index fields (CO,
    IN, NS, RE, IPD, PUB) after the text; one paragraph of the text opens
    with a word that is also a code ('IN 2023 ...')."""
    html = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Factiva</title></head><body>']
    for a, code in zip(articles, FACTIVA_CODES):
        ps = a["paragraphs"] + [FACTIVA_IN_TEXT]
        rows = [
            ("HD", [a["title"]]),
            ("BY", [f"By {a['byline']}"]),
            ("WC", [f"{words(a)} words"]),
            ("PD", [a["factiva_date"]]),
            ("SN", [a["outlet"]]),
            ("SC", [code]),
            ("LA", ["English"]),
            ("CY", [f"Copyright 2024 {a['outlet']}"]),
            ("LP", ps[:1]),
            ("TD", ps[1:]),
            ("CO", ["shbrau : Saltmere Harbour Authority"]),
            ("IN", ["iconst : Construction | ibridg : Bridges"]),
            ("NS", ["gcat : Political/General News"]),
            ("RE", ["salt : Saltmere"]),
            ("IPD", ["Infrastructure"]),
            ("PUB", [a["outlet"]]),
            ("AN", [f"Document {code}0020240305ek3{code[:2].lower()}0001a"]),
        ]
        html.append("<table>")
        for c, values in rows:
            cell = "".join(f"<p>{esc(v)}</p>" for v in values)
            html.append(f"<tr><td><b>{c}</b></td><td>{cell}</td></tr>")
        html.append("</table>")
    html.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(html))


PDF_EXTRA = [
    "Harbour pilots said the closure had changed how larger vessels approach the inner basin, because the bridge spans no longer need to be raised for them.",
    "The port authority expects the divers to finish their survey of the remaining piers within a fortnight, weather permitting, and will publish the findings.",
    "Residents of the old quarter have asked for a temporary footbridge so that schoolchildren can reach the northern campus without taking the ferry twice a day.",
    "A spokesman for the regional transport office said funding for such a footbridge could be found if the council formally requested it before the summer.",
]


def main():
    os.makedirs(OUT, exist_ok=True)
    exp = []
    with open(os.path.join(OUT, "nexis_export.txt"), "w", encoding="utf-8") as f:
        f.write(nexis_text(ARTICLES))
    for i, a in enumerate(ARTICLES, 1):
        exp.append(expected(f"nexis_export.txt#{i}", a, "text"))
    texts = nexis_docx(os.path.join(OUT, "nexis_export.docx"), ARTICLES)
    for i, (a, t) in enumerate(zip(ARTICLES, texts), 1):
        exp.append(expected(f"nexis_export.docx#{i}", a, "docx", t))
    nexis_html(os.path.join(OUT, "nexis_export.html"), ARTICLES)
    generic_text(os.path.join(OUT, "generic_export.txt"), ARTICLES)
    for name, fmt in [("nexis_export.html", "html"), ("generic_export.txt", "text")]:
        for i, a in enumerate(ARTICLES, 1):
            exp.append(expected(f"{name}#{i}", a, fmt))
    factiva_rtf(os.path.join(OUT, "factiva_export.rtf"), ARTICLES)
    factiva_html(os.path.join(OUT, "factiva_export.html"), ARTICLES)
    for name, fmt in [("factiva_export.rtf", "rtf"), ("factiva_export.html", "html")]:
        for i, a in enumerate(ARTICLES, 1):
            e = expected(f"{name}#{i}", a, fmt)
            e["section"] = a["section"].split(";")[0].title()
            exp.append(e)
    lexis_academic_text(os.path.join(OUT, "lexis_academic_export.txt"), ARTICLES)
    nexis_uni_variants_docx(os.path.join(OUT, "nexis_uni_variants.docx"), ARTICLES)
    for name, fmt in [("lexis_academic_export.txt", "text"), ("nexis_uni_variants.docx", "docx")]:
        for i, a in enumerate(ARTICLES, 1):
            e = expected(f"{name}#{i}", a, fmt)
            if name.startswith("lexis"):
                e["byline"] = f"{a['byline']}, Staff Reporter, with additional reporting"
            exp.append(e)
    factiva_display_html(os.path.join(OUT, "factiva_display.html"), ARTICLES)
    factiva_indexing_html(os.path.join(OUT, "factiva_indexing.html"), ARTICLES)
    for i, a in enumerate(ARTICLES, 1):
        e = expected(f"factiva_display.html#{i}", a, "html")
        e["section"] = None
        exp.append(e)
    for i, a in enumerate(ARTICLES, 1):
        e = expected(f"factiva_indexing.html#{i}", a, "html",
                     "\n\n".join(a["paragraphs"] + [FACTIVA_IN_TEXT]))
        e["section"] = None
        exp.append(e)
    a = ARTICLES[0]
    t = single_docx(os.path.join(OUT, "single_article.docx"), a)
    exp.append({"file": "single_article.docx", "format": "docx", "title": a["title"],
                "byline": a["byline"], "date": a["date"], "text": t})
    b = ARTICLES[1]
    t = single_rtf(os.path.join(OUT, "single_article.rtf"), b)
    exp.append({"file": "single_article.rtf", "format": "rtf", "title": b["title"],
                "byline": b["byline"], "date": "2024-03-06", "text": t})
    t = two_column_pdf(os.path.join(OUT, "two_columns.pdf"), a, PDF_EXTRA)
    exp.append({"file": "two_columns.pdf", "format": "pdf", "title": a["title"], "text": t,
                "char_f1_at_least": 0.98})
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
