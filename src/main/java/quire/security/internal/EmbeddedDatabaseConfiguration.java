package quire.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link PrivateEmbeddedDatabase} early enough to run before the DataSource exists. */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

	@Bean
	static PrivateEmbeddedDatabase privateEmbeddedDatabase() {
		return new PrivateEmbeddedDatabase();
	}

}
