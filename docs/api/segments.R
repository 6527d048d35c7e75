# Pull the segments coded "Implementation" (with its sub-codes) spoken by MI caseworkers, with their
# participant attributes and MITI summary scores, into one data frame.
#
#   install.packages(c("httr2", "dplyr"))
#   Sys.setenv(QUIRE_URL = "http://localhost:8080", QUIRE_TOKEN = "qr_...")  # token from "API tokens"
#   source("segments.R")
#
# The same calls as segments.py. Errors are RFC 9457 problem details; req_error shows their "detail".
library(httr2)
library(dplyr)

base <- paste0(sub("/$", "", Sys.getenv("QUIRE_URL", "http://localhost:8080")), "/api/v1")

quire <- function(path) {
  request(base) |>
    req_url_path_append(path) |>
    req_auth_bearer_token(Sys.getenv("QUIRE_TOKEN")) |>
    req_error(body = function(resp) resp_body_json(resp)$detail)
}

# 1. The project, by name, among the projects you belong to.
projects <- quire("projects") |> req_perform() |> resp_body_json(simplifyVector = TRUE)
project_id <- projects$id[startsWith(projects$name, "Demo: MI return-to-work study")]

# 2. Segments of "Implementation" whose speakers have Role = caseworker and Group = MI, page by page.
pages <- list()
after <- 0
repeat {
  page <- quire(paste0("projects/", project_id, "/segments")) |>
    req_url_query(code = "Implementation", attribute = c("Role:caseworker", "Group:MI"),
                  limit = 500, after = after, .multi = "explode") |>
    req_perform() |>
    resp_body_json(simplifyVector = TRUE, flatten = TRUE)
  pages[[length(pages) + 1]] <- page$items
  if (is.null(page[["next"]])) break
  after <- page[["next"]]
}

# 3. One table: a row per coded segment, attributes.* and miti.* as columns.
segments <- bind_rows(pages)
print(select(segments, code, speaker, attributes.Gender, attributes.Age, miti.relational, miti.technical, text))
write.csv(segments, "implementation-mi-caseworkers.csv", row.names = FALSE)
