package quire.nlp.internal;

import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.Pair;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/** English sentence units from CoreNLP's tokenizer and sentence splitter, one speaker turn at a time. */
public final class EnglishSentences {

	private EnglishSentences() {
	}

	public static List<SentenceUnit> of(String text, List<Turn> turns) {
		List<SentenceUnit> out = new ArrayList<>();
		for (Turn turn : turns) {
			if (turn.end() <= turn.start()) {
				continue;
			}
			CoreDocument doc = CoreNlp.annotate(text.substring(turn.start(), turn.end()), CoreNlp.Level.SENTENCES);
			for (CoreSentence s : doc.sentences()) {
				Pair<Integer, Integer> span = s.charOffsets();
				int a = turn.start() + span.first();
				int b = turn.start() + span.second();
				if (b > a) {
					out.add(new SentenceUnit(out.size(), a, b));
				}
			}
		}
		return out;
	}

}
