package quire.search.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.RestClient;
import org.springframework.core.env.PropertyResolver;

/**
 * How Quire reaches its OpenSearch cluster, from {@code quire.search.opensearch.*}:
 * <ul>
 * <li>{@code urls}: the nodes' HTTP addresses, comma-separated ({@code https://search1:9200,https://search2:9200});</li>
 * <li>{@code username}, {@code password}: HTTP basic credentials, if the cluster asks for them;</li>
 * <li>{@code truststore}, {@code truststore-password}: a PKCS #12 or JKS file with the certificate authority
 * of the cluster's TLS certificates, when the JVM's default trust does not know it;</li>
 * <li>{@code index}: the alias searches use (default {@value #DEFAULT_INDEX}); a rebuild writes a new
 * index and moves the alias to it;</li>
 * <li>{@code shards}, {@code replicas}: of each new index (default 1 and 1).</li>
 * </ul>
 */
public record OpenSearchSettings(List<URI> urls, @Nullable String username, @Nullable String password,
		@Nullable Path truststore, @Nullable String truststorePassword, String index, int shards, int replicas) {

	public static final String PREFIX = "quire.search.opensearch.";

	public static final String DEFAULT_INDEX = "quire-turns";

	public OpenSearchSettings {
		urls = List.copyOf(urls);
		if (urls.isEmpty()) {
			throw new IllegalArgumentException(PREFIX + "urls is empty: name the HTTP address of at least one node");
		}
		for (URI url : urls) {
			if (url.getScheme() == null || !List.of("http", "https").contains(url.getScheme()) || url.getHost() == null) {
				throw new IllegalArgumentException(
						PREFIX + "urls has '" + url + "', which is not an http:// or https:// address with a host");
			}
		}
		if (!index.equals(index.toLowerCase(Locale.ROOT)) || index.isBlank() || index.startsWith("_")
				|| index.chars().anyMatch(c -> " \"*\\<|,>/?#:".indexOf(c) >= 0)) {
			throw new IllegalArgumentException(PREFIX + "index is '" + index
					+ "', which OpenSearch does not accept as an index name (lower case, no blanks or \\/*?\"<>|,#:)");
		}
		if (shards < 1 || replicas < 0) {
			throw new IllegalArgumentException(
					PREFIX + "shards must be at least 1 and replicas at least 0, not " + shards + " and " + replicas);
		}
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException(PREFIX + "username and password go together: give both or neither");
		}
	}

	/** The cluster at {@code urls} with the defaults for everything else. */
	public static OpenSearchSettings of(List<URI> urls, String index) {
		return new OpenSearchSettings(urls, null, null, null, null, index, 1, 1);
	}

	/**
	 * Reads {@code quire.search.opensearch.*}.
	 * @throws IllegalArgumentException naming the property that is missing or wrong
	 */
	public static OpenSearchSettings from(PropertyResolver properties) {
		String urls = properties.getProperty(PREFIX + "urls", "");
		if (urls.isBlank()) {
			throw new IllegalArgumentException("quire.search.engine is opensearch, but " + PREFIX
					+ "urls is not set: name the HTTP address of at least one node, e.g. http://localhost:9200");
		}
		String truststore = blankToNull(properties.getProperty(PREFIX + "truststore"));
		return new OpenSearchSettings(
				Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(OpenSearchSettings::uri)
					.toList(),
				blankToNull(properties.getProperty(PREFIX + "username")),
				blankToNull(properties.getProperty(PREFIX + "password")), truststore == null ? null : Path.of(truststore),
				blankToNull(properties.getProperty(PREFIX + "truststore-password")),
				properties.getProperty(PREFIX + "index", DEFAULT_INDEX).strip(), number(properties, "shards", 1),
				number(properties, "replicas", 1));
	}

	/** A REST client for these nodes, with the credentials and trust given. */
	RestClient client() {
		HttpHost[] hosts = urls.stream()
			.map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
			.toArray(HttpHost[]::new);
		SSLContext tls = truststore == null ? null : sslContext();
		return RestClient.builder(hosts).setHttpClientConfigCallback(builder -> {
			if (username != null && password != null) {
				BasicCredentialsProvider credentials = new BasicCredentialsProvider();
				for (HttpHost host : hosts) {
					credentials.setCredentials(new AuthScope(host),
							new UsernamePasswordCredentials(username, password.toCharArray()));
				}
				builder.setDefaultCredentialsProvider(credentials);
			}
			if (tls != null) {
				builder.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
					.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync())
					.build());
			}
			return builder;
		}).build();
	}

	private SSLContext sslContext() {
		Path file = truststore;
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance(file.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
			store.load(in, truststorePassword == null ? null : truststorePassword.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					PREFIX + "truststore " + file + " cannot be read as a trust store: " + ex.getMessage(), ex);
		}
	}

	private static URI uri(String text) {
		try {
			return URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(PREFIX + "urls has '" + text + "', which is not an address", ex);
		}
	}

	private static int number(PropertyResolver properties, String name, int fallback) {
		String value = properties.getProperty(PREFIX + name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(PREFIX + name + " is '" + value + "', not a whole number", ex);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Override
	public String toString() {
		// never the password
		return "OpenSearchSettings[urls=" + urls + ", username=" + username + ", truststore=" + truststore + ", index="
				+ index + ", shards=" + shards + ", replicas=" + replicas + "]";
	}

}
