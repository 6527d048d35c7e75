package quire.cli;

import picocli.CommandLine.Option;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.ProjectService;

/**
 * The options that name one document of one project ({@code --project}, {@code --document}), as a picocli
 * mixin for every command that works on a single document, with the lookup that turns them into the
 * document or a clear message.
 */
final class DocumentOptions {

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--document", required = true, description = "the document's name")
	String document;

	/** The named document of the named project. */
	DocumentSummary find(ProjectService projects, CorpusService corpus) {
		return Lookups.document(corpus, Lookups.project(projects, project), document);
	}

}
