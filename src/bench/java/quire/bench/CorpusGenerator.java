package quire.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import quire.bench.internal.Vocabulary;
import quire.corpus.Language;

/**
 * Writes a reproducible synthetic corpus: English and Norwegian transcripts (one in five Norwegian)
 * of 8,000–15,000 words, with {@code [hh:mm:ss] Speaker:} turns as focus groups, interviews and MI
 * sessions, and optionally random codings by several coders. Transcript {@code i} depends only on
 * the seed and {@code i}, so a corpus of 1,000 is the first 1,000 of a corpus of 10,000.
 *
 * <p>
 * Layout: {@code corpus.tsv} (one line per transcript: path, language, group, words, turns, bytes),
 * the transcripts under one folder per group, and {@code codings.tsv} (path, start, end, code,
 * coder; offsets into the file's text, which Quire stores unchanged) when codings are asked for.
 */
public final class CorpusGenerator {

	/** Quire's own word pattern (as {@code CorpusService} counts words), so the counts agree. */

	public static final int MIN_WORDS = 8_000;

	public static final int MAX_WORDS = 15_000;

	/** Names of the codes random codings use: 5 themes with 4 codes each. */
	public static final List<String> CODES = codeNames();

	private static final Vocabulary EN = Vocabulary.english();

	private static final Vocabulary NO = Vocabulary.norwegian();

	private final long seed;

	public CorpusGenerator(long seed) {
		this.seed = seed;
	}

	/**
	 * What to generate.
	 * @param codingsPerDocument random codings per transcript (0 for none)
	 * @param coders how many coders share them
	 */
	public record Settings(int transcripts, long seed, int codingsPerDocument, int coders) {

		public Settings {
			if (transcripts < 1) {
				throw new IllegalArgumentException("--transcripts must be at least 1, was " + transcripts);
			}
			if (codingsPerDocument < 0) {
				throw new IllegalArgumentException("--codings must not be negative, was " + codingsPerDocument);
			}
			if (coders < 1) {
				throw new IllegalArgumentException("--coders must be at least 1, was " + coders);
			}
		}

	}

	/** A coding as offsets into a transcript's text. */
	public record GeneratedCoding(int start, int end, String code, String coder) {
	}

