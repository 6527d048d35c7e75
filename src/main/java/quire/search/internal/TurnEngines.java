package quire.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the {@link TurnEngine} named by {@code quire.search.engine}. This build has one engine,
 * {@value #LUCENE}: the embedded Lucene index under {@code QUIRE_HOME/index}. What an engine for a
 * search cluster needs, and what blocks it here, is in docs/scale-out.md.
 */
public final class TurnEngines {

	/** The embedded Lucene index, the default. */
	public static final String LUCENE = "lucene";

	/** The engines this build can open. */
	public static final List<String> AVAILABLE = List.of(LUCENE);

	private TurnEngines() {
	}

	/**
	 * Opens the engine named {@code engine} (case and surrounding blanks ignored) for a Quire home.
	 * @throws IllegalArgumentException if this build has no engine of that name; the message lists those it has
	 * @throws IOException if the index cannot be opened
	 */
	public static TurnEngine open(String engine, Path home) throws IOException {
		String name = engine.strip().toLowerCase(Locale.ROOT);
		if (name.equals(LUCENE)) {
			return TurnIndex.open(home.resolve("index"));
		}
		throw new IllegalArgumentException("quire.search.engine is '" + engine.strip()
				+ "', but this build of Quire has only these search engines: " + String.join(", ", AVAILABLE));
	}

}
