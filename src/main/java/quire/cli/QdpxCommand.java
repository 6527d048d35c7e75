package quire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.exchange.QdpxReport;
import quire.exchange.QdpxService;
import quire.project.ProjectService;

/** REFI-QDA project exchange from the command line. */
@Command(subcommands = { QdpxCommand.Export.class, QdpxCommand.Import.class },
		name = "qdpx", mixinStandardHelpOptions = true, description = "Export or import REFI-QDA .qdpx projects.")
final class QdpxCommand {

	@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a project as a .qdpx archive.")
	static final class Export implements Callable<Integer> {

		private final ProjectService projects;

		private final QdpxService qdpx;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--out", required = true, paramLabel = "FILE.qdpx")
		Path out;

		Export(ProjectService projects, QdpxService qdpx) {
			this.projects = projects;
			this.qdpx = qdpx;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			byte[] bytes = qdpx.export(target.id());
			Files.write(out, bytes);
			spec.commandLine().getOut().println("wrote " + out + " (" + bytes.length + " bytes)");
			return 0;
		}

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Import a .qdpx archive as a new project and print the import report.")
	static final class Import implements Callable<Integer> {

		private final QdpxService qdpx;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--name", required = true, description = "the new project's name")
		String name;

		@Option(names = "--json", description = "print the report as JSON")
		boolean json;

		@Parameters(paramLabel = "FILE.qdpx")
		Path file;

		Import(QdpxService qdpx) {
			this.qdpx = qdpx;
		}

		@Override
		public Integer call() throws IOException {
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + ": no such file");
			}
			QdpxReport r = qdpx.importProject(name, file.getFileName().toString(), Files.readAllBytes(file));
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("project", r.projectName());
				m.put("users", r.users());
				m.put("codes", r.codes());
				m.put("sources", r.sources());
				m.put("codings", r.codings());
				m.put("cases", r.cases());
				m.put("notes", r.notes());
				m.put("skipped", r.skipped());
				m.put("warnings", r.warnings());
				Lookups.printJson(out, m);
				return 0;
			}
			out.println(r.describe());
			r.skipped().forEach(s -> out.println("skipped: " + s));
			r.warnings().forEach(s -> out.println("note: " + s));
			return 0;
		}

	}

}
