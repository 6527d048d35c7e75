# Pull the passages coded "Implementation" (with its sub-codes) spoken by MI caseworkers, with their
# participant attributes and MITI summary scores, into one data frame: one row per passage, the
# demo's two coders merged (the `coders` column lists who coded it).
#
#   install.packages(c("httr2", "dplyr"))    # or Debian: apt-get install r-cran-httr2 r-cran-dplyr
#   Sys.setenv(QUIRE_URL = "http://localhost:8080", QUIRE_TOKEN = "qr_...")  # token from "API tokens"
#   source("segments.R")                      # or: Rscript segments.R
#
# The same calls as segments.py. Errors are RFC 9457 problem details; req_error shows their "detail".
# Works with httr2 0.2.2 (Debian 12, R 4.2) and httr2 1.x: the query is built here, because repeating
# a parameter (attribute=...&attribute=...) needs req_url_query(.multi = "explode"), new in httr2 1.0.
library(httr2)
library(dplyr)

base <- paste0(sub("/$", "", Sys.getenv("QUIRE_URL", "http://localhost:8080")), "/api/v1")

# name=value pairs, a parameter with several values repeated, every value percent-encoded
query_string <- function(...) {
  params <- list(...)
  pairs <- unlist(Map(function(name, values) paste0(name, "=", curl::curl_escape(as.character(values))),
                      names(params), params))
  paste(pairs, collapse = "&")
}

quire <- function(path, ...) {
  url <- paste0(base, "/", path)
  if (length(list(...)) > 0) url <- paste0(url, "?", query_string(...))
  request(url) |>
    req_auth_bearer_token(Sys.getenv("QUIRE_TOKEN")) |>
    req_error(body = function(resp) resp_body_json(resp)$detail)
}

# 1. The project, by name, among the projects you belong to.
projects <- quire("projects") |> req_perform() |> resp_body_json(simplifyVector = TRUE)
project_id <- projects$id[startsWith(projects$name, "Demo: MI return-to-work study")]

# 2. Passages of "Implementation" whose speakers have Role = caseworker and Group = MI, page by page.
#    merge = "passages": one row per passage, overlapping codings of all coders merged. Without it
#    each coding is a row (a passage both demo coders coded comes twice); coder = "Anna" keeps one's.
pages <- list()
after <- 0
repeat {
  page <- quire(paste0("projects/", project_id, "/segments"),
                code = "Implementation", attribute = c("Role:caseworker", "Group:MI"),
                merge = "passages", limit = 500, after = after) |>
    req_perform() |>
    resp_body_json(simplifyVector = TRUE, flatten = TRUE)
  stopifnot(page$rows == "passages")  # the answer says what its rows are
  pages[[length(pages) + 1]] <- page$items
  if (is.null(page[["next"]])) break
  after <- page[["next"]]
}

# 3. One table: a row per passage, attributes.* and miti.* as columns (attributes as Quire names
#    them: Role, Group, Gender, Age, Education), the coders and codes joined for the CSV.
segments <- bind_rows(pages) |>
  mutate(coders = vapply(coders, paste, character(1), collapse = "; "),
         codes = vapply(codes, paste, character(1), collapse = "; "),
         codingIds = vapply(codingIds, paste, character(1), collapse = "; "))
write.csv(segments, "implementation-mi-caseworkers.csv", row.names = FALSE)
cat(nrow(segments), "passages, written to implementation-mi-caseworkers.csv\n")
print(select(segments, speaker, coders, attributes.Gender, attributes.Age, miti.relational, miti.technical))
