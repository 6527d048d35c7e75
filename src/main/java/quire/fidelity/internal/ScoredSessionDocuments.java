package quire.fidelity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import quire.corpus.CounsellingSessionDocuments;
import quire.corpus.DocumentId;
import quire.project.ProjectId;

/** Tells the study design which transcripts are MITI sessions, so their group is inferred as the fidelity strand. */
@Component
class ScoredSessionDocuments implements CounsellingSessionDocuments {

	private final JdbcClient jdbc;

	ScoredSessionDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<DocumentId> documentsWithSessions(ProjectId project) {
		return jdbc.sql("select distinct document_id from miti_session where project_id = ? and document_id is not null")
			.param(project.value())
			.query(Long.class)
			.list()
			.stream()
			.map(DocumentId::new)
			.collect(Collectors.toUnmodifiableSet());
	}

}
