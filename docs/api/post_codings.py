"""Code every turn in the MI caseworkers' focus group in which a caseworker (a participant, not the
moderator) mentions "caseload" with the code "Time and caseload pressure" (under Implementation), and
note what was done in the project journal, once.

    pip install requests             # or Debian: apt-get install python3-requests
    export QUIRE_URL=http://localhost:8080
    export QUIRE_TOKEN=qr_...                   # a read-write token; you need the coder or owner role
    python3 post_codings.py

The codings are yours (the token's user is the coder) and go through the same checks as coding in
the transcript; coding the same span again returns the existing coding instead of a duplicate, and a
rerun finds its journal memo and does not write it again, so the script may run any number of times.
Tested with Python 3.11 and requests 2.28 (Debian 12) against the demo project.
"""
import os

import requests

BASE = os.environ.get("QUIRE_URL", "http://localhost:8080").rstrip("/") + "/api/v1"
session = requests.Session()
session.headers["Authorization"] = "Bearer " + os.environ["QUIRE_TOKEN"]
CODE = "Time and caseload pressure"
MEMO_TITLE = "Auto-coded 'caseload' turns"


def call(method, path, **kwargs):
    response = session.request(method, BASE + path, **kwargs)
    if not response.ok:  # RFC 9457 problem details
        raise SystemExit(f"{response.status_code}: {response.json().get('detail')}")
    return response.json()


projects = call("GET", "/projects")
project = next(p for p in projects if p["name"].startswith("Demo: MI return-to-work study"))
pid = project["id"]

# 1. Search with the same syntax and filters as the search page.
result = call("GET", f"/projects/{pid}/search",
              params={"q": "caseload", "group": "Focus group — MI caseworkers", "limit": 100})
print(f"{result['totalHits']} hits in {result['matchingTurns']} turns")

# 2. Which speakers are the study's participants. Speakers are per document: each document's speaker
#    is linked to a participant, and participants carry attributes. Keep speakers whose participant
#    has Role = caseworker; the focus group's moderator has no such attribute and is left out.
participants = {p["id"]: p for p in call("GET", f"/projects/{pid}/participants")}
caseworker = {(s["documentId"], s["speaker"]) for s in call("GET", f"/projects/{pid}/speakers")
              if participants.get(s["participantId"], {}).get("attributes", {}).get("Role") == "caseworker"}

# 3. Each hit's whole speaker turn: read each document's turns once.
turns = {}
for document_id in sorted({hit["documentId"] for hit in result["hits"]}):
    document = call("GET", f"/projects/{pid}/documents/{document_id}")
    turns[document_id] = {t["index"]: t for t in document["turns"]}

# 4. Code each caseworker turn (turns with several hits once).
coded, skipped = set(), set()
for hit in result["hits"]:
    turn = turns[hit["documentId"]][hit["turnIndex"]]
    key = (hit["documentId"], turn["index"])
    if key in coded or key in skipped:
        continue
    if (hit["documentId"], turn["speaker"]) not in caseworker:
        skipped.add(key)
        print(f"not coded, {turn['speaker']} is not a caseworker participant: {turn['text'][:50]}...")
        continue
    coding = call("POST", f"/projects/{pid}/codings",
                  json={"document": hit["documentId"], "code": CODE, "start": turn["start"], "end": turn["end"]})
    coded.add(key)
    print(f"coding {coding['id']}: {turn['speaker']}: {turn['text'][:60]}...")

# 5. A journal entry saying what the script did, unless a run before wrote the same one.
body = f"post_codings.py coded {len(coded)} caseworker turns mentioning 'caseload' with '{CODE}'."
journal = call("GET", f"/projects/{pid}/memos")
if any(m["target"] == "PROJECT" and m["title"] == MEMO_TITLE and m["body"] == body for m in journal):
    print("the journal already says so; no new memo")
else:
    memo = call("POST", f"/projects/{pid}/memos",
                json={"target": "PROJECT", "targetId": None, "title": MEMO_TITLE, "body": body})
    print(f"journal memo {memo['id']}: {body}")
