package quire.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API tests: GET and POST with a bearer token, JSON and multipart bodies. */
final class ApiTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	ApiTestSupport(int port) {
		this.port = port;
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		return send(request(path, token).GET().build());
	}

	HttpResponse<String> get(String path, String token, String accept) throws Exception {
		return send(request(path, token).header("Accept", accept).GET().build());
	}

	HttpResponse<String> postJson(String path, String token, Object body) throws Exception {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	HttpResponse<String> putJson(String path, String token, Object body) throws Exception {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	HttpResponse<String> postFile(String path, String token, String fileName, byte[] content, Map<String, String> fields)
			throws Exception {
		String boundary = "quire-" + UUID.randomUUID();
		var out = new java.io.ByteArrayOutputStream();
		for (var f : fields.entrySet()) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
					+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
		if (!token.isEmpty()) {
			b.header("Authorization", "Bearer " + token);
		}
		return b;
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** A query string as requests and httr2 write it: repeated names for lists, values URL-encoded. */
	static String query(Map<String, ?> params) {
		return params.entrySet().stream().flatMap(e -> {
			Object v = e.getValue();
			Iterable<?> values = v instanceof Iterable<?> it ? it : java.util.List.of(v);
			return java.util.stream.StreamSupport.stream(values.spliterator(), false)
				.map(x -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(String.valueOf(x), StandardCharsets.UTF_8));
		}).collect(Collectors.joining("&"));
	}

}
