package quire.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;

/**
 * {@link EnglishSentences} calls CoreNLP's tokenizer and splitter directly; these tests pin that it
 * finds exactly the sentences of CoreNLP's {@code tokenize,ssplit} pipeline as {@link CoreNlp}
 * builds it.
 */
final class EnglishSentencesTests {

	private static List<String> pipeline(String text) {
		CoreDocument doc = CoreNlp.annotate(text, CoreNlp.Level.SENTENCES);
		List<String> out = new ArrayList<>();
		for (CoreSentence s : doc.sentences()) {
			int a = s.charOffsets().first();
			int b = s.charOffsets().second();
			if (b > a) {
				out.add(a + "-" + b);
			}
		}
		return out;
	}

	private static List<String> direct(String text) {
		return EnglishSentences.split(text).stream().map(s -> s[0] + "-" + s[1]).toList();
	}

	@Test
	void findsThePipelinesSentencesInEdgeCases() {
		List<String> texts = List.of("", "   ", "Yes.", "Dr. Smith said no. Then we left!", "Is it e.g. the U.S.? Maybe...",
				"First line\nsecond line.\n\nA new paragraph here", "Well — I mean (pause) it's fine?! OK.",
				"He said \"stop.\" She didn't.", "It costs $3.50. That's 20% more. Mr. and Mrs. Hansen came at 3 p.m. today.",
				"no punctuation at all", "Ends with abbreviation etc.", "Emoji 😀 and ☃ unicode ✓. Next one.",
				"[laughs] Right. [inaudible 00:12:03] So...\n\n\nThree newlines.", "A\r\nB. C");
		for (String text : texts) {
			assertThat(direct(text)).as(text).isEqualTo(pipeline(text));
		}
	}

	@Test
	void findsThePipelinesSentencesInEveryEnglishDemoTranscript() throws IOException {
		Path demo = Path.of("corpora/demo");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(demo)) {
			files = walk.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".vtt")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		int compared = 0;
		for (Path file : files) {
			for (String paragraph : Files.readString(file).split("\n\n")) {
				assertThat(direct(paragraph)).as(file + ": " + paragraph).isEqualTo(pipeline(paragraph));
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

}
