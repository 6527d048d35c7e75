package quire.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.corpus.Attribute;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * Participants and the speakers linked to them: a speaker label of a document links to one
 * participant; role labels are a different person in each document unless linked here.
 */
@Command(subcommands = { ParticipantCommand.ListParticipants.class, ParticipantCommand.Link.class, ParticipantCommand.Unlink.class, ParticipantCommand.Review.class },
		name = "participant", description = "List participants and link the speakers of documents to them.",
		mixinStandardHelpOptions = true)
final class ParticipantCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** The options that name one speaker of one document. */
	static final class SpeakerOptions {

		@Mixin
		DocumentOptions target;

		@Option(names = "--speaker", required = true, description = "the speaker label as in the transcript")
		String speaker;

		DocumentSummary document(ProjectService projects, CorpusService corpus) {
			return target.find(projects, corpus);
		}

	}

	static void print(PrintWriter out, String verb, SpeakerLink l) {
		out.println(verb + " '" + l.speaker() + "' of '" + l.documentName() + "' → " + l.participantLabel() + " (id "
				+ l.participantId() + ", " + l.origin().label() + ")");
	}

	@Command(name = "link", description = "Link a speaker of a document to a participant (by id or label).",
			mixinStandardHelpOptions = true)
	static final class Link implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final SpeakerLinkService speakers;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		SpeakerOptions which;

		@Option(names = "--participant", required = true, description = "the participant's id (participant list) or label")
		String participant;

		Link(ProjectService projects, CorpusService corpus, SpeakerLinkService speakers) {
			this.projects = projects;
			this.corpus = corpus;
			this.speakers = speakers;
		}

		@Override
		public Integer call() {
			DocumentSummary d = which.document(projects, corpus);
			long id = corpus.participants(d.projectId()).stream()
				.filter(p -> Long.toString(p.id()).equals(participant.strip()) || p.label().equals(participant.strip()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("project '" + which.target.project + "' has no participant with id or label '"
						+ participant.strip() + "' (see participant list)"))
				.id();
			print(spec.commandLine().getOut(), "linked", speakers.link(d.id(), which.speaker, id));
			return 0;
		}

	}

	@Command(name = "unlink", description = "Give a speaker of a document a participant of its own for that document.",
			mixinStandardHelpOptions = true)
	static final class Unlink implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final SpeakerLinkService speakers;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		SpeakerOptions which;

		Unlink(ProjectService projects, CorpusService corpus, SpeakerLinkService speakers) {
			this.projects = projects;
			this.corpus = corpus;
			this.speakers = speakers;
		}

		@Override
		public Integer call() {
			print(spec.commandLine().getOut(), "unlinked", speakers.unlink(which.document(projects, corpus).id(), which.speaker));
			return 0;
		}

	}

	@Command(name = "review", description = "Accept or reject the proposal that a speaker is the participant of the same label.",
			mixinStandardHelpOptions = true)
	static final class Review implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final SpeakerLinkService speakers;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		SpeakerOptions which;

		@ArgGroup(exclusive = true, multiplicity = "1")
		Decision decision;

		static final class Decision {

			@Option(names = "--accept", required = true)
			boolean accept;

			@Option(names = "--reject", required = true)
			boolean reject;

		}

		Review(ProjectService projects, CorpusService corpus, SpeakerLinkService speakers) {
			this.projects = projects;
			this.corpus = corpus;
			this.speakers = speakers;
		}

		@Override
		public Integer call() {
			var d = which.document(projects, corpus).id();
			if (decision.accept) {
				print(spec.commandLine().getOut(), "accepted", speakers.accept(d, which.speaker));
			}
			else {
				print(spec.commandLine().getOut(), "rejected; own participant", speakers.reject(d, which.speaker));
			}
			return 0;
		}

	}

	@Command(name = "list", description = "List a project's participants and which speaker of which document each is.",
			mixinStandardHelpOptions = true)
	@ReadsOnly
	static final class ListParticipants implements Callable<Integer> {

		private final ProjectService projects;

		private final ParticipantService participants;

		private final SpeakerLinkService speakers;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true)
		String project;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		ListParticipants(ProjectService projects, ParticipantService participants, SpeakerLinkService speakers) {
			this.projects = projects;
			this.participants = participants;
			this.speakers = speakers;
		}

		@Override
		public Integer call() throws Exception {
			ProjectId id = Lookups.project(projects, project).id();
			List<Attribute> attributes = participants.attributes(id);
			List<ParticipantRow> rows = participants.participants(id);
			List<SpeakerLink> links = speakers.links(id);
			PrintWriter out = spec.commandLine().getOut();
			if (json) {
				List<Map<String, Object>> people = rows.stream().map(r -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("id", r.participant().id());
					m.put("label", r.participant().label());
					m.put("turns", r.participant().turns());
					Map<String, String> values = new LinkedHashMap<>();
					attributes.forEach(a -> {
						if (!r.value(a).isEmpty()) {
							values.put(a.name(), r.value(a));
						}
					});
					m.put("attributes", values);
					m.put("speakers", links.stream().filter(l -> l.participantId() == r.participant().id())
						.map(ListParticipants::json).toList());
					return m;
				}).toList();
				Map<String, Object> root = new LinkedHashMap<>();
				root.put("project", project);
				root.put("participants", people);
				root.put("proposals", links.stream().filter(l -> l.origin() == quire.corpus.LinkOrigin.PROPOSED)
					.map(ListParticipants::json).toList());
				Lookups.printJson(out, root);
				return 0;
			}
			for (ParticipantRow r : rows) {
				out.printf(Locale.ROOT, "%6d  %s (%d turns)%n", r.participant().id(), r.participant().label(), r.participant().turns());
				links.stream().filter(l -> l.participantId() == r.participant().id()).forEach(l -> out.println(
						"        " + l.documentName() + " / " + l.speaker() + " (" + l.origin().label() + ")"));
			}
			return 0;
		}

		private static Map<String, Object> json(SpeakerLink l) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("document", l.documentName());
			m.put("speaker", l.speaker());
			m.put("participantId", l.participantId());
			m.put("participant", l.participantLabel());
			m.put("origin", l.origin().name().toLowerCase(Locale.ROOT));
			m.put("turns", l.turns());
			return m;
		}

	}

}
