package quire.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import quire.media.MediaService;
import quire.media.Recording;
import quire.report.CoreqChecklist.Filled;
import quire.report.CoreqChecklist.Session;

/**
 * What the recordings attached to the sessions' transcripts say for the COREQ checklist: item 19
 * (was an audio or visual recording made?) and, for item 21, a session's duration as its recording's
 * length. A session's recording is the first one found on its documents (the original, then its
 * copies); a recording whose length its headers do not give lends no duration.
 */
@Component
class RecordedSessions {

	private final MediaService media;

	RecordedSessions(MediaService media) {
		this.media = media;
	}

	/** The session's recording, if one of its documents has one. */
	Optional<Recording> recording(Session s) {
		return s.documents().stream().map(media::find).flatMap(Optional::stream).findFirst();
	}

	/** The session's length in whole minutes (at least one) by its recording. */
	Optional<Integer> minutes(Session s) {
		return recording(s).map(Recording::durationMillis)
			.filter(ms -> ms != null && ms > 0)
			.map(ms -> (int) Math.max(1, Math.round(ms / 60_000.0)));
	}

	/** Item 19 from the recordings: which sessions were recorded, on audio or video; empty if none was. */
	Optional<Filled> item19(List<Session> sessions) {
		List<String> lines = new ArrayList<>();
		Set<String> kinds = new LinkedHashSet<>();
		int recorded = 0;
		for (Session s : sessions) {
			Optional<Recording> r = recording(s);
			if (r.isPresent()) {
				recorded++;
				kinds.add(r.get().format().video() ? "video" : "audio");
				lines.add(s.name() + ": " + r.get().describe());
			}
			else {
				lines.add(s.name() + ": no recording attached");
			}
		}
		if (recorded == 0) {
			return Optional.empty();
		}
		String kind = "(" + String.join(" and ", kinds) + ")";
		String text;
		if (sessions.size() == 1) {
			text = "The session was recorded " + kind + "; the recording is kept with its transcript.";
		}
		else if (recorded == sessions.size()) {
			text = "All " + Prose.count(recorded, "session", "sessions") + " were recorded " + kind
					+ "; the recordings are kept with their transcripts.";
		}
		else {
			text = Prose.sentence(Prose.of(recorded, sessions.size(), "session", "sessions") + " "
					+ (recorded == 1 ? "was" : "were") + " recorded " + kind + "; the others have no recording attached");
		}
		return Optional.of(Filled.of(text, lines));
	}

}
