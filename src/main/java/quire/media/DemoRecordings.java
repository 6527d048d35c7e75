package quire.media;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import quire.corpus.CorpusService;
import quire.corpus.DemoProjectCreated;
import quire.corpus.DocumentSummary;
import quire.corpus.SpeakerRoles;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.media.internal.ToneWav;

/**
 * Gives the demo's MI session 01 (timed WebVTT) and its first focus group a synthetic
 * recording made at demo time: a tone where each timed turn starts (higher where {@link SpeakerRoles} calls the speaker the facilitator),
 * and for the focus group a tone every five seconds for its first three minutes (its transcript runs longer).
 * The file names say they are synthetic; no speech is claimed.
 */
@Component
class DemoRecordings {

	static final String SESSION = "mi-session-01";

	static final String FOCUS_GROUP = "focus-group-mi-caseworkers";

	private final CorpusService corpus;

	private final MediaService media;

	DemoRecordings(CorpusService corpus, MediaService media) {
		this.corpus = corpus;
		this.media = media;
	}

	@EventListener
	void on(DemoProjectCreated event) {
		for (DocumentSummary d : corpus.documents(event.projectId())) {
			if (d.name().equals(SESSION)) {
				Transcript t = corpus.transcript(d.id()).orElseThrow();
				List<Long> starts = new ArrayList<>();
				List<Integer> hz = new ArrayList<>();
				long end = 0;
				for (Turn turn : t.turns()) {
					if (turn.startMs() != null) {
						starts.add(turn.startMs());
						hz.add(turn.speaker() != null && SpeakerRoles.isFacilitator(turn.speaker()) ? 880 : 440);
						end = Math.max(end, turn.endMs() == null ? turn.startMs() + 1000 : turn.endMs());
					}
				}
				attach(d, "mi-session-01 (synthetic tones).wav", ToneWav.tones(end + 1000, starts, hz));
			}
			else if (d.name().equals(FOCUS_GROUP)) {
				List<Long> starts = new ArrayList<>();
				List<Integer> hz = new ArrayList<>();
				for (long ms = 0; ms < 180_000; ms += 5000) {
					starts.add(ms);
					hz.add(660);
				}
				attach(d, "focus-group-mi-caseworkers (synthetic tones).wav", ToneWav.tones(180_000, starts, hz));
			}
		}
	}

	private void attach(DocumentSummary d, String name, byte[] wav) {
		media.attach(d.id(), name, new ByteArrayInputStream(wav));
	}

}
