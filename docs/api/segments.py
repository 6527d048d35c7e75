"""Pull the passages coded "Implementation" (with its sub-codes) spoken by MI caseworkers, with their
participant attributes and MITI summary scores, into one pandas data frame: one row per passage,
the demo's two coders merged (the `coders` column lists who coded it).

    pip install requests pandas      # or Debian: apt-get install python3-requests python3-pandas
    export QUIRE_URL=http://localhost:8080      # where Quire runs
    export QUIRE_TOKEN=qr_...                   # from Quire's "API tokens" page (a read token is enough)
    python3 segments.py

Every call sends the token; a token acts as you, with your role in each project. Tested with Python
3.11, requests 2.28 and pandas 1.5 (Debian 12) against the demo project.
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

# 2. The coded passages of "Implementation" (the theme and its sub-codes) whose speakers have the
#    attributes Role = caseworker and Group = MI, page by page (pass "next" back as "after").
#    merge="passages": one row per passage, overlapping codings of all coders merged. Without it each
#    coding is a row (a passage both demo coders coded comes twice); coder="Anna" keeps one coder's.
rows, after = [], 0
while True:
    page = get(f"/projects/{project['id']}/segments", code="Implementation",
               attribute=["Role:caseworker", "Group:MI"], merge="passages", limit=500, after=after)
    assert page["rows"] == "passages"  # the answer says what its rows are
    rows.extend(page["items"])
    if page["next"] is None:
        break
    after = page["next"]

# 3. One table: a row per passage, attributes.* and miti.* as columns (attributes as Quire names
#    them: Role, Group, Gender, Age, Education), the coders and codes joined for the CSV.
segments = pd.json_normalize(rows)
segments["coders"] = segments["coders"].str.join("; ")
segments["codes"] = segments["codes"].str.join("; ")
segments.to_csv("implementation-mi-caseworkers.csv", index=False)
print(f"{len(segments)} passages, written to implementation-mi-caseworkers.csv")
print(segments[["speaker", "coders", "attributes.Gender", "attributes.Age",
                "miti.relational", "miti.technical", "text"]].to_string(max_colwidth=50))
