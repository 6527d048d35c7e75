package quire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.coding.CodebookService;
import quire.project.ProjectService;

/** Imports and exports a project's codebook as a REFI-QDA {@code .qdc} file. */
@Command(subcommands = { CodebookCommand.Import.class, CodebookCommand.Export.class },
		name = "codebook", mixinStandardHelpOptions = true, description = "Import or export a project's codebook (.qdc).")
final class CodebookCommand {

	@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a REFI-QDA .qdc codebook into a project.")
	static final class Import implements Callable<Integer> {

		private final ProjectService projects;

		private final CodebookService codebook;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Parameters(paramLabel = "FILE.qdc", description = "the codebook file")
		Path file;

		Import(ProjectService projects, CodebookService codebook) {
			this.projects = projects;
			this.codebook = codebook;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + ": no such file");
			}
			try (InputStream in = Files.newInputStream(file)) {
				spec.commandLine().getOut().println(codebook.importQdc(target.id(), file.getFileName().toString(), in).describe());
			}
			return 0;
		}

	}

	@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a project's codebook as a REFI-QDA .qdc file.")
	@ReadsOnly
	static final class Export implements Callable<Integer> {

		private final ProjectService projects;

		private final CodebookService codebook;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Parameters(paramLabel = "FILE.qdc", description = "where to write the codebook")
		Path file;

		Export(ProjectService projects, CodebookService codebook) {
			this.projects = projects;
			this.codebook = codebook;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			byte[] qdc = codebook.exportQdc(target.id());
			Files.write(file, qdc);
			spec.commandLine().getOut().println("wrote " + codebook.codes(target.id()).size() + " codes to " + file);
			return 0;
		}

	}

}
