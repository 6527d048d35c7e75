package quire.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import quire.corpus.Language;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/** The split in parallel chunks gives the units a sequential split gives, in order and numbered alike. */
final class SentenceServiceTests {

	private static final String[] SENTENCES = { "Dr. Hansen called me.", "Was it e.g. about the plan?", "Yes!",
			"We talked... and then, well, nothing.", "Hun sa bl.a. at hun var sykmeldt.", "F.eks. i mars.",
			"It was fine", "[laughs] OK." };

	@Test
	void splittingInParallelChunksNumbersUnitsAsASequentialSplit() {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder();
		List<Turn> turns = new ArrayList<>();
		for (int i = 0; i < 157; i++) {
			int start = text.length();
			for (int s = random.nextInt(5); s >= 0; s--) {
				text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
			}
			turns.add(new Turn(i, "Speaker " + (i % 3), start, text.length() - 1, null, null));
			text.append("\n\n");
		}
		SentenceService service = new SentenceService(null, 500);
		for (Language language : Language.values()) {
			List<SentenceUnit> parallel = service.split(text.toString(), turns, language);
			List<SentenceUnit> sequential = SentenceService.splitSequentially(text.toString(), turns, language);
			assertThat(parallel).as(language.label()).hasSizeGreaterThan(157).isEqualTo(sequential);
			for (int i = 0; i < parallel.size(); i++) {
				assertThat(parallel.get(i).index()).isEqualTo(i);
			}
		}
	}

}
