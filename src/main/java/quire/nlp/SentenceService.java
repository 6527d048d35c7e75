package quire.nlp;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.Language;
import quire.corpus.SentenceSplitter;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;
import quire.nlp.internal.EnglishSentences;
import quire.nlp.internal.RuleSentences;

/**
 * Sentence units for the corpus: English by CoreNLP's tokenizer and sentence splitter (which needs
 * only CoreNLP's code jar, so it works without the models), Norwegian by Quire's rules (CoreNLP has
 * no Norwegian models). The corpus calls it at import; documents imported before sentence units were
 * stored get them when the application is ready.
 */
@Service
public class SentenceService implements SentenceSplitter {

	private static final Logger log = LoggerFactory.getLogger(SentenceService.class);

	/** Turns per parallel task: large enough that a task outweighs its scheduling. */
	private static final int CHUNK = 16;

	private final CorpusService corpus;

	SentenceService(CorpusService corpus) {
		this.corpus = corpus;
	}

	/**
	 * Splits the turns in chunks on the common fork-join pool: the splitter is the costliest step of
	 * an English import (CoreNLP's lexer alone costs about as much as indexing the turns), and turns
	 * are independent, so an import uses every core for it. The units come back in text order,
	 * numbered from 0, as a sequential split would number them.
	 */
	@Override
	public List<SentenceUnit> split(String text, List<Turn> turns, Language language) {
		if (turns.size() <= CHUNK) {
			return splitSequentially(text, turns, language);
		}
		List<List<Turn>> chunks = new ArrayList<>();
		for (int from = 0; from < turns.size(); from += CHUNK) {
			chunks.add(turns.subList(from, Math.min(turns.size(), from + CHUNK)));
		}
		List<List<SentenceUnit>> parts = chunks.parallelStream().map(c -> splitSequentially(text, c, language)).toList();
		List<SentenceUnit> out = new ArrayList<>();
		for (List<SentenceUnit> part : parts) {
			for (SentenceUnit u : part) {
				out.add(new SentenceUnit(out.size(), u.start(), u.end()));
			}
		}
		return out;
	}

	static List<SentenceUnit> splitSequentially(String text, List<Turn> turns, Language language) {
		return language == Language.ENGLISH ? EnglishSentences.of(text, turns) : RuleSentences.of(text, turns, language);
	}

	@Override
	public String method(Language language) {
		return language == Language.ENGLISH ? "corenlp" : "rules";
	}

	/** Stores sentence units for every document that has none (documents imported before version 9). */
	public int backfill() {
		int n = 0;
		for (DocumentId id : corpus.documentsWithoutSentences()) {
			var transcript = corpus.transcript(id);
			if (transcript.isPresent()) {
				var t = transcript.get();
				Language language = t.document().language();
				corpus.storeSentences(id, split(t.text(), t.turns(), language), method(language));
				n++;
			}
		}
		return n;
	}

	@Async
	@EventListener(ApplicationReadyEvent.class)
	void backfillAtStart() {
		try {
			int n = backfill();
			if (n > 0) {
				log.info("Stored sentence units for {} documents imported before they were kept", n);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not store sentence units for older documents: {}", ex.getMessage());
		}
	}

}
