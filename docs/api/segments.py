"""Pull the segments coded "Implementation" (with its sub-codes) spoken by MI caseworkers, with their
participant attributes and MITI summary scores, into one pandas data frame.

    pip install requests pandas
    export QUIRE_URL=http://localhost:8080      # where Quire runs
    export QUIRE_TOKEN=qr_...                   # from Quire's "API tokens" page (a read token is enough)
    python segments.py

Every call sends the token; a token acts as you, with your role in each project.
"""
import os

import pandas as pd
import requests

BASE = os.environ.get("QUIRE_URL", "http://localhost:8080").rstrip("/") + "/api/v1"
session = requests.Session()
session.headers["Authorization"] = "Bearer " + os.environ["QUIRE_TOKEN"]


def get(path, **params):
    response = session.get(BASE + path, params=params)
    if not response.ok:  # errors are RFC 9457 problem details: the "detail" says what is wrong
        raise SystemExit(f"{response.status_code}: {response.json().get('detail')}")
    return response.json()


# 1. The project, by name, among the projects you belong to.
projects = get("/projects")
project = next(p for p in projects if p["name"].startswith("Demo: MI return-to-work study"))

# 2. The coded segments of "Implementation" (the theme and its sub-codes) whose speakers have the
#    attributes Role = caseworker and Group = MI, page by page (pass "next" back as "after").
rows, after = [], 0
while True:
    page = get(f"/projects/{project['id']}/segments", code="Implementation",
               attribute=["Role:caseworker", "Group:MI"], limit=500, after=after)
    rows.extend(page["items"])
    if page["next"] is None:
        break
    after = page["next"]

# 3. One table: a row per coded segment, attributes.* and miti.* as columns.
segments = pd.json_normalize(rows)
print(segments[["code", "speaker", "attributes.gender", "attributes.age",
                "miti.relational", "miti.technical", "text"]].to_string(max_colwidth=60))
segments.to_csv("implementation-mi-caseworkers.csv", index=False)
