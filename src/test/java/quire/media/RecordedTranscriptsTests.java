package quire.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordedTranscriptsTests {

	@Test
	void aTimedTranscriptPairsWithTheRecordingOfTheSameNameIgnoringCaseAndFolder() {
		assertThat(RecordedTranscripts.pairs(List.of("in/Interview 3.MP3", "notes.txt", "interview 3.vtt", "fg.srt", "fg.webm",
				"other.wav")))
			.containsExactly(Map.entry("interview 3.vtt", "in/Interview 3.MP3"), Map.entry("fg.srt", "fg.webm"));
	}

	@Test
	void untimedTranscriptsLoneFilesAndAmbiguousNamesDoNotPair() {
		// a .txt is not among the timed formats a recording pairs with
		assertThat(RecordedTranscripts.pairs(List.of("talk.txt", "talk.mp3"))).isEmpty();
		// two recordings for one transcript: which belongs is unclear
		assertThat(RecordedTranscripts.pairs(List.of("talk.vtt", "talk.mp3", "talk.wav"))).isEmpty();
		assertThat(RecordedTranscripts.pairs(List.of("talk.vtt", "talk.srt", "talk.mp3"))).isEmpty();
		assertThat(RecordedTranscripts.pairs(List.of("talk.vtt"))).isEmpty();
		// the name only pairs; a program renamed .mp3 is refused later by its content
		assertThat(RecordedTranscripts.isRecordingName("setup.exe")).isFalse();
		assertThat(RecordedTranscripts.isRecordingName("setup.MP3")).isTrue();
		assertThat(RecordedTranscripts.pairingName("C:\\rec\\Session.01.vtt")).isEqualTo("session.01");
	}

}
