package quire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.project.ProjectService;
import quire.report.ChecklistEntry;
import quire.report.ReportService;

/** The publication report and the COREQ checklist from the command line. */
final class ReportCommand {

	private ReportCommand() {
	}

	@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the report as PDF, Word or Markdown.")
	static final class Render implements Callable<Integer> {

		private final ProjectService projects;

		private final ReportService report;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--format", defaultValue = "pdf", description = "pdf, docx or md (default: ${DEFAULT-VALUE})")
		String format;

		@Option(names = "--out", required = true, paramLabel = "FILE")
		Path out;

		@Option(names = "--leave-out", paramLabel = "SECTION", split = ",",
				description = "leave out the sections with these headings, e.g. --leave-out \"Joint display,Codebook\"")
		java.util.List<String> leaveOut = new java.util.ArrayList<>();

		Render(ProjectService projects, ReportService report) {
			this.projects = projects;
			this.report = report;
		}

		@Override
		public Integer call() throws IOException {
			var target = Lookups.project(projects, project);
			ReportService.Format f = switch (format.toLowerCase(Locale.ROOT)) {
				case "pdf" -> ReportService.Format.PDF;
				case "docx", "word" -> ReportService.Format.DOCX;
				case "md", "markdown" -> ReportService.Format.MARKDOWN;
				default -> throw new IllegalArgumentException("unknown format '" + format + "': use pdf, docx or md");
			};
			long start = System.nanoTime();
			java.util.Set<String> known = new java.util.HashSet<>();
			report.sections(target.id()).forEach(t -> known.add(t.toLowerCase(Locale.ROOT)));
			for (String section : leaveOut) {
				if (!known.contains(section.strip().toLowerCase(Locale.ROOT))) {
					throw new IllegalArgumentException("the report has no section '" + section.strip() + "': its sections are "
							+ String.join(", ", report.sections(target.id())));
				}
			}
			byte[] bytes = report.render(target.id(), f, java.util.Set.copyOf(leaveOut));
			Files.write(out, bytes);
			spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d bytes) in %.1f s%n", out, bytes.length,
					(System.nanoTime() - start) / 1e9);
			return 0;
		}

	}

	@Command(name = "coreq", mixinStandardHelpOptions = true, description = "The COREQ checklist with the status of each item.")
	@ReadsOnly
	static final class Checklist implements Callable<Integer> {

		private final ProjectService projects;

		private final ReportService report;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		Checklist(ProjectService projects, ReportService report) {
			this.projects = projects;
			this.report = report;
		}

		@Override
		public Integer call() {
			var target = Lookups.project(projects, project);
			var entries = report.checklist(target.id());
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				Lookups.printJson(out, entries.stream().map(e -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("item", e.item().number());
					m.put("domain", e.item().domain());
					m.put("name", e.item().item());
					m.put("status", e.status().name().toLowerCase(Locale.ROOT));
					m.put("answer", e.answer());
					m.put("evidence", e.evidence());
					m.put("section", e.item().section());
					return m;
				}).toList());
				return 0;
			}
			for (ChecklistEntry e : entries) {
				out.printf(Locale.ROOT, "%2d %-42s %-26s %s%n", e.item().number(), e.item().item(), e.status().label(),
						e.answer().length() > 100 ? e.answer().substring(0, 99) + "…" : e.answer());
			}
			return 0;
		}

	}

}
