package quire.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.analysis.StudyOverview;
import quire.analysis.StudyService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.GroupKind;
import quire.corpus.StudyDesignService;
import quire.corpus.Strand;
import quire.project.Project;
import quire.project.ProjectService;

/** The study design: which strand each document group belongs to. */
@Command(subcommands = { StudyCommand.Show.class, StudyCommand.Set.class },
		name = "study", mixinStandardHelpOptions = true,
		description = "The study design: strands, document groups' kinds, MITI sources and questionnaires.")
final class StudyCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the project's strands and groups.")
	@ReadsOnly
	static final class Show implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final StudyService study;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		Show(ProjectService projects, CorpusService corpus, StudyService study) {
			this.projects = projects;
			this.corpus = corpus;
			this.study = study;
		}

		@Override
		public Integer call() {
			Project p = Lookups.project(projects, project);
			StudyOverview overview = study.overview(p.id());
			var out = spec.commandLine().getOut();
			if (json) {
				Map<DocumentId, String> names = new HashMap<>();
				for (DocumentSummary d : corpus.documents(p.id())) {
					names.put(d.id(), d.name());
				}
				Lookups.printJson(out, overview.asMap(id -> names.getOrDefault(id, String.valueOf(id.value()))));
				return 0;
			}
			overview.lines().forEach(out::println);
			out.println();
			for (var g : overview.design().groups()) {
				out.printf("%s: %d documents, %s, %s (%s)%n", g.name(), g.documents().size(), g.kind().label(),
						g.strand().label(), g.inferredFrom());
			}
			return 0;
		}

	}

	@Command(name = "set", mixinStandardHelpOptions = true,
			description = "Set a document group's kind and strand (or --infer to let Quire infer them again).")
	static final class Set implements Callable<Integer> {

		private final ProjectService projects;

		private final StudyDesignService design;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--group", required = true, description = "the document group's name")
		String group;

		@Option(names = "--kind", description = "focus-group, interview, counselling-session or field-notes")
		String kind;

		@Option(names = "--strand", description = "qualitative, fidelity or none (default: the kind's usual strand)")
		String strand;

		@Option(names = "--infer", description = "forget what was set and infer the kind and strand again")
		boolean infer;

		Set(ProjectService projects, StudyDesignService design) {
			this.projects = projects;
			this.design = design;
		}

		@Override
		public Integer call() {
			Project p = Lookups.project(projects, project);
			if (infer) {
				design.resetDesign(p.id(), group);
				spec.commandLine().getOut().println("'" + group.strip() + "': kind and strand are inferred again");
				return 0;
			}
			if (kind == null) {
				throw new IllegalArgumentException("give --kind (and optionally --strand), or --infer");
			}
			GroupKind k = GroupKind.parse(kind);
			Strand s = strand == null ? null : Strand.parse(strand);
			design.setDesign(p.id(), group, k, s);
			spec.commandLine().getOut().println("'" + group.strip() + "' is now " + k.label() + " in the "
					+ (s == null ? k.defaultStrand() : s).label());
			return 0;
		}

	}

}
