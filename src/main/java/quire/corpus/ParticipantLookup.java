package quire.corpus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Who speaks under a label in a document, and which participant a label names where there is no
 * document (a coding lab's session, a questionnaire's respondent id), read once for a project.
 */
public record ParticipantLookup(Map<DocumentId, Map<String, Long>> bySpeaker, Map<String, Long> byLabel) {

	public ParticipantLookup {
		Map<DocumentId, Map<String, Long>> copy = new HashMap<>();
		bySpeaker.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
		bySpeaker = Map.copyOf(copy);
		byLabel = Map.copyOf(byLabel);
	}

	/** The participant who speaks under {@code speaker} in the document. */
	public Optional<Long> speaker(DocumentId document, @Nullable String speaker) {
		if (speaker == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(bySpeaker.getOrDefault(document, Map.of()).get(speaker));
	}

	/**
	 * The participant of a label used in a document (its speaker's link), or, without a document or
	 * when the document has no such speaker, the participant with that label.
	 */
	public Optional<Long> person(@Nullable DocumentId document, @Nullable String label) {
		if (label == null) {
			return Optional.empty();
		}
		if (document != null) {
			Optional<Long> linked = speaker(document, label);
			if (linked.isPresent()) {
				return linked;
			}
		}
		return Optional.ofNullable(byLabel.get(label.strip()));
	}

}
