package quire.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's HTTP conversation with the cluster: JSON requests and answers over the low-level REST
 * client, error answers turned into {@link Refused} with OpenSearch's own type and reason, an
 * unreachable cluster into an {@link UncheckedIOException} that names it.
 */
final class OpenSearchHttp implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OpenSearchHttp.class);

	private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

	private final List<?> urls;

	private final RestClient client;

	private final JsonMapper json;

	OpenSearchHttp(OpenSearchSettings settings, JsonMapper json) {
		this.urls = settings.urls();
		this.client = settings.client();
		this.json = json;
	}

	/** The cluster's addresses, for messages. */
	String urls() {
		return urls.toString();
	}

	JsonNode call(String method, String path, @Nullable JsonNode body) {
		Request request = new Request(method, path);
		if (body != null) {
			request.setJsonEntity(json.writeValueAsString(body));
		}
		return perform(request);
	}

	/** Posts newline-delimited actions to the bulk API, refreshing the touched shards when {@code refresh}. */
	JsonNode bulk(CharSequence actions, boolean refresh) {
		Request request = new Request("POST", "/_bulk");
		if (refresh) {
			request.addParameter("refresh", "true");
		}
		request.setEntity(new StringEntity(actions.toString(), NDJSON));
		return perform(request);
	}

	JsonNode perform(Request request) {
		try {
			Response response = client.performRequest(request);
			String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
			return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
		}
		catch (ResponseException ex) {
			int status = ex.getResponse().getStatusLine().getStatusCode();
			String text;
			try {
				text = ex.getResponse().getEntity() == null ? "" : EntityUtils.toString(ex.getResponse().getEntity());
			}
			catch (IOException | ParseException inner) {
				text = ex.getMessage();
			}
			throw new Refused(status, reason(text), ex);
		}
		catch (IOException | ParseException ex) {
			throw new UncheckedIOException(new IOException("the OpenSearch cluster at " + urls + " did not answer "
					+ request.getMethod() + " " + request.getEndpoint() + ": " + ex.getMessage(), ex));
		}
	}

	/** The type and reason of an OpenSearch error answer, or the answer itself. */
	private String reason(String text) {
		try {
			JsonNode error = json.readTree(text).path("error");
			JsonNode root = error.path("root_cause").path(0);
			JsonNode cause = root.isMissingNode() ? error : root;
			if (cause.has("type")) {
				return cause.path("type").asString() + ": " + cause.path("reason").asString("");
			}
		}
		catch (RuntimeException ex) {
			// not JSON: the text says it
		}
		return text;
	}

	@Override
	public void close() throws IOException {
		client.close();
	}

	void closeQuietly() {
		try {
			client.close();
		}
		catch (IOException ex) {
			log.debug("The OpenSearch client did not close cleanly: {}", ex.getMessage());
		}
	}

	/** OpenSearch answered with an error status. */
	static final class Refused extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		final int status;

		final String reason;

		Refused(int status, String reason, Throwable cause) {
			super("OpenSearch answered " + status + ": " + reason, cause);
			this.status = status;
			this.reason = reason;
		}

	}

}
