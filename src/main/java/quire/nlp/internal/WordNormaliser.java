package quire.nlp.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.NorwegianStemmer;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import quire.corpus.Language;

/**
 * Words of a text with the form they are counted under: CoreNLP lemmas for English when its models
 * are present ("went" → "go"), else Lucene stems (Porter for English, Snowball for Norwegian: CoreNLP
 * has no Norwegian models). Each word keeps its surface form in lower case, so a stem can be shown
 * as its most frequent form.
 */
public final class WordNormaliser {

	/** A word as written (lower case), the lemma or stem it is counted under, and whether that is a lemma (a word to show). */
	public record Word(String surface, String key, boolean lemma) {
	}

	private WordNormaliser() {
	}

	/** Whether English words are counted by CoreNLP lemma here. */
	public static boolean lemmas() {
		return CoreNlp.available(CoreNlp.Level.LEMMAS);
	}

	public static List<Word> words(String text, Language language) {
		if (language == Language.ENGLISH && lemmas()) {
			List<Word> out = new ArrayList<>();
			CoreDocument doc = CoreNlp.annotate(text, CoreNlp.Level.LEMMAS);
			for (CoreLabel token : doc.tokens()) {
				String surface = token.word().toLowerCase(Locale.ROOT);
				String lemma = token.lemma() == null ? surface : token.lemma().toLowerCase(Locale.ROOT);
				out.add(new Word(surface, lemma, true));
			}
			return out;
		}
		return stems(text, language);
	}

	/**
	 * Lucene's chain: {@link StandardTokenizer} → {@link LowerCaseFilter} → (English)
	 * {@link EnglishPossessiveFilter} → {@link PorterStemFilter}, (Norwegian) {@link SnowballFilter}
	 * with the Norwegian stemmer. Surface forms are read from the offsets.
	 */
	static List<Word> stems(String text, Language language) {
		List<Word> out = new ArrayList<>();
		try (Analyzer analyzer = analyzer(language); TokenStream ts = analyzer.tokenStream("w", new StringReader(text))) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				String surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
				if (surface.endsWith("'s") || surface.endsWith("’s")) {
					surface = surface.substring(0, surface.length() - 2);
				}
				out.add(new Word(surface, term.toString(), false));
			}
			ts.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static Analyzer analyzer(Language language) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream result = new LowerCaseFilter(source);
				if (language == Language.ENGLISH) {
					result = new EnglishPossessiveFilter(result);
					result = new PorterStemFilter(result);
				}
				else {
					result = new SnowballFilter(result, new NorwegianStemmer());
				}
				return new TokenStreamComponents(source, result);
			}
		};
	}

}
