package quire.nlp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Word lists written into Quire as data ({@code src/main/resources/quire/nlp}): first names,
 * surnames and place names for Norwegian and English transcripts, and stop words. One entry a line;
 * {@code #} starts a comment.
 */
public final class Gazetteer {

	public static final Set<String> NO_FIRST_NAMES = load("no-first-names.txt");

	public static final Set<String> NO_SURNAMES = load("no-surnames.txt");

	public static final Set<String> NO_PLACES = load("no-places.txt");

	public static final Set<String> EN_FIRST_NAMES = load("en-first-names.txt");

	public static final Set<String> EN_PLACES = load("en-places.txt");

	/**
	 * First names and surnames of many origins (from Datafaker's locale lists, without names that are
	 * ordinary English or Norwegian words; see {@code docs/nlp/make-name-lists.py}).
	 */
	public static final Set<String> WORLD_FIRST_NAMES = load("world-first-names.txt");

	public static final Set<String> WORLD_SURNAMES = load("world-surnames.txt");

	/** Lower-case English words (SCOWL, see {@code en-words-COPYRIGHT.txt}): a sentence-opening word in it is not a name. */
	public static final Set<String> EN_WORDS = load("en-words.txt.gz");

	/**
	 * Capitalised words and phrases that are not persons or places to replace: nationalities,
	 * languages, public schemes and agencies ("NAV", "Raskere tilbake", "Universal Credit").
	 */
	public static final Set<String> NOT_IDENTIFYING = load("not-identifying.txt");

	/** Entries of the name lists that are also ordinary words ("Berg", "Liv"), matched only when capitalised. */
	public static final Set<String> NAMES_THAT_ARE_WORDS = load("names-that-are-words.txt");

	private Gazetteer() {
	}

	/** A list under {@code quire/nlp/} on the classpath, in file order. */
	public static Set<String> load(String name) {
		String path = "/quire/nlp/" + name;
		try (InputStream raw = Gazetteer.class.getResourceAsStream(path)) {
			if (raw == null) {
				throw new IllegalStateException("word list " + path + " is missing from the classpath");
			}
			InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
			Set<String> out = new LinkedHashSet<>();
			try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line = r.readLine(); line != null; line = r.readLine()) {
					String s = line.strip();
					if (!s.isEmpty() && !s.startsWith("#")) {
						out.add(s);
					}
				}
			}
			return Set.copyOf(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read word list " + path, ex);
		}
	}

}
