package quire.nlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentImported;
import quire.corpus.Language;
import quire.corpus.SentenceSplitter;
import quire.corpus.SentenceUnit;
import quire.corpus.Turn;
import quire.nlp.internal.EnglishSentences;
import quire.nlp.internal.RuleSentences;

/**
 * Sentence units for the corpus: English by CoreNLP's tokenizer and sentence splitter (which needs
 * only CoreNLP's code jar, so it works without the models), Norwegian by Quire's rules (CoreNLP has
 * no Norwegian models). A background worker stores the units of imported documents once imports pause,
 * and of documents left without them (imported before they were kept, or before a crash) at start-up;
 * the corpus finds them on the fly for a document read before that.
 */
@Service
public class SentenceService implements SentenceSplitter {

	private static final Logger log = LoggerFactory.getLogger(SentenceService.class);

	/** An event listener's condition: the application is not running a headless command. */
	static final String NOT_A_COMMAND = "!#root.event.applicationContext.environment.matchesProfiles('cli')";

	/** Turns per parallel task: large enough that a task outweighs its scheduling. */
	private static final int CHUNK = 16;

	private final CorpusService corpus;

	private final long idleNanos;

	private final Object lock = new Object();

	private volatile long lastImport = System.nanoTime();

	/** A wake-up the worker has not acted on yet; guarded by {@link #lock}. */
	private boolean wanted;

	/** The worker is storing units now; guarded by {@link #lock}. */
	private boolean working;

	private volatile boolean stopping;

	private @Nullable Thread worker;

	SentenceService(CorpusService corpus, @Value("${quire.nlp.sentences.idle-ms:500}") long idleMs) {
		this.corpus = corpus;
		this.idleNanos = Duration.ofMillis(idleMs).toNanos();
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

	/**
	 * Stores sentence units for every document that has none yet, now, on the calling thread;
	 * returns how many documents got them.
	 */
	public int backfill() {
		int n = 0;
		for (DocumentId id : corpus.documentsWithoutSentences()) {
			if (store(id)) {
				n++;
			}
		}
		return n;
	}

	private boolean store(DocumentId id) {
		var transcript = corpus.transcript(id);
		if (transcript.isEmpty()) {
			return false;
		}
		var t = transcript.get();
		Language language = t.document().language();
		corpus.storeSentences(id, split(t.text(), t.turns(), language), method(language));
		return true;
	}

	/**
	 * Waits until the background worker has stored the sentence units of every document imported so
	 * far (or {@code timeout} passes); returns whether it has.
	 */
	public boolean awaitStored(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (lock) {
			while (wanted || working) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				lock.wait(Math.max(1, left / 1_000_000));
			}
			return true;
		}
	}

	/**
	 * An import was committed: its sentence units are stored once imports pause for
	 * {@code quire.nlp.sentences.idle-ms}. The splitter is the costliest step of an English import
	 * (CoreNLP's lexer takes about twice what Lucene's analysis of the same turns takes), and the units
	 * are derived data that {@link CorpusService#sentences} finds on the fly meanwhile, so a bulk
	 * import is not held up by them and does not share its cores with them.
	 */
	@EventListener
	void on(DocumentImported event) {
		lastImport = System.nanoTime();
		// after the commit, so the worker finds the document; not a transactional event listener, which
		// the event publication registry would record for every import
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					lastImport = System.nanoTime();
					if (status == STATUS_COMMITTED) {
						wake();
					}
				}
			});
		}
		else {
			wake();
		}
	}

	/**
	 * Documents imported before sentence units were kept, or whose units a crash or shutdown left
	 * unstored. Not in a command (profile {@code cli}): it stores its own imports' units, and the
	 * condition keeps a command from even creating this service on its way out.
	 */
	@EventListener(value = ApplicationReadyEvent.class, condition = NOT_A_COMMAND)
	void backfillAtStart() {
		wake();
	}

	private void wake() {
		synchronized (lock) {
			if (stopping) {
				return;
			}
			wanted = true;
			if (worker == null) {
				worker = Thread.ofPlatform().daemon().name("quire-sentence-units").start(this::work);
			}
			lock.notifyAll();
		}
	}

	private void work() {
		try {
			while (true) {
				synchronized (lock) {
					while (!wanted && !stopping) {
						lock.wait();
					}
					if (stopping) {
						return;
					}
				}
				// let a burst of imports finish first
				long quiet;
				while (!stopping && (quiet = System.nanoTime() - lastImport) < idleNanos) {
					synchronized (lock) {
						lock.wait(Math.max(1, (idleNanos - quiet) / 1_000_000));
					}
				}
				if (stopping) {
					return;
				}
				synchronized (lock) {
					wanted = false;
					working = true;
				}
				int stored = 0;
				try {
					for (DocumentId id : corpus.documentsWithoutSentences()) {
						if (stopping) {
							return;
						}
						if (System.nanoTime() - lastImport < idleNanos) {
							synchronized (lock) {
								wanted = true; // imports resumed: yield to them, continue afterwards
							}
							break;
						}
						try {
							if (store(id)) {
								stored++;
							}
						}
						catch (RuntimeException ex) {
							// deleted meanwhile, or the database is closing: the next wake or start finds it again
							log.debug("Sentence units of document {} not stored: {}", id.value(), ex.getMessage());
						}
					}
				}
				catch (RuntimeException ex) {
					log.warn("Could not store sentence units: {}", ex.getMessage());
				}
				finally {
					synchronized (lock) {
						working = false;
						lock.notifyAll();
					}
				}
				if (stored > 0) {
					log.debug("Stored sentence units of {} documents", stored);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			synchronized (lock) {
				working = false;
				wanted = false;
				lock.notifyAll();
			}
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		Thread running;
		synchronized (lock) {
			stopping = true;
			running = worker;
			lock.notifyAll();
		}
		if (running != null) {
			// not interrupted: an interrupt closes the file channel of an H2 read or write under way
			running.join(30_000);
		}
	}

}
