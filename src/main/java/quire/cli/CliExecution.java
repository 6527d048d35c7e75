package quire.cli;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * In the CLI, event listeners (such as the search index following an import) run in the
 * command's own thread right after each commit, so a command has finished all its work when it
 * returns and the process can exit without leaving index updates behind. The web app keeps the
 * asynchronous executor Spring Boot configures.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cli")
class CliExecution {

	@Bean
	SyncTaskExecutor taskExecutor() {
		return new SyncTaskExecutor();
	}

}
