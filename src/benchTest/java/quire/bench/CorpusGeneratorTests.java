package quire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import quire.corpus.Language;

final class CorpusGeneratorTests {

	@TempDir
	Path out;

	@Test
	void theSameSeedWritesTheSameTranscripts() {
		var a = new CorpusGenerator(42).transcript(3);
		var b = new CorpusGenerator(42).transcript(3);
		assertThat(a.text()).isEqualTo(b.text());
		assertThat(a.path()).isEqualTo(b.path());
		assertThat(a.codings(42, 50, 3)).isEqualTo(b.codings(42, 50, 3));
	}

	@Test
	void anotherSeedWritesOtherTranscripts() {
		assertThat(new CorpusGenerator(1).transcript(0).text()).isNotEqualTo(new CorpusGenerator(2).transcript(0).text());
	}

	@Test
	void everyTranscriptHasBetween8000And15000WordsInTimestampedTurns() {
		var generator = new CorpusGenerator(7);
		Pattern turn = Pattern.compile("^\\[\\d{2}:\\d{2}:\\d{2}\\] [\\p{L} 0-9]+: \\S.*$");
		for (int i = 0; i < 25; i++) {
			var t = generator.transcript(i);
			assertThat(t.words()).as(t.path()).isBetween(CorpusGenerator.MIN_WORDS, CorpusGenerator.MAX_WORDS);
			int inTurns = t.turnSpans().stream().mapToInt(s -> CorpusGenerator.wordCount(t.text().substring(s[0], s[1]))).sum();
			assertThat(inTurns).as("words Quire counts in the turns of " + t.path()).isEqualTo(t.words());
			assertThat(t.text().lines().filter(l -> !l.isEmpty())).allMatch(l -> turn.matcher(l).matches());
			assertThat(t.turns()).isEqualTo(t.turnSpans().size());
		}
	}

	@Test
	void oneInFiveTranscriptsIsNorwegian() {
		var generator = new CorpusGenerator(7);
		assertThat(generator.transcript(4).language()).isEqualTo(Language.NORWEGIAN);
		assertThat(generator.transcript(4).text()).contains("Intervjuer:");
		assertThat(generator.transcript(0).language()).isEqualTo(Language.ENGLISH);
	}

	@Test
	void codingsCoverWholeWordsInsideTurns() {
		var t = new CorpusGenerator(5).transcript(1);
		for (var c : t.codings(5, 200, 3)) {
			assertThat(t.turnSpans()).anyMatch(s -> s[0] <= c.start() && c.end() <= s[1]);
			String coded = t.text().substring(c.start(), c.end());
			assertThat(coded).doesNotStartWith(" ").doesNotEndWith(" ").isNotBlank();
			assertThat(CorpusGenerator.CODES).contains(c.code());
			assertThat(c.coder()).isIn("Coder 1", "Coder 2", "Coder 3");
		}
	}

	@Test
	void writesTheManifestTheFilesAndTheCodings() throws IOException {
		var summary = new CorpusGenerator(3).write(out, new CorpusGenerator.Settings(6, 3, 10, 2));
		assertThat(summary.transcripts()).isEqualTo(6);
		assertThat(summary.codings()).isEqualTo(60);
		var manifest = Files.readAllLines(out.resolve("corpus.tsv"));
		assertThat(manifest.get(0)).isEqualTo("# quire generate --transcripts 6 --seed 3 --codings 10 --coders 2");
		assertThat(manifest).hasSize(8);
		assertThat(Files.readAllLines(out.resolve("codings.tsv"))).hasSize(61);
		assertThat(out.resolve("intervju/no-int-00005.txt")).exists();
		assertThat(Files.readString(out.resolve("focus-groups/en-fg-00001.txt")))
			.isEqualTo(new CorpusGenerator(3).transcript(0).text());
	}

	@Test
	void refusesFewerThanOneTranscript() {
		assertThatThrownBy(() -> new CorpusGenerator.Settings(0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--transcripts must be at least 1, was 0");
	}

}
