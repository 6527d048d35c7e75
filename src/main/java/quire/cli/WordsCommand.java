package quire.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.Strand;
import quire.nlp.WordCount;
import quire.nlp.WordFrequencies;
import quire.nlp.WordFrequencyService;
import quire.nlp.WordQuery;
import quire.project.ProjectService;

/**
 * Prints the most frequent words of a strand, group, document, speaker or code; like the page, it counts
 * the qualitative strand unless told otherwise, and says which documents it counted.
 */
@Command(name = "words", mixinStandardHelpOptions = true,
		description = "Word frequencies: English by lemma, Norwegian by stem, without stop words. "
				+ "Default: the qualitative strand (focus groups and interviews).")
@ReadsOnly
final class WordsCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final WordFrequencyService words;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--strand", defaultValue = "qualitative",
			description = "documents of this strand when no --document is given: qualitative, sessions (the MI "
					+ "counselling sessions, fidelity strand) or all (every document, strands pooled) (default: ${DEFAULT-VALUE})")
	String strand;

	@Option(names = "--group", description = "only this document group")
	String group;

	@Option(names = "--document", description = "only this document (by name)")
	String document;

	@Option(names = "--speaker", description = "only this speaker's turns")
	String speaker;

	@Option(names = "--code", description = "only text coded with this code or its sub-codes (by name or path)")
	String code;

	@Option(names = "--top", defaultValue = "30", description = "how many words (default: ${DEFAULT-VALUE})")
	int top;

	@Option(names = "--min-length", defaultValue = "3", description = "shortest word counted (default: ${DEFAULT-VALUE})")
	int minLength;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	WordsCommand(ProjectService projects, CorpusService corpus, CodebookService codebook, WordFrequencyService words) {
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.words = words;
	}

	@Override
	public Integer call() {
		var target = Lookups.project(projects, project);
		WordQuery query = new WordQuery(target.id(), null, null, null, null, minLength, top, strand(strand));
		if (group != null) {
			if (!corpus.groups(target.id()).contains(group.strip())) {
				throw new IllegalArgumentException("no document group named '" + group + "' in project '" + target.name() + "'");
			}
			query = query.withGroup(group.strip());
		}
		if (document != null) {
			query = query.withDocument(Lookups.document(corpus, target, document).id());
		}
		if (speaker != null) {
			query = query.withSpeaker(speaker.strip());
		}
		if (code != null) {
			query = query.withCode(Lookups.code(codebook, target, code).id());
		}
		WordFrequencies f = words.count(query);
		var out = spec.commandLine().getOut();
		if (json) {
			Map<String, Object> root = new LinkedHashMap<>();
			root.put("counted", f.counted());
			root.put("strand", f.allStrands() ? "all" : f.strand() == null ? null : f.strand().name().toLowerCase(Locale.ROOT));
			root.put("documents", f.documents());
			root.put("computedOver", f.scope());
			root.put("method", f.method());
			if (!f.notice().isEmpty()) {
				root.put("notice", f.notice());
			}
			root.put("words", f.words().stream().map(w -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("word", w.word());
				m.put("key", w.key());
				m.put("count", w.count());
				m.put("percent", Math.round(w.percent() * 100) / 100.0);
				return m;
			}).toList());
			Lookups.printJson(out, root);
			return 0;
		}
		if (!f.notice().isEmpty()) {
			spec.commandLine().getErr().println("note: " + f.notice());
		}
		out.printf(Locale.ROOT, "%d words counted in %s (%s)%n", f.counted(), f.scope(), f.method());
		int width = Math.max(4, f.words().stream().mapToInt(w -> w.word().length()).max().orElse(4));
		for (WordCount w : f.words()) {
			out.printf(Locale.ROOT, "%-" + width + "s %6d %6.2f%%%n", w.word(), w.count(), w.percent());
		}
		return 0;
	}

	/** The strand named by {@code --strand}: "sessions" for the MI sessions, "all" for every document. */
	static @Nullable Strand strand(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "all" -> null;
			case "sessions", "session", "mi" -> Strand.FIDELITY;
			default -> {
				try {
					yield Strand.parse(text);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("unknown strand '" + text + "': use qualitative, sessions or all");
				}
			}
		};
	}

}
