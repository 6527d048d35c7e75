package quire.search;

import quire.project.Project;

/** One project's part of a search across projects. */
public record ProjectHits(Project project, SearchResult result) {
}
