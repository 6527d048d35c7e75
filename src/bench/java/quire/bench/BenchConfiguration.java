package quire.bench;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import quire.cli.AdditionalCommands;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.nlp.SentenceService;
import quire.project.ProjectAccess;
import quire.project.ProjectService;
import quire.report.ReportService;
import quire.search.SearchService;
import quire.security.UserService;

/**
 * The benchmark's beans, added to Quire's own by {@link BenchApplication} (and by the bench's
 * tests). Deliberately not a {@code @Configuration}: component scanning of {@code quire} must not
 * find it when the bench's classes sit on a test class path, so only who names it gets it.
 */
public class BenchConfiguration {

	/** The commands the bench adds to Quire's command tree. */
	public static final AdditionalCommands COMMANDS = new AdditionalCommands(
			List.of(GenerateCommand.class, BenchCommand.class));

	@Bean
	AdditionalCommands benchCommands() {
		return COMMANDS;
	}

	@Bean
	Benchmark benchmark(ProjectService projects, CorpusService corpus, SearchService search, CodebookService codebook,
			ReportService report, JdbcTemplate jdbc, UserService users, ProjectAccess access, SentenceService sentences,
			@Value("${quire.home}") Path home, @Value("${spring.datasource.url}") String datasourceUrl,
			@Value("${spring.datasource.username:}") String datasourceUser,
			@Value("${spring.datasource.password:}") String datasourcePassword,
			@Value("${quire.search.engine:lucene}") String engine) {
		return new Benchmark(projects, corpus, search, codebook, report, jdbc, users, access, sentences, home,
				datasourceUrl, datasourceUser, datasourcePassword, engine);
	}

}
