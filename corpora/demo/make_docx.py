#!/usr/bin/env python3
"""Builds focus-group-mi-substitute.docx from focus-group-mi-substitute.source.txt.

Standard library only: a minimal WordprocessingML package with one paragraph per line,
so the demo corpus has a real .docx (as Word or Teams exports would) without binary tooling.
Run from this folder: python3 make_docx.py
"""
import zipfile
from xml.sax.saxutils import escape

SOURCE = "focus-group-mi-substitute.source.txt"
TARGET = "focus-group-mi-substitute.docx"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def document(lines):
    body = "".join(
        '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(line) for line in lines
    )
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body>%s<w:sectPr/></w:body></w:document>" % body)


def main():
    with open(SOURCE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED) as z:
        # fixed timestamps so the file is reproducible byte for byte
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document(lines))):
            info = zipfile.ZipInfo(name, date_time=(2019, 5, 21, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    main()
