package quire.cli;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * How a command's application differs from the web app's. Event listeners (such as the search
 * index following an import) run in the command's own thread right after each commit, so a command
 * has finished all its work when it returns and the process can exit without leaving index updates
 * behind; the web app keeps the asynchronous executor Spring Boot configures. And Flyway only
 * validates a schema that is current (one pass over the migrations and the history table); a home
 * from an older version is migrated as the web app would.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cli")
class CliExecution {

	/**
	 * With lazy initialisation (application-cli.properties) the schema must still be brought up to
	 * date at start, before any command reads: Flyway, and Spring Modulith's event publication table,
	 * whose initialiser no other bean depends on.
	 */
	@Bean
	static LazyInitializationExcludeFilter schemaFirst() {
		return (name, definition, type) -> FlywayMigrationInitializer.class.isAssignableFrom(type)
				|| type.getName().equals("org.springframework.modulith.events.jdbc.DatabaseSchemaInitializer");
	}

	@Bean
	SyncTaskExecutor taskExecutor() {
		return new SyncTaskExecutor();
	}

	@Bean
	FlywayMigrationStrategy migrateOnlyWhenBehind() {
		return flyway -> {
			// validation fails on a pending migration (and on a changed one, which migrate reports again)
			if (!flyway.validateWithResult().validationSuccessful) {
				flyway.migrate();
			}
		};
	}

}
