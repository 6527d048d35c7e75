package quire.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import quire.corpus.DocumentId;

/**
 * One data-collection session (focus group or interview) as COREQ items 1, 14, 15, 19, 20 and 21 ask
 * about it; its transcript when the project holds it. A null duration is taken from the transcript's
 * timestamps.
 */
public record CollectionSession(long id, @Nullable DocumentId document, @Nullable LocalDate heldOn, String moderator,
		String coModerator, String setting, String othersPresent, String recording, String fieldNotes,
		@Nullable Integer durationMinutes) {
}
