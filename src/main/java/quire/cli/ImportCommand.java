package quire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.corpus.CorpusService;
import quire.corpus.ImportOutcome;
import quire.corpus.ImportRejectedException;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.media.MediaService;
import quire.media.RecordedTranscripts;
import quire.nlp.SentenceService;
import quire.project.ProjectService;

/**
 * Imports files into a project, {@link CorpusService#IMPORT_GROUP} files per transaction, each file
 * all or nothing: prints one line per file once its group is committed and exits 1 if any file was
 * rejected. Returns once the files' sentence units, stored in the background after the
 * imports, are stored too.
 */
@Command(name = "import", description = "Import transcripts (.txt, .docx, .pdf, .vtt, .srt) into a project; a "
		+ "recording (.mp3, .m4a, .wav, .ogg, .mp4, .webm) given with its .vtt or .srt of the same name is imported "
		+ "with it as one document, all or nothing. A folder stands for the files in it.",
		mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CorpusService corpus;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--group", description = "the document group, e.g. \"Focus group - MI caseworkers\"")
	String group;

	@Option(names = "--language", description = "en or no (default: guessed from the text)")
	String language;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "files (or folders of files) to import")
	List<Path> files;

	private final SentenceService sentences;

	private final MediaService media;

	ImportCommand(ProjectService projects, CorpusService corpus, SentenceService sentences, MediaService media) {
		this.media = media;
		this.projects = projects;
		this.corpus = corpus;
		this.sentences = sentences;
	}

	@Override
	public Integer call() {
		var target = Lookups.project(projects, project);
		Language lang = language == null ? null
				: Language.parse(language)
					.orElseThrow(() -> new IllegalArgumentException(
							"unknown language '" + language + "'; use en (English) or no (Norwegian)"));
		var out = spec.commandLine().getOut();
		var err = spec.commandLine().getErr();
		int[] rejected = { 0 };
		List<Path> given = expand(files);
		Map<String, Path> byName = new LinkedHashMap<>();
		given.forEach(f -> byName.putIfAbsent(f.toString(), f));
		Map<String, String> pairs = RecordedTranscripts.pairs(byName.keySet());
		List<Path> alone = new ArrayList<>();
		for (Path f : given) {
			String name = f.toString();
			if (pairs.containsKey(name)) {
				Path recording = byName.get(pairs.get(name));
				try {
					var done = media.importTogether(target.id(), new ImportRequest(f.getFileName().toString(), read(f), group, lang),
							recording.getFileName().toString(), recording);
					var d = done.transcript().document();
					out.printf("imported %s with its recording %s as '%s': %d turns, %d words, %s; %s%n",
							f.getFileName(), recording.getFileName(), d.name(), d.turnCount(), d.wordCount(), d.language().label(),
							done.recording().describe());
				}
				catch (IllegalArgumentException ex) {
					rejected[0]++;
					err.println("rejected " + ex.getMessage() + " (neither " + f.getFileName() + " nor "
							+ recording.getFileName() + " was imported)");
				}
			}
			else if (RecordedTranscripts.isRecordingName(name)) {
				if (!pairs.containsValue(name)) {
					rejected[0]++;
					err.println("rejected " + f.getFileName() + ": a recording is imported with its transcript of the same "
							+ "name (.vtt or .srt); to add it to a document, use: quire media attach");
				}
			}
			else {
				alone.add(f);
			}
		}
		// in groups, one transaction each (CorpusService.IMPORT_GROUP); a file is still all or nothing
		List<java.util.function.Supplier<ImportRequest>> requests = alone.stream()
			.<java.util.function.Supplier<ImportRequest>>map(
					file -> () -> new ImportRequest(file.getFileName().toString(), read(file), group, lang))
			.toList();
		corpus.importFiles(target.id(), requests, outcomes -> {
			for (ImportOutcome outcome : outcomes) {
				if (outcome.result() != null) {
					var d = outcome.result().document();
					out.printf("imported %s as '%s': %d turns, %d words, %s%s%n", outcome.fileName(), d.name(),
							d.turnCount(), d.wordCount(), d.language().label(), outcome.result().notes().isEmpty() ? ""
									: " (" + String.join("; ", outcome.result().notes()) + ")");
				}
				else {
					rejected[0]++;
					err.println("rejected " + java.util.Objects.requireNonNull(outcome.rejection()).getMessage());
				}
			}
		});
		try {
			// sentence units are stored in the background once imports pause; a command finishes its work
			if (!sentences.awaitStored(java.time.Duration.ofHours(6))) {
				err.println("the sentence units of some documents were not stored yet; the next start stores them");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return rejected[0] == 0 ? 0 : 1;
	}

	/** The files given, a folder standing for the regular files in it (not hidden), by name. */
	private static List<Path> expand(List<Path> given) {
		List<Path> out = new ArrayList<>();
		for (Path p : given) {
			if (Files.isDirectory(p)) {
				try (var in = Files.list(p)) {
					in.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
						.sorted().forEach(out::add);
				}
				catch (IOException ex) {
					throw new IllegalArgumentException("cannot list the folder " + p + ": " + ex.getMessage(), ex);
				}
			}
			else {
				out.add(p);
			}
		}
		return out;
	}

	private byte[] read(Path file) {
		String name = file.getFileName().toString();
		if (!Files.isRegularFile(file)) {
			throw new ImportRejectedException(name, "no such file: " + file);
		}
		try {
			long size = Files.size(file);
			if (size > corpus.maxFileSize()) {
				throw new ImportRejectedException(name, String.format(java.util.Locale.ROOT,
						"the file is %.1f MB, larger than the upload limit of %.1f MB", size / 1e6,
						corpus.maxFileSize() / 1e6));
			}
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new ImportRejectedException(name, "cannot read the file (" + ex.getMessage() + ")", ex);
		}
	}

}
