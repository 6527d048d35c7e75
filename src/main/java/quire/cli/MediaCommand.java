package quire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.media.MediaService;
import quire.media.Recording;
import quire.project.Project;
import quire.project.ProjectService;

/** Recordings of documents: attach (the type is read from the content), list, detach. */
@Command(subcommands = { MediaCommand.Attach.class, MediaCommand.ListMedia.class, MediaCommand.Detach.class },
		name = "media", description = "Attach, list and detach the recordings of documents.",
		mixinStandardHelpOptions = true)
final class MediaCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "attach", mixinStandardHelpOptions = true,
			description = "Attach an audio or video file (mp3, m4a/aac, wav, ogg/opus, mp4, webm) to a document, "
					+ "replacing its recording if it had one.")
	static final class Attach implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final MediaService media;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		DocumentOptions target;

		@Parameters(index = "0", paramLabel = "FILE", description = "the recording")
		Path file;

		Attach(ProjectService projects, CorpusService corpus, MediaService media) {
			this.projects = projects;
			this.corpus = corpus;
			this.media = media;
		}

		@Override
		public Integer call() {
			DocumentSummary doc = target.find(projects, corpus);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(file + ": no such file");
			}
			Recording r;
			try (InputStream in = Files.newInputStream(file)) {
				r = media.attach(doc.id(), file.getFileName().toString(), in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
			}
			spec.commandLine().getOut().println("attached to '" + doc.name() + "': " + r.describe());
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List a project's recordings.")
	@ReadsOnly
	static final class ListMedia implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final MediaService media;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true, description = "the project's name")
		String project;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		ListMedia(ProjectService projects, CorpusService corpus, MediaService media) {
			this.projects = projects;
			this.corpus = corpus;
			this.media = media;
		}

		@Override
		public Integer call() {
			Project p = Lookups.project(projects, project);
			Map<Long, String> names = new LinkedHashMap<>();
			corpus.documents(p.id()).forEach(d -> names.put(d.id().value(), d.name()));
			List<Recording> recordings = media.list(p.id());
			var out = spec.commandLine().getOut();
			if (json) {
				Lookups.printJson(out, recordings
					.stream()
					.map(r -> {
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("document", names.getOrDefault(r.documentId().value(), ""));
						m.put("documentId", r.documentId().value());
						m.put("format", r.format().name().toLowerCase(Locale.ROOT));
						m.put("contentType", r.format().contentType());
						m.put("file", r.originalName());
						m.put("sizeBytes", r.sizeBytes());
						m.put("durationMs", r.durationMillis());
						return m;
					})
					.toList());
				return 0;
			}
			if (recordings.isEmpty()) {
				out.println("no recordings in '" + p.name() + "'");
			}
			for (Recording r : recordings) {
				out.println(names.getOrDefault(r.documentId().value(), "?") + "\t" + r.describe());
			}
			return 0;
		}

	}

	@Command(name = "detach", mixinStandardHelpOptions = true,
			description = "Detach a document's recording and delete its file.")
	static final class Detach implements Callable<Integer> {

		private final ProjectService projects;

		private final CorpusService corpus;

		private final MediaService media;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Mixin
		DocumentOptions target;

		Detach(ProjectService projects, CorpusService corpus, MediaService media) {
			this.projects = projects;
			this.corpus = corpus;
			this.media = media;
		}

		@Override
		public Integer call() {
			DocumentSummary doc = target.find(projects, corpus);
			if (!media.detach(doc.id())) {
				throw new IllegalArgumentException("'" + doc.name() + "' has no recording");
			}
			spec.commandLine().getOut().println("detached the recording of '" + doc.name() + "'");
			return 0;
		}

	}

}
