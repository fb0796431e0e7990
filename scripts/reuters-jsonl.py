#!/usr/bin/python3
"""Reuters-21578 (../shared/corpora/reuters21578, reut2-*.sgm) as JSON lines for a topic benchmark: the
articles with a body and exactly one TOPICS code, that code as `source` (the label bench-topics judges
by), id reuters/NEWID, published the DATE's day. Usage: reuters-jsonl.py CORPUS_DIR OUT.jsonl
"""
import datetime
import glob
import html
import json
import os
import re
import sys

DOC = re.compile(r"<REUTERS(.*?)</REUTERS>", re.S)


def element(doc, tag):
    m = re.search(r"<%s[^>]*>(.*?)</%s>" % (tag, tag), doc, re.S)
    return m.group(1) if m else None


def main():
    src, out = sys.argv[1], sys.argv[2]
    n = 0
    with open(out, "w", encoding="utf-8") as w:
        for path in sorted(glob.glob(os.path.join(src, "reut2-*.sgm"))):
            with open(path, encoding="iso-8859-1") as f:
                sgml = f.read()
            for m in DOC.finditer(sgml):
                doc = m.group(1)
                topics = re.findall(r"<D>(.*?)</D>", element(doc, "TOPICS") or "")
                body = element(doc, "BODY")
                if len(topics) != 1 or not body:
                    continue
                title = element(doc, "TITLE") or ""
                newid = re.search(r'NEWID="(\d+)"', doc).group(1)
                day = (element(doc, "DATE") or "").strip().split()[0]
                published = datetime.datetime.strptime(day, "%d-%b-%Y").date().isoformat()
                text = html.unescape(re.sub(r"&#\d+;", " ", title.strip() + "\n\n" + body))
                w.write(json.dumps({"id": "reuters/" + newid, "source": topics[0], "published": published,
                                    "text": text}) + "\n")
                n += 1
    print("reuters-jsonl: %d articles -> %s" % (n, out), file=sys.stderr)


if __name__ == "__main__":
    main()
