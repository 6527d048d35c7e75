package quire.cli;

import java.io.PrintWriter;

import quire.coding.Code;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.Project;
import quire.project.ProjectService;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the commands repeat: finding a project, document or code named on the command line, with
 * the one message each gives when nothing has that name, and printing JSON.
 */
final class Lookups {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Lookups() {
	}

	/**
	 * The project named {@code nameOrId}, else, when it is a number and no project has that name,
	 * the project with that id (as the REST API's URLs show it).
	 */
	static Project project(ProjectService projects, String nameOrId) {
		var named = projects.findByName(nameOrId);
		if (named.isPresent()) {
			return named.get();
		}
		if (nameOrId.matches("\\d{1,18}")) {
			var byId = projects.find(new quire.project.ProjectId(Long.parseLong(nameOrId)));
			if (byId.isPresent()) {
				return byId.get();
			}
		}
		return projects.require(nameOrId);
	}

	static DocumentSummary document(CorpusService corpus, Project project, String name) {
		return corpus.findDocument(project.id(), name)
			.orElseThrow(() -> new IllegalArgumentException(
					"no document named '" + name + "' in project '" + project.name() + "'"));
	}

	/** A code by its name or, when the name is not unique, its path ({@code Adoption › MI seen as useful}). */
	static Code code(CodebookService codebook, Project project, String nameOrPath) {
		return codebook.findCode(project.id(), nameOrPath)
			.orElseThrow(() -> new IllegalArgumentException("no code named '" + nameOrPath + "' in project '"
					+ project.name() + "' (give its path, e.g. 'Adoption › MI seen as useful', when the name is not unique)"));
	}

	/** Prints {@code value} (maps, lists, records, strings, numbers) as indented JSON on one call. */
	static void printJson(PrintWriter out, Object value) {
		out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
	}

}