	/** One transcript: where it goes, its text and what it holds. */
	public record GeneratedTranscript(String path, Language language, String group, String text, int words,
			int turns, List<int[]> turnSpans) {

		/** Random codings of whole words inside turns, reproducible from the seed. */
		public List<GeneratedCoding> codings(long seed, int count, int coders) {
			SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + path.hashCode());
			List<GeneratedCoding> out = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int[] turn = turnSpans.get(random.nextInt(turnSpans.size()));
				List<int[]> words = quire.corpus.Words.spans(text, turn[0], turn[1]);
				int from = random.nextInt(words.size());
				int to = Math.min(words.size() - 1, from + random.nextInt(40));
				out.add(new GeneratedCoding(words.get(from)[0], words.get(to)[1], CODES.get(random.nextInt(CODES.size())),
						"Coder " + (1 + random.nextInt(coders))));
			}
			return out;
		}

	}

	/** What {@link #write} wrote. */
	public record Summary(int transcripts, long words, long bytes, long codings) {
	}

	/** Transcript number {@code index} (from 0) of this seed's corpus. */
	public GeneratedTranscript transcript(int index) {
		return transcript(index, -1);
	}

	/**
	 * Transcript number {@code index} with about {@code words} words (a few more at most), e.g. the
	 * benchmark's 20,000-word transcript; {@code -1} draws the length as the corpus does.
	 */
	public GeneratedTranscript transcript(int index, int words) {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
		boolean norwegian = index % 5 == 4;
		Kind kind = norwegian ? Kind.NO_INTERVIEW : Kind.values()[index % 3];
		Vocabulary vocabulary = norwegian ? NO : EN;
		int drawn = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS - 9);
		int target = words > 0 ? words : drawn;
		List<String> speakers = kind.speakers(random);
		StringBuilder text = new StringBuilder(target * 7);
		List<int[]> turns = new ArrayList<>();
		int written = 0;
		int seconds = 3;
		int previous = -1;
		while (written < target) {
			int who = previous != 0 ? 0 : 1 + random.nextInt(speakers.size() - 1);
			if (kind == Kind.FOCUS_GROUP && previous > 0 && random.nextInt(3) == 0) {
				who = 1 + random.nextInt(speakers.size() - 1);
			}
			previous = who;
			int wanted = who == 0 ? 8 + random.nextInt(50) : 20 + random.nextInt(200);
			wanted = Math.min(wanted, target - written);
			if (!turns.isEmpty()) {
				text.append("\n\n");
			}
			text.append(String.format(Locale.ROOT, "[%02d:%02d:%02d] ", seconds / 3600, seconds / 60 % 60, seconds % 60))
				.append(speakers.get(who))
				.append(": ");
			int start = text.length();
			int n = sentences(text, vocabulary, random, Math.max(1, wanted), who == 0);
			turns.add(new int[] { start, text.length() });
			written += n;
			seconds += Math.max(2, n * 2 / 5) + random.nextInt(4);
		}
		text.append('\n');
		String name = String.format(Locale.ROOT, "%s/%s-%05d.txt", kind.folder, kind.prefix, index + 1);
		return new GeneratedTranscript(name, norwegian ? Language.NORWEGIAN : Language.ENGLISH, kind.group,
				text.toString(), written, turns.size(), List.copyOf(turns));
	}

	/** Appends sentences of about {@code wanted} words; returns how many words Quire will count. */
	private static int sentences(StringBuilder out, Vocabulary vocabulary, SplittableRandom random, int wanted,
			boolean asks) {
		int count = 0;
		int from = out.length();
		while (count < wanted) {
			int length = Math.min(wanted - count, 4 + random.nextInt(18));
			StringBuilder sentence = new StringBuilder();
			int n = 0;
			while (n < length) {
				String w;
				if (random.nextInt(14) == 0) {
					w = vocabulary.phrase(random);
				}
				else {
					w = vocabulary.word(random);
				}
				if (sentence.length() > 0) {
					sentence.append(random.nextInt(12) == 0 ? ", " : " ");
				}
				sentence.append(w);
				n += wordCount(w);
			}
			sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
			sentence.append(asks && random.nextInt(2) == 0 ? '?' : '.');
			if (out.length() > from) {
				out.append(' ');
			}
			out.append(sentence);
			count += n;
		}
		return wordCount(out.substring(from));
	}

	static int wordCount(CharSequence s) {
		return quire.corpus.Words.count(s, 0, s.length());
	}

	/**
	 * Writes the corpus into {@code out} (created if missing).
	 * @throws IllegalArgumentException if {@code out} exists and is not an empty folder or an earlier corpus
	 */
	public Summary write(Path out, Settings settings) {
		if (Files.isRegularFile(out)) {
			throw new IllegalArgumentException("--out " + out + " is a file; give a folder");
		}
		try {
			Files.createDirectories(out);
			long words = 0;
			long bytes = 0;
			long codings = 0;
			try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve("corpus.tsv"), StandardCharsets.UTF_8);
					BufferedWriter codingFile = settings.codingsPerDocument() == 0 ? null
							: Files.newBufferedWriter(out.resolve("codings.tsv"), StandardCharsets.UTF_8)) {
				manifest.write("# quire generate --transcripts " + settings.transcripts() + " --seed " + settings.seed()
						+ " --codings " + settings.codingsPerDocument() + " --coders " + settings.coders() + "\n");
				manifest.write("path\tlanguage\tgroup\twords\tturns\tbytes\n");
				if (codingFile != null) {
					codingFile.write("path\tstart\tend\tcode\tcoder\n");
				}
				for (int i = 0; i < settings.transcripts(); i++) {
					GeneratedTranscript t = transcript(i);
					byte[] content = t.text().getBytes(StandardCharsets.UTF_8);
					Path file = out.resolve(t.path());
					Files.createDirectories(file.getParent());
					Files.write(file, content);
					manifest.write(String.join("\t", t.path(), t.language().code(), t.group(),
							Integer.toString(t.words()), Integer.toString(t.turns()), Integer.toString(content.length))
							+ "\n");
					words += t.words();
					bytes += content.length;
					if (codingFile != null) {
						for (GeneratedCoding c : t.codings(seed, settings.codingsPerDocument(), settings.coders())) {
							codingFile.write(t.path() + "\t" + c.start() + "\t" + c.end() + "\t" + c.code() + "\t"
									+ c.coder() + "\n");
							codings++;
						}
					}
				}
			}
			return new Summary(settings.transcripts(), words, bytes, codings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the corpus under " + out + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> codeNames() {
		List<String> names = new ArrayList<>();
		for (String theme : List.of("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance")) {
			for (int i = 1; i <= 4; i++) {
				names.add(theme + " " + i);
			}
		}
		return List.copyOf(names);
	}

	private enum Kind {

		FOCUS_GROUP("focus-groups", "en-fg", "Focus group - caseworkers"),
		INTERVIEW("interviews", "en-int", "Interviews - sick-listed workers"),
		MI_SESSION("mi-sessions", "en-mi", "MI sessions"),
		NO_INTERVIEW("intervju", "no-int", "Intervju - veiledere");

		final String folder;

		final String prefix;

		final String group;

		Kind(String folder, String prefix, String group) {
			this.folder = folder;
			this.prefix = prefix;
			this.group = group;
		}

		/** The first speaker asks (moderator, interviewer, caseworker); the others answer. */
		List<String> speakers(SplittableRandom random) {
			return switch (this) {
				case FOCUS_GROUP -> {
					List<String> s = new ArrayList<>(List.of("Moderator"));
					int n = 4 + random.nextInt(4);
					for (int i = 1; i <= n; i++) {
						s.add("Participant " + i);
					}
					yield s;
				}
				case INTERVIEW -> List.of("Interviewer", "Participant " + (1 + random.nextInt(60)));
				case MI_SESSION -> List.of("MI Caseworker " + (1 + random.nextInt(8)), "Client");
				case NO_INTERVIEW -> List.of("Intervjuer", "Veileder " + (1 + random.nextInt(12)));
			};
		}

	}

}
