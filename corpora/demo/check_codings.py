#!/usr/bin/env python3
"""Checks codings.csv, the demo two-coder thematic coding of the two focus groups.

Standard library only. Run from this folder: python3 check_codings.py [codings.csv]
For every row it checks the coder, the document, the code name, that the quote occurs exactly
once in the document text (focus-group-mi-substitute is read from its .source.txt), and that it
lies within the spoken words of one participant turn (after "[hh:mm:ss] Speaker: " on one line,
not a Moderator or Co-moderator turn), and that it is one to three whole sentences. It prints
counts per coder and document and per code, and the share of each coder's codings that the other
coder has an overlapping coding with the same code (Anna's matched by Jonas, and the reverse).
Exits 1 on any error.
"""
import csv
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_FILE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "codings.csv")
CODERS = ("Anna", "Jonas")
DOCUMENTS = {
    "focus-group-mi-caseworkers": "focus-group-mi-caseworkers.txt",
    "focus-group-mi-substitute": "focus-group-mi-substitute.source.txt",
}
CODES = {
    "Reach": ["Late contact in the sick-leave spell", "Early, proactive contact"],
    "Effectiveness": ["Sick-listed workers feel heard", "No visible effect on return to work"],
    "Adoption": ["MI seen as useful", "MI difficult to master", "Good training",
                 "Conflict with the gatekeeper role"],
    "Implementation": ["Time and caseload pressure", "Management support", "Few chances to practise",
                       "Feedback on recorded sessions", "Documentation systems do not fit",
                       "Meeting setting and channel"],
    "Maintenance": ["Need for continued practice", "Sliding back to old habits",
                    "Dependence on enthusiasts", "MI becoming routine practice"],
}
CODE_NAMES = {c for codes in CODES.values() for c in codes}
MODERATORS = {"Moderator", "Co-moderator"}
TURN = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\] ([^:]+): ")
SENTENCE_END = re.compile(r'[.?!]+"?(?=\s|$)')
MARK = re.compile(r"\s*\[[^\]]*\]")  # [laughs], [laughter], [sighs]
MAX_SENTENCES = 3


def sentence_problem(before, quote, after):
    """Returns why quote is not one to three whole sentences of its turn, or None."""
    if before and not re.search(r'([.?!]"?|\])\s$', before):
        return "does not start at the beginning of a sentence"
    if not (quote[0].isupper() or quote[0] in '"['):
        return "does not start with a capital letter"
    if after and not after[0].isspace():
        return "ends inside a word"
    if not re.search(r'([.?!]"?|\])$', quote):
        return "does not end at the end of a sentence"
    n = len(SENTENCE_END.findall(MARK.sub("", quote)))
    if not 1 <= n <= MAX_SENTENCES:
        return "has %d sentences, expected 1 to %d" % (n, MAX_SENTENCES)
    return None


def load_turns(text):
    """Returns [(start, end, speaker)] character spans of the spoken words of each turn."""
    turns = []
    pos = 0
    for line in text.split("\n"):
        m = TURN.match(line)
        if m:
            turns.append((pos + m.end(), pos + len(line.rstrip("\r")), m.group(4)))
        pos += len(line) + 1
    return turns


def main():
    errors = []
    texts, turns = {}, {}
    for doc, name in DOCUMENTS.items():
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            texts[doc] = f.read()
        turns[doc] = load_turns(texts[doc])

    with open(CSV_FILE, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        errors.append("%s: starts with a byte-order mark" % CSV_FILE)
        raw = raw[1:]
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    if not rows or rows[0] != ["coder", "document", "code", "quote"]:
        errors.append("header must be coder,document,code,quote, found %r" % (rows[0] if rows else None))
        rows = [["coder", "document", "code", "quote"]]

    spans = []  # (coder, doc, code, start, end, line number)
    seen = Counter()
    for n, row in enumerate(rows[1:], start=2):
        where = "line %d" % n
        if len(row) != 4:
            errors.append("%s: expected 4 fields, found %d" % (where, len(row)))
            continue
        coder, doc, code, quote = row
        ok = True
        if coder not in CODERS:
            errors.append("%s: unknown coder %r" % (where, coder)); ok = False
        if doc not in DOCUMENTS:
            errors.append("%s: unknown document %r" % (where, doc)); ok = False
        if code not in CODE_NAMES:
            errors.append("%s: unknown code %r" % (where, code)); ok = False
        if quote != quote.strip() or not quote:
            errors.append("%s: quote is empty or has leading/trailing white space" % where); ok = False
        if "\n" in quote or "\r" in quote:
            errors.append("%s: quote spans more than one line" % where); ok = False
        seen[(coder, doc, code, quote)] += 1
        if seen[(coder, doc, code, quote)] == 2:
            errors.append("%s: duplicate row" % where)
        if not ok or doc not in texts:
            continue
        text = texts[doc]
        count = text.count(quote)
        if count != 1:
            errors.append("%s: quote found %d times in %s, expected once: %r"
                          % (where, count, DOCUMENTS[doc], quote[:80]))
            continue
        start = text.find(quote)
        end = start + len(quote)
        turn = next((t for t in turns[doc] if t[0] <= start and end <= t[1]), None)
        if turn is None:
            errors.append("%s: quote is not within the spoken words of one speaker turn: %r"
                          % (where, quote[:80]))
            continue
        if turn[2] in MODERATORS:
            errors.append("%s: quote is from a %s turn, code participants only" % (where, turn[2]))
            continue
        problem = sentence_problem(text[turn[0]:start], quote, text[end:turn[1]])
        if problem:
            errors.append("%s: quote %s: %r" % (where, problem, quote[:80]))
            continue
        spans.append((coder, doc, code, start, end, n))

    # counts
    counts = Counter((s[0], s[1]) for s in spans)
    print("codings per coder and document:")
    for coder in CODERS:
        for doc in DOCUMENTS:
            print("  %-6s %-28s %3d" % (coder, doc, counts[(coder, doc)]))
        print("  %-6s %-28s %3d" % (coder, "total", sum(counts[(coder, d)] for d in DOCUMENTS)))
    codes_used = Counter(s[2] for s in spans)
    print("codes used: %d of %d" % (len(codes_used), len(CODE_NAMES)))
    for dim, codes in CODES.items():
        for c in codes:
            print("  %-15s %-38s %3d" % (dim, c, codes_used[c]))

    # agreement: share of one coder's codings that the other has an overlapping coding for, same code
    def overlap_share(first, second, doc=None):
        mine = [s for s in spans if s[0] == first and (doc is None or s[1] == doc)]
        other = [s for s in spans if s[0] == second]
        hit = sum(1 for s in mine if any(o[1] == s[1] and o[2] == s[2] and o[3] < s[4] and s[3] < o[4]
                                         for o in other))
        return hit, len(mine)

    print("agreement (overlapping coding with the same code by the other coder):")
    for first, second in (("Anna", "Jonas"), ("Jonas", "Anna")):
        for doc in list(DOCUMENTS) + [None]:
            hit, total = overlap_share(first, second, doc)
            share = 100.0 * hit / total if total else 0.0
            print("  %s's codings matched by %s, %-28s %3d of %3d = %5.1f%%"
                  % (first, second, doc or "all documents", hit, total, share))

    if errors:
        print("\n%d error(s):" % len(errors), file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK: %d codings checked, no errors" % len(spans))
    return 0


if __name__ == "__main__":
    sys.exit(main())
