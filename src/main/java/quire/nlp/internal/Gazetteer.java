package quire.nlp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

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

	private Gazetteer() {
	}

	/** A list under {@code quire/nlp/} on the classpath, in file order. */
	public static Set<String> load(String name) {
		String path = "/quire/nlp/" + name;
		try (InputStream in = Gazetteer.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("word list " + path + " is missing from the classpath");
			}
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
