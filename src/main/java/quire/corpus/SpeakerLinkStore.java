package quire.corpus;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import quire.project.ProjectId;

/**
 * Writes the links of speakers to participants, for the import, the link service and document
 * deletion alike. The link is {@code speaker_link}, one row per document and speaker with its origin;
 * each turn's {@code participant_id} is kept equal to it here, and only here, so that readers of turns
 * (turn counts) need no join (migration V16).
 */
@Component
class SpeakerLinkStore {

	private final JdbcClient jdbc;

	/** The modules that keep data about participants (questionnaire answers), asked before one is removed. */
	private final ObjectProvider<ParticipantUse> uses;

	SpeakerLinkStore(JdbcClient jdbc, ObjectProvider<ParticipantUse> uses) {
		this.jdbc = jdbc;
		this.uses = uses;
	}

	/**
	 * The participant of a speaker of a document being imported, linked. A role label
	 * ({@link SpeakerRoles#isRole}) gets a participant of its own for this document; a person-like label
	 * is proposed as the participant of that label where there is one, else gets its own participant
	 * under the label itself.
	 */
	long linkAtImport(ProjectId project, DocumentId document, String documentName, String speaker) {
		if (!SpeakerRoles.isRole(speaker)) {
			Optional<Long> same = jdbc.sql("select id from participant where project_id = ? and label = ?")
				.params(project.value(), speaker.strip())
				.query(Long.class)
				.optional();
			if (same.isPresent()) {
				insertLink(document, speaker, same.get(), LinkOrigin.PROPOSED);
				return same.get();
			}
			long own = createParticipant(project, speaker.strip(), document);
			insertLink(document, speaker, own, LinkOrigin.DOCUMENT);
			return own;
		}
		long own = createParticipant(project, SpeakerLink.documentLabel(speaker, documentName), document);
		insertLink(document, speaker, own, LinkOrigin.DOCUMENT);
		return own;
	}

	/** A new participant for one document's speaker, under the label or its first free numbered variant. */
	long createParticipant(ProjectId project, String wanted, @Nullable DocumentId forDocument) {
		String label = wanted;
		for (int i = 2; labelTaken(project, label); i++) {
			label = SpeakerLink.numbered(wanted, i);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into participant (project_id, label, for_document) values (?, ?, ?)")
			.params(project.value(), label, forDocument == null ? null : forDocument.value())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private boolean labelTaken(ProjectId project, String label) {
		return jdbc.sql("select count(*) from participant where project_id = ? and label = ?")
			.params(project.value(), label)
			.query(Long.class)
			.single() > 0;
	}

	private void insertLink(DocumentId document, String speaker, long participant, LinkOrigin origin) {
		jdbc.sql("insert into speaker_link (document_id, speaker, participant_id, origin) values (?, ?, ?, ?)")
			.params(document.value(), speaker, participant, origin.name())
			.update();
	}

	/**
	 * Links a document's speaker to another participant (its turns follow); the participant it leaves
	 * is removed if it was made for one document's speaker and nothing is left to it.
	 */
	void relink(DocumentId document, String speaker, long participant, LinkOrigin origin) {
		Long before = jdbc.sql("select participant_id from speaker_link where document_id = ? and speaker = ?")
			.params(document.value(), speaker)
			.query(Long.class)
			.optional()
			.orElse(null);
		jdbc.sql("update speaker_link set participant_id = ?, origin = ? where document_id = ? and speaker = ?")
			.params(participant, origin.name(), document.value(), speaker)
			.update();
		jdbc.sql("update speaker_turn set participant_id = ? where document_id = ? and speaker = ?")
			.params(participant, document.value(), speaker)
			.update();
		if (before != null && before != participant) {
			removeIfOrphan(before);
		}
	}

	/** Sets only the origin (accepting a proposal). */
	void setOrigin(DocumentId document, String speaker, LinkOrigin origin) {
		jdbc.sql("update speaker_link set origin = ? where document_id = ? and speaker = ?")
			.params(origin.name(), document.value(), speaker)
			.update();
	}

	/**
	 * Removes a participant that was made for one document's speaker once no speaker is linked to it and
	 * the researcher entered nothing about it (no attribute value, and no module uses it: no questionnaire answer).
	 */
	void removeIfOrphan(long participant) {
		if (uses.orderedStream().anyMatch(use -> use.uses(participant))) {
			return;
		}
		jdbc.sql("""
				delete from participant where id = ? and for_document is not null
				and not exists (select 1 from speaker_link where participant_id = ?)
				and not exists (select 1 from participant_value where participant_id = ?)
				""").params(participant, participant, participant).update();
	}

	/** The links of an edited copy: each speaker, under its new label, keeps its participant and origin. */
	void copyLinks(DocumentId original, DocumentId copy, UnaryOperator<@Nullable String> speakers) {
		record Row(String speaker, long participant, String origin) {
		}
		List<Row> rows = jdbc.sql("select speaker, participant_id, origin from speaker_link where document_id = ? order by speaker")
			.param(original.value())
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.list();
		java.util.Set<String> done = new java.util.HashSet<>();
		for (Row row : rows) {
			String label = speakers.apply(row.speaker());
			if (label != null && done.add(label)) {
				insertLink(copy, label, row.participant(), LinkOrigin.valueOf(row.origin()));
			}
		}
	}

	/** Before a document is deleted: drops its links and the participants made for it that nothing else uses. */
	void forgetDocument(DocumentId document) {
		List<Long> linked = jdbc.sql("select distinct participant_id from speaker_link where document_id = ?")
			.param(document.value())
			.query(Long.class)
			.list();
		jdbc.sql("delete from speaker_link where document_id = ?").param(document.value()).update();
		linked.forEach(this::removeIfOrphan);
	}

}
