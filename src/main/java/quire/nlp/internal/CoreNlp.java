package quire.nlp.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * The shared CoreNLP pipelines for English, built lazily on first use and then kept for the life
 * of the JVM (they are expensive: the NER pipeline takes about 11 s and 830 MB of heap to load, see
 * docs/decisions/004-corenlp.md). Tokenising and sentence splitting need only CoreNLP's code jar;
 * lemmas and named entities need its English models jar, which is on the classpath in tests and in
 * a jar built with {@code -Pnlp}. Static on purpose: every Spring context in a test JVM shares one
 * pipeline.
 */
public final class CoreNlp {

	private static final Logger log = LoggerFactory.getLogger(CoreNlp.class);

	/** A resource of the English models jar that the lemma and NER pipelines need. */
	static final String MODEL_PROBE = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";

	/** What a pipeline computes; each level includes the ones before it. */
	public enum Level {

		SENTENCES("tokenize,ssplit"), LEMMAS("tokenize,ssplit,pos,lemma"), ENTITIES("tokenize,ssplit,pos,lemma,ner");

		final String annotators;

		Level(String annotators) {
			this.annotators = annotators;
		}

	}

	/** How long a pipeline took to build and how much heap it kept, as measured when it was built. */
	public record LoadCost(Level level, long millis, long heapMegabytes) {
	}

	private static final Map<Level, StanfordCoreNLP> PIPELINES = new EnumMap<>(Level.class);

	private static final Map<Level, LoadCost> COSTS = new EnumMap<>(Level.class);

	private CoreNlp() {
	}

	/** Whether CoreNLP's English models (POS, lemmas, NER) are on the classpath. */
	public static boolean modelsPresent() {
		return CoreNlp.class.getClassLoader().getResource(MODEL_PROBE) != null;
	}

	/** Whether a pipeline of this level can be built here. */
	public static boolean available(Level level) {
		return level == Level.SENTENCES || modelsPresent();
	}

	/** Whether the pipeline is built already (so using it costs no load time). */
	public static synchronized boolean loaded(Level level) {
		return PIPELINES.containsKey(level);
	}

	public static synchronized Map<Level, LoadCost> costs() {
		return Map.copyOf(COSTS);
	}

	/**
	 * Annotates an English text at the given level, building the shared pipeline first if needed.
	 * @throws IllegalStateException if the level needs the models and they are not on the classpath
	 */
	public static CoreDocument annotate(String text, Level level) {
		CoreDocument document = new CoreDocument(text);
		pipeline(level).annotate(document);
		return document;
	}

	/**
	 * Lets the NER pipeline go (for the test that measures detection, so the rest of the test JVM does
	 * not carry 830 MB); the light pipelines stay.
	 */
	public static synchronized void releaseEntities() {
		if (PIPELINES.remove(Level.ENTITIES) != null) {
			StanfordCoreNLP.clearAnnotatorPool();
			PIPELINES.clear();
		}
	}

	static synchronized StanfordCoreNLP pipeline(Level level) {
		StanfordCoreNLP pipeline = PIPELINES.get(level);
		if (pipeline != null) {
			return pipeline;
		}
		if (!available(level)) {
			throw new IllegalStateException("CoreNLP's English models are not on the classpath (build with -Pnlp)");
		}
		Properties props = new Properties();
		props.setProperty("annotators", level.annotators);
		props.setProperty("tokenize.language", "en");
		props.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=true");
		props.setProperty("ssplit.newlineIsSentenceBreak", "two");
		props.setProperty("ner.applyFineGrained", "true");
		// SUTime needs the javax JAXB that Spring Boot's dependency management replaces with jakarta's;
		// specific dates are found by Quire's patterns instead, and the CRF models still tag DATE
		props.setProperty("ner.useSUTime", "false");
		Runtime rt = Runtime.getRuntime();
		long before = rt.totalMemory() - rt.freeMemory();
		long t0 = System.nanoTime();
		pipeline = new StanfordCoreNLP(props);
		long millis = (System.nanoTime() - t0) / 1_000_000;
		long heap = Math.max(0, (rt.totalMemory() - rt.freeMemory() - before) >> 20);
		PIPELINES.put(level, pipeline);
		COSTS.put(level, new LoadCost(level, millis, heap));
		log.info("CoreNLP pipeline {} ({}) built in {} ms, about {} MB of heap", level, level.annotators, millis, heap);
		return pipeline;
	}

}
