package quire.coding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.SpeakerLinkService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;

/**
 * Auto-coding by speaker: codes every turn of chosen speakers, where a speaker is a label <em>in one
 * document</em>. A role label such as "Caseworker 1" or "Sick-listed worker" is a different person in
 * each document unless a researcher linked them ({@link SpeakerLinkService}), so coding a label
 * across the project would count different people as one. To code one person across documents, the
 * researcher chooses the participant and {@link #speakersOf} follows the speaker links.
 */
@Service
@Transactional(readOnly = true)
public class SpeakerCoding {

	/**
	 * A speaker label as it is used in one document.
	 * @param document the document the label speaks in
	 * @param speaker the label exactly as in the transcript
	 */
	public record DocumentSpeaker(DocumentId document, String speaker) {
	}

	/**
	 * What {@link #code} would do: {@code turns} turns (with text) in {@code documents} documents,
	 * of which {@code newCodings} are not yet coded so by the coder.
	 */
	public record Preview(int turns, int documents, int newCodings) {

		/** "5 turns in 2 documents; 4 new codings as Ann (turns already coded so are skipped)." */
		public String describe(String coder) {
			return plural(turns, "turn") + " in " + plural(documents, "document") + "; " + plural(newCodings, "new coding")
					+ " as " + coder + (newCodings < turns ? " (turns already coded so are skipped)." : ".");
		}

		private static String plural(int n, String word) {
			return n + " " + word + (n == 1 ? "" : "s");
		}

	}

	private final CodingService codings;

	private final CodebookService codebook;

	private final CorpusService corpus;

	private final SpeakerLinkService links;

	private final ProjectAccess access;

	private final AuditLog audit;

	SpeakerCoding(CodingService codings, CodebookService codebook, CorpusService corpus, SpeakerLinkService links,
			ProjectAccess access, AuditLog audit) {
		this.codings = codings;
		this.codebook = codebook;
		this.corpus = corpus;
		this.links = links;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The speakers, one per document, that the speaker links tie to these participants: each person
	 * in every document where a researcher linked (or accepted) them, and nowhere else.
	 */
	public Set<DocumentSpeaker> speakersOf(ProjectId project, Collection<Long> participants) {
		Set<Long> wanted = Set.copyOf(participants);
		return links.links(project).stream().filter(l -> wanted.contains(l.participantId()))
			.map(l -> new DocumentSpeaker(l.document(), l.speaker()))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * How many turns and documents {@link #code} covers and how many codings it makes; {@code newCodings}
	 * is exactly what {@link #code} returns if nothing changes in between.
	 * @throws IllegalArgumentException as {@link #code}
	 */
	public Preview preview(ProjectId project, Collection<DocumentSpeaker> speakers, CodeId code, String coder) {
		List<TextSpan> spans = spans(project, speakers);
		int documents = (int) spans.stream().map(TextSpan::documentId).distinct().count();
		return new Preview(spans.size(), documents, codings.previewAll(project, code, coder, spans));
	}

	/**
	 * Codes every turn of the given speakers, each only in its own document, with {@code code},
	 * skipping turns the coder has already coded so.
	 * @return how many codings were made
	 * @throws IllegalArgumentException when a document is not in the project or has no such speaker, or
	 *         the code is not in the project; nothing changes
	 */
	@Transactional
	public int code(ProjectId project, Collection<DocumentSpeaker> speakers, CodeId code, String coder) {
		access.require(project, ProjectRole.CODER);
		List<TextSpan> spans = spans(project, speakers);
		Code c = codebook.code(code).orElseThrow(() -> new IllegalArgumentException("no code with id " + code.value()));
		int made = codings.codeSpans(project, code, coder, spans);
		audit.record(project, "auto-code", "coded '" + c.name() + "' on " + spans.size() + " turns of "
				+ speakers.stream().map(s -> s.speaker() + " in '" + corpus.document(s.document()).orElseThrow().name() + "'")
					.sorted().collect(Collectors.joining(", "))
				+ " (coder " + coder.strip() + ")", "code=" + code.value());
		return made;
	}

	/** The turns with text of the speakers, each in its own document. */
	private List<TextSpan> spans(ProjectId project, Collection<DocumentSpeaker> speakers) {
		Map<DocumentId, Set<String>> byDocument = new HashMap<>();
		speakers.forEach(s -> byDocument.computeIfAbsent(s.document(), d -> new LinkedHashSet<>()).add(s.speaker()));
		List<TextSpan> spans = new ArrayList<>();
		for (var entry : byDocument.entrySet()) {
			Transcript t = corpus.transcript(entry.getKey())
				.orElseThrow(() -> new IllegalArgumentException("no document with id " + entry.getKey().value()));
			if (!t.document().projectId().equals(project)) {
				throw new IllegalArgumentException("document '" + t.document().name() + "' belongs to another project");
			}
			Set<String> present = t.turns().stream().map(Turn::speaker).filter(s -> s != null).collect(Collectors.toSet());
			for (String speaker : entry.getValue()) {
				if (!present.contains(speaker)) {
					throw new IllegalArgumentException("'" + t.document().name() + "' has no speaker '" + speaker + "'");
				}
			}
			for (Turn turn : t.turns()) {
				if (turn.speaker() != null && entry.getValue().contains(turn.speaker())
						&& !t.text().substring(turn.start(), turn.end()).isBlank()) {
					spans.add(new TextSpan(t.document().id(), turn.start(), turn.end()));
				}
			}
		}
		spans.sort(java.util.Comparator.comparing((TextSpan s) -> s.documentId().value()).thenComparingInt(TextSpan::start));
		return spans;
	}

}
