package quire.search.opensearch;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import quire.search.opensearch.OpenSearchHttp.Refused;

/**
 * The indices of turns behind the alias searches use: which indices it points to, a new index with
 * Quire's mapping (named after the alias and a time stamp), the switch of the alias in one step, and
 * the removal of indices no longer needed.
 */
final class TurnIndices {

	private static final Logger log = LoggerFactory.getLogger(TurnIndices.class);

	private final OpenSearchSettings settings;

	private final OpenSearchHttp http;

	private final JsonMapper json;

	private final TurnMapping mapping;

	TurnIndices(OpenSearchSettings settings, OpenSearchHttp http, JsonMapper json) {
		this(settings, http, json, new TurnMapping(json));
	}

	TurnIndices(OpenSearchSettings settings, OpenSearchHttp http, JsonMapper json, TurnMapping mapping) {
		this.settings = settings;
		this.http = http;
		this.json = json;
		this.mapping = mapping;
	}

	String alias() {
		return settings.index();
	}

	/** The indices the alias points to (none before the first index is made). */
	List<String> aliased() {
		try {
			JsonNode answer = http.call("GET", "/_alias/" + alias(), null);
			List<String> out = new ArrayList<>();
			answer.propertyNames().forEach(out::add);
			return out;
		}
		catch (Refused ex) {
			if (ex.status == 404) {
				return List.of();
			}
			throw ex;
		}
	}

	/** Creates a new index of turns (with the alias when {@code aliased}) and returns its name. */
	String create(boolean aliased) {
		ObjectNode body = mapping.index(settings.shards(), settings.replicas());
		if (aliased) {
			body.putObject("aliases").putObject(alias());
		}
		for (long stamp = System.currentTimeMillis();; stamp++) {
			String name = alias() + "-" + stamp;
			try {
				http.call("PUT", "/" + name, body);
				return name;
			}
			catch (Refused ex) {
				if (ex.reason.contains("resource_already_exists_exception")) {
					continue;
				}
				// OpenSearch 3.9 names the analyzer it could not build ("Failed to build analyzers:
				// [quire_norwegian]"), older versions the missing filter: the analyzer's name is in both
				if (ex.reason.contains(TurnMapping.NORWEGIAN)) {
					throw new IllegalStateException("The OpenSearch cluster at " + http.urls()
							+ " has no token filter '" + TurnMapping.NORWEGIAN_STEMMER
							+ "': install Quire's analysis plugin on every node (bin/opensearch-plugin install "
							+ "file:///path/to/quire-analysis-<OpenSearch version>.zip, then restart the node; the README's "
							+ "'Running on OpenSearch' says how to build the zip); "
							+ "without it Norwegian searches would find other turns than Quire's own index finds",
							ex);
				}
				throw new IllegalStateException("OpenSearch refused to create the index " + name + ": " + ex.reason, ex);
			}
		}
	}

	/** Points the alias at {@code fresh} instead of {@code old}, in one request, so no search sees neither. */
	void switchAlias(List<String> old, String fresh) {
		ObjectNode actions = json.createObjectNode();
		ArrayNode list = actions.putArray("actions");
		for (String index : old) {
			list.addObject().putObject("remove").put("index", index).put("alias", alias());
		}
		list.addObject().putObject("add").put("index", fresh).put("alias", alias());
		http.call("POST", "/_aliases", actions);
	}

	void refresh(String indexOrAlias) {
		http.call("POST", "/" + indexOrAlias + "/_refresh", null);
	}

	void flush(String indexOrAlias) {
		http.call("POST", "/" + indexOrAlias + "/_flush", null);
	}

	void deleteQuietly(String index) {
		try {
			http.call("DELETE", "/" + index, null);
		}
		catch (RuntimeException ex) {
			log.warn("The old search index {} could not be deleted: {}", index, ex.getMessage());
		}
	}

}
