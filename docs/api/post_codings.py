"""Code every turn in the MI caseworkers' focus group that mentions "caseload" with the code
"Time and caseload pressure" (under Implementation), and note what was done in the project journal.

    pip install requests
    export QUIRE_URL=http://localhost:8080
    export QUIRE_TOKEN=qr_...                   # a read-write token; you need the coder or owner role
    python post_codings.py

The codings are yours (the token's user is the coder) and go through the same checks as coding in
the transcript; coding the same span again returns the existing coding instead of a duplicate.
"""
import os

import requests

BASE = os.environ.get("QUIRE_URL", "http://localhost:8080").rstrip("/") + "/api/v1"
session = requests.Session()
session.headers["Authorization"] = "Bearer " + os.environ["QUIRE_TOKEN"]
CODE = "Time and caseload pressure"


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

# 2. Each hit's whole speaker turn: read each document's turns once.
turns = {}
for document_id in sorted({hit["documentId"] for hit in result["hits"]}):
    document = call("GET", f"/projects/{pid}/documents/{document_id}")
    turns[document_id] = {t["index"]: t for t in document["turns"]}

# 3. Code each turn (turns with several hits once).
coded = set()
for hit in result["hits"]:
    turn = turns[hit["documentId"]][hit["turnIndex"]]
    key = (hit["documentId"], turn["index"])
    if key in coded:
        continue
    coding = call("POST", f"/projects/{pid}/codings",
                  json={"document": hit["documentId"], "code": CODE, "start": turn["start"], "end": turn["end"]})
    coded.add(key)
    print(f"coding {coding['id']}: {turn['speaker']}: {turn['text'][:60]}...")

# 4. A journal entry saying what the script did.
call("POST", f"/projects/{pid}/memos",
     json={"target": "PROJECT", "targetId": None, "title": "Auto-coded 'caseload' turns",
           "body": f"post_codings.py coded {len(coded)} turns mentioning 'caseload' with '{CODE}'."})
