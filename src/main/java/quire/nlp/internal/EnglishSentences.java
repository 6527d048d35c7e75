package quire.nlp.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/**
 * English sentence units from CoreNLP's tokenizer and sentence splitter, one speaker turn at a time.
 *
 * <p>
 * Calls the two CoreNLP classes that a {@code tokenize,ssplit} pipeline runs ({@link PTBTokenizer}
 * and {@link WordToSentenceProcessor}), configured as {@link CoreNlp}'s {@code SENTENCES} pipeline
 * configures them, without building an annotation: the sentence offsets are the same (a test
 * compares both on the demo corpus and on edge cases), and an import spends about a third less time
 * splitting, since no {@code CoreDocument}, {@code CoreSentence} or per-token annotation map is
 * made. Only offsets are needed, so tokens are not made invertible.
 */
public final class EnglishSentences {

	/**
	 * As the pipeline's tokenizer: keep untokenizable characters quietly, and emit newlines as
	 * tokens, since the pipeline does so whenever the splitter treats newlines as breaks.
	 */
	private static final TokenizerFactory<CoreLabel> TOKENIZER = PTBTokenizer.factory(new CoreLabelTokenFactory(),
			"untokenizable=noneKeep,tokenizeNLs=true");

	/** As {@code ssplit.newlineIsSentenceBreak=two}: a blank line ends a sentence. */
	private static final WordToSentenceProcessor<CoreLabel> SPLITTER = new WordToSentenceProcessor<>(
			WordToSentenceProcessor.NewlineIsSentenceBreak.TWO_CONSECUTIVE);

	private EnglishSentences() {
	}

	public static List<SentenceUnit> of(String text, List<Turn> turns) {
		List<SentenceUnit> out = new ArrayList<>();
		for (Turn turn : turns) {
			if (turn.end() <= turn.start()) {
				continue;
			}
			for (int[] span : split(text.substring(turn.start(), turn.end()))) {
				out.add(new SentenceUnit(out.size(), turn.start() + span[0], turn.start() + span[1]));
			}
		}
		return out;
	}

	/** The sentences of one text as {@code [start, end)} offsets into it, empty sentences left out. */
	static List<int[]> split(String text) {
		List<CoreLabel> tokens = TOKENIZER.getTokenizer(new StringReader(text)).tokenize();
		List<int[]> spans = new ArrayList<>();
		for (List<CoreLabel> sentence : SPLITTER.process(tokens)) {
			if (sentence.isEmpty()) {
				continue;
			}
			int start = sentence.getFirst().beginPosition();
			int end = sentence.getLast().endPosition();
			if (end > start) {
				spans.add(new int[] { start, end });
			}
		}
		return spans;
	}

}
