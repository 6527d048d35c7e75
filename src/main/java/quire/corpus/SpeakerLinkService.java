package quire.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * Speakers are per document, people are participants: each speaker label of a document links to one
 * participant. A role label ("Sick-listed worker", "Moderator", "P3") is a different person in each
 * document unless the researcher links it; a person-like label is proposed as the same person as the
 * participant of that label, and the researcher accepts or rejects the proposal. Linking, unlinking
 * and the review are here, for the Participants page, the transcript, the CLI and the API; joint
 * displays, exports and the segments API follow the links through {@link #lookup}.
 */
@Service
@Transactional(readOnly = true)
public class SpeakerLinkService {

	private static final String LINK_SQL = """
			select l.document_id, d.name, l.speaker, l.participant_id, p.label, l.origin,
			       (select count(*) from speaker_turn t where t.document_id = l.document_id and t.speaker = l.speaker)
			from speaker_link l join document d on d.id = l.document_id join participant p on p.id = l.participant_id
			""";

	private final JdbcClient jdbc;

	private final CorpusService corpus;

	private final SpeakerLinkStore store;

	private final ProjectAccess access;

	private final AuditLog audit;

	SpeakerLinkService(JdbcClient jdbc, CorpusService corpus, SpeakerLinkStore store, ProjectAccess access,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.corpus = corpus;
		this.store = store;
		this.access = access;
		this.audit = audit;
	}

	/** Every speaker of every document of a project with its participant, by document name and speaker. */
	public List<SpeakerLink> links(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		return jdbc.sql(LINK_SQL + " where d.project_id = ? order by lower(d.name), l.speaker")
			.param(project.value())
			.query(SpeakerLinkService::row)
			.list();
	}

	/** The speakers of one document with their participants. */
	public List<SpeakerLink> links(DocumentId document) {
		DocumentSummary d = document(document);
		access.require(d.projectId(), ProjectRole.VIEWER);
		return jdbc.sql(LINK_SQL + " where l.document_id = ? order by l.speaker")
			.param(document.value())
			.query(SpeakerLinkService::row)
			.list();
	}

	/** The link of one speaker of a document, if the document has that speaker. */
	public Optional<SpeakerLink> link(DocumentId document, String speaker) {
		return links(document).stream().filter(l -> l.speaker().equals(speaker)).findFirst();
	}

	/** The proposals awaiting the researcher's review: same label, maybe the same person. */
	public List<SpeakerLink> proposals(ProjectId project) {
		return links(project).stream().filter(l -> l.origin() == LinkOrigin.PROPOSED).toList();
	}

	/**
	 * Links a document's speaker to a participant of the same project (the researcher says who speaks).
	 * @throws IllegalArgumentException when the document has no such speaker or the participant is not in
	 *         its project; nothing changes
	 */
	@Transactional
	public SpeakerLink link(DocumentId document, String speaker, long participant) {
		SpeakerLink current = existing(document, speaker);
		DocumentSummary d = document(document);
		access.require(d.projectId(), ProjectRole.CODER);
		String label = jdbc.sql("select label from participant where id = ? and project_id = ?")
			.params(participant, d.projectId().value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException(
					"no participant with id " + participant + " in the project of '" + d.name() + "'"));
		store.relink(document, current.speaker(), participant, LinkOrigin.RESEARCHER);
		audit.record(d.projectId(), "participant",
				"linked speaker '" + current.speaker() + "' of '" + d.name() + "' to '" + label + "'");
		return existing(document, speaker);
	}

	/**
	 * Proposes that a document's speaker is a participant, for the researcher to accept or reject (an
	 * exchange file that names a case like the speaker, for example). A link the researcher made is
	 * left as it is.
	 * @throws IllegalArgumentException as {@link #link(DocumentId, String, long)}
	 */
	@Transactional
	public SpeakerLink propose(DocumentId document, String speaker, long participant) {
		SpeakerLink current = existing(document, speaker);
		if (current.origin() == LinkOrigin.RESEARCHER || current.participantId() == participant) {
			return current;
		}
		link(document, speaker, participant);
		store.setOrigin(document, current.speaker(), LinkOrigin.PROPOSED);
		return existing(document, speaker);
	}

	/**
	 * Gives a document's speaker a participant of its own for this document ("Sick-listed worker —
	 * mi-session-01"), so it is no longer counted as the person it was linked to. A speaker that already
	 * has its own participant keeps it.
	 * @throws IllegalArgumentException when the document has no such speaker
	 */
	@Transactional
	public SpeakerLink unlink(DocumentId document, String speaker) {
		SpeakerLink current = existing(document, speaker);
		DocumentSummary d = document(document);
		access.require(d.projectId(), ProjectRole.CODER);
		if (isOwn(current)) {
			store.setOrigin(document, current.speaker(), LinkOrigin.DOCUMENT);
			return existing(document, speaker);
		}
		long own = store.createParticipant(d.projectId(), SpeakerLink.documentLabel(current.speaker(), d.name()), document);
		store.relink(document, current.speaker(), own, LinkOrigin.DOCUMENT);
		audit.record(d.projectId(), "participant", "unlinked speaker '" + current.speaker() + "' of '" + d.name()
				+ "' from '" + current.participantLabel() + "'");
		return existing(document, speaker);
	}

	/**
	 * Accepts a proposal: the speaker is the person the proposal named.
	 * @throws IllegalArgumentException when there is no such speaker or its link is not a proposal
	 */
	@Transactional
	public SpeakerLink accept(DocumentId document, String speaker) {
		SpeakerLink current = proposal(document, speaker);
		DocumentSummary d = document(document);
		access.require(d.projectId(), ProjectRole.CODER);
		store.setOrigin(document, current.speaker(), LinkOrigin.RESEARCHER);
		audit.record(d.projectId(), "participant", "accepted speaker '" + current.speaker() + "' of '" + d.name()
				+ "' as '" + current.participantLabel() + "'");
		return existing(document, speaker);
	}

	/**
	 * Rejects a proposal: the speaker gets a participant of its own for this document; the participant
	 * that was proposed keeps its other documents, attributes and answers.
	 * @throws IllegalArgumentException when there is no such speaker or its link is not a proposal
	 */
	@Transactional
	public SpeakerLink reject(DocumentId document, String speaker) {
		proposal(document, speaker);
		return unlink(document, speaker);
	}

	/** Who speaks under each label of each document of a project, read once, for joining coded segments to people. */
	public ParticipantLookup lookup(ProjectId project) {
		Map<DocumentId, Map<String, Long>> bySpeaker = new HashMap<>();
		jdbc.sql("select l.document_id, l.speaker, l.participant_id from speaker_link l join document d on d.id = l.document_id "
				+ "where d.project_id = ?")
			.param(project.value())
			.query((rs, n) -> bySpeaker.computeIfAbsent(new DocumentId(rs.getLong(1)), k -> new HashMap<>())
				.put(rs.getString(2), rs.getLong(3)))
			.list();
		Map<String, Long> byLabel = new HashMap<>();
		jdbc.sql("select label, id from participant where project_id = ?")
			.param(project.value())
			.query((rs, n) -> byLabel.put(rs.getString(1), rs.getLong(2)))
			.list();
		return new ParticipantLookup(bySpeaker, byLabel);
	}

	/** Whether the speaker's participant is its own: made for this document and linked nowhere else. */
	private boolean isOwn(SpeakerLink link) {
		Long forDocument = jdbc.sql("select for_document from participant where id = ?")
			.param(link.participantId())
			.query((rs, n) -> {
				long v = rs.getLong(1);
				return rs.wasNull() ? null : v;
			})
			.optional()
			.orElse(null);
		long elsewhere = jdbc.sql("select count(*) from speaker_link where participant_id = ? and not (document_id = ? and speaker = ?)")
			.params(link.participantId(), link.document().value(), link.speaker())
			.query(Long.class)
			.single();
		return forDocument != null && forDocument == link.document().value() && elsewhere == 0;
	}

	private SpeakerLink proposal(DocumentId document, String speaker) {
		SpeakerLink current = existing(document, speaker);
		if (current.origin() != LinkOrigin.PROPOSED) {
			throw new IllegalArgumentException("speaker '" + current.speaker() + "' of '" + current.documentName()
					+ "' is not a proposal to review (" + current.origin().label() + ")");
		}
		return current;
	}

	private SpeakerLink existing(DocumentId document, String speaker) {
		DocumentSummary d = document(document);
		List<SpeakerLink> all = links(document);
		return all.stream()
			.filter(l -> l.speaker().equals(speaker))
			.findFirst()
			.or(() -> all.stream().filter(l -> l.speaker().strip().equalsIgnoreCase(speaker.strip())).findFirst())
			.orElseThrow(() -> new IllegalArgumentException("'" + d.name() + "' has no speaker '" + speaker.strip()
					+ "'" + (all.isEmpty() ? "" : "; its speakers are "
							+ String.join(", ", all.stream().map(SpeakerLink::speaker).toList()))));
	}

	private DocumentSummary document(DocumentId document) {
		return corpus.document(document).orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
	}

	private static SpeakerLink row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SpeakerLink(new DocumentId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				LinkOrigin.valueOf(rs.getString(6)), rs.getInt(7));
	}

}
