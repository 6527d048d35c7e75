package quire.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.PropertyResolver;

import quire.search.opensearch.OpenSearchSettings;
import quire.search.opensearch.OpenSearchTurnEngine;

/**
 * Chooses the {@link TurnEngine} named by {@code quire.search.engine}: {@value #LUCENE} (the default),
 * the embedded Lucene index under {@code QUIRE_HOME/index}, or {@value #OPENSEARCH}, an OpenSearch
 * cluster configured by {@code quire.search.opensearch.*} (docs/scale-out.md, decision 022).
 */
public final class TurnEngines {

	/** The embedded Lucene index, the default. */
	public static final String LUCENE = "lucene";

	/** An OpenSearch cluster ({@link OpenSearchSettings}). */
	public static final String OPENSEARCH = "opensearch";

	/** The engines this build can open. */
	public static final List<String> AVAILABLE = List.of(LUCENE, OPENSEARCH);

	private TurnEngines() {
	}

	/**
	 * Opens the engine named {@code engine} (case and surrounding blanks ignored) for a Quire home, with
	 * no settings beyond the home (so only the embedded index).
	 * @throws IllegalArgumentException if this build has no engine of that name, or it needs settings
	 * @throws IOException if the index cannot be opened
	 */
	public static TurnEngine open(String engine, Path home) throws IOException {
		return open(engine, home, new org.springframework.core.env.PropertySourcesPropertyResolver(
				new org.springframework.core.env.MutablePropertySources()));
	}

	/**
	 * Opens the engine named {@code engine} (case and surrounding blanks ignored) for a Quire home,
	 * reading an engine's own settings from {@code properties}.
	 * @throws IllegalArgumentException if this build has no engine of that name (the message lists those
	 * it has), or the engine's settings are missing or wrong (the message names the property)
	 * @throws IOException if the index cannot be opened
	 */
	public static TurnEngine open(String engine, Path home, PropertyResolver properties) throws IOException {
		String name = engine.strip().toLowerCase(Locale.ROOT);
		if (name.equals(LUCENE)) {
			return TurnIndex.open(home.resolve("index"));
		}
		if (name.equals(OPENSEARCH)) {
			return OpenSearchTurnEngine.open(OpenSearchSettings.from(properties));
		}
		throw new IllegalArgumentException("quire.search.engine is '" + engine.strip()
				+ "', but this build of Quire has only these search engines: " + String.join(", ", AVAILABLE));
	}

}
