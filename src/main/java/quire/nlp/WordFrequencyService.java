package quire.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.GroupKind;
import quire.corpus.Language;
import quire.corpus.Strand;
import quire.corpus.StudyDesign;
import quire.corpus.StudyDesignService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.nlp.internal.Gazetteer;
import quire.nlp.internal.WordNormaliser;
import quire.project.ProjectId;

/**
 * Word frequencies of a project, a group, a document, a speaker or a code's text: English by CoreNLP
 * lemma (Lucene's Porter stem without the models), Norwegian by Snowball stem, without the
 * language's stop words (Lucene's list and speech fillers, editable per project), short words and
 * transcriber's notes in brackets.
 * Counts and percentages are of the words counted, so they are comparable between selections.
 * Unless a document is chosen, only one strand's documents are counted (the qualitative strand by
 * default, as for agreement and the framework matrix), and the result names the strand and its documents.
 */
@Service
@Transactional(readOnly = true)
public class WordFrequencyService {

	/** Transcriber's notes such as "[laughs]", "(pause)" or "[inaudible]": not words anyone said. */
	private static final java.util.regex.Pattern NOTES = java.util.regex.Pattern.compile("\\[[^\\]\\n]*]|\\([^)\\n]*\\)");

	private final JdbcClient jdbc;

	private final CorpusService corpus;

	private final CodingService codings;

	private final CodebookService codebook;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final StudyDesignService studyDesign;

	WordFrequencyService(JdbcClient jdbc, CorpusService corpus, CodingService codings, CodebookService codebook,
			ProjectAccess access, AuditLog audit, StudyDesignService studyDesign) {
		this.studyDesign = studyDesign;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.corpus = corpus;
		this.codings = codings;
		this.codebook = codebook;
	}

	public WordFrequencies count(WordQuery query) {
		access.require(query.project(), ProjectRole.VIEWER);
		List<DocumentSummary> selected = corpus.documents(query.project()).stream()
			.filter(d -> query.group() == null || query.group().equals(d.group()))
			.filter(d -> query.document() == null || query.document().equals(d.id()))
			.toList();
		@Nullable Strand strand = query.effectiveStrand();
		StudyDesign design = studyDesign.design(query.project());
		Set<DocumentId> members = strand == null ? Set.of() : new HashSet<>(design.documents(strand));
		List<DocumentSummary> inStrand = strand == null ? selected
				: selected.stream().filter(d -> members.contains(d.id())).toList();
		List<DocumentSummary> documents = query.document() != null ? inStrand : onePerSession(inStrand, design);
		List<DocumentId> usedDocuments = new ArrayList<>();
		Set<CodeId> codes = query.code() == null ? Set.of() : withSubCodes(query.project(), query.code());
		Map<Language, Set<String>> stop = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		Map<String, Map<String, Integer>> forms = new HashMap<>();
		int counted = 0;
		int used = 0;
		Set<Language> languages = new TreeSet<>();
		for (DocumentSummary d : documents) {
			Transcript t = corpus.transcript(d.id()).orElseThrow();
			List<int[]> spans = spans(t, query, codes);
			if (spans.isEmpty()) {
				continue;
			}
			used++;
			usedDocuments.add(d.id());
			languages.add(d.language());
			Set<String> stopWords = stop.computeIfAbsent(d.language(), l -> stopWords(query.project(), l));
			for (int[] span : spans) {
				String words = NOTES.matcher(t.text().substring(span[0], span[1])).replaceAll(" ");
				for (WordNormaliser.Word w : WordNormaliser.words(words, d.language())) {
					if ((w.lemma() ? w.key() : w.surface()).length() < query.minLength() || w.surface().codePoints().noneMatch(Character::isLetter)
							|| stopWords.contains(w.surface()) || stopWords.contains(w.key())) {
						continue;
					}
					counted++;
					counts.merge(w.key(), 1, Integer::sum);
					forms.computeIfAbsent(w.key(), k -> new HashMap<>()).merge(w.lemma() ? w.key() : w.surface(), 1, Integer::sum);
				}
			}
		}
		int total = counted;
		List<WordCount> words = counts.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
			.limit(query.top())
			.map(e -> new WordCount(display(e.getKey(), forms.get(e.getKey())), e.getKey(), e.getValue(),
					100.0 * e.getValue() / total))
			.toList();
		String notice = notice(languages);
		if (strand != null && query.group() != null && !selected.isEmpty() && documents.isEmpty()) {
			notice = (notice.isEmpty() ? "" : notice + " ") + "Group '" + query.group() + "' has no documents in the "
					+ strand.label() + ": choose its strand, or all documents.";
		}
		boolean pooled = query.document() == null && query.strand() == null;
		int standIns = inStrand.size() - documents.size();
		String scope = scope(query, strand, design, usedDocuments) + (standIns == 0 ? ""
				: " · " + (standIns == 1 ? "a de-identified copy counted in place of its original"
						: "de-identified copies counted in place of their originals (" + standIns + ")"));
		return new WordFrequencies(words, counted, used, strand, pooled, scope, method(languages), notice);
	}

	/**
	 * One document per session: a de-identified copy counted beside its original would count the session's
	 * words twice, so where both are chosen the copy stands in for the original (its words are the
	 * session's, with the identifiers replaced, which is what a published word list may show).
	 */
	static List<DocumentSummary> onePerSession(List<DocumentSummary> documents, StudyDesign design) {
		Set<DocumentId> replaced = new HashSet<>();
		Set<DocumentId> chosen = new HashSet<>();
		documents.forEach(d -> chosen.add(d.id()));
		List<DocumentSummary> out = new ArrayList<>();
		for (DocumentSummary d : documents) {
			DocumentId original = design.original(d.id());
			if (!original.equals(d.id()) && chosen.contains(original)) {
				if (!replaced.add(original)) {
					continue; // a second copy of the same session
				}
			}
			out.add(d);
		}
		return out.stream().filter(d -> !replaced.contains(d.id())).toList();
	}

	/**
	 * The documents counted, for a figure's caption: "3 documents of the qualitative strand (2 focus
	 * groups, 1 individual interview)", "6 documents, all strands pooled (…)" or "1 chosen document".
	 * The kinds are those of the documents that had words to count, so they add up to the n printed.
	 */
	private static String scope(WordQuery query, @Nullable Strand strand, StudyDesign design, List<DocumentId> used) {
		if (query.document() != null) {
			return plural(used.size(), "chosen document");
		}
		String of = strand == null ? ", all strands pooled" : " of the " + strand.label();
		String group = query.group() == null ? "" : " in group '" + query.group() + "'";
		Map<GroupKind, Long> kinds = new EnumMap<>(GroupKind.class);
		used.forEach(d -> design.kindOf(d).ifPresent(k -> kinds.merge(k, 1L, Long::sum)));
		String made = kinds.isEmpty() ? ""
				: kinds.entrySet()
					.stream()
					.map(e -> e.getValue() + " " + e.getKey().label(e.getValue()))
					.collect(Collectors.joining(", ", " (", ")"));
		return plural(used.size(), "document") + of + group + made;
	}

	private static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	/** How words are normalised for these languages. */
	public String method(Set<Language> languages) {
		List<String> parts = new ArrayList<>();
		if (languages.contains(Language.ENGLISH)) {
			parts.add(WordNormaliser.lemmas() ? "English by CoreNLP lemma" : "English by Porter stem");
		}
		if (languages.contains(Language.NORWEGIAN)) {
			parts.add("Norwegian by Snowball stem");
		}
		return String.join("; ", parts);
	}

	private static String notice(Set<Language> languages) {
		return languages.contains(Language.ENGLISH) && !WordNormaliser.lemmas()
				? "CoreNLP's English models are not in this build (build with -Pnlp): English words are counted by stem, not lemma."
				: "";
	}

	/** The stop words of a language for a project: its own list if it has saved one, else Quire's default. */
	public Set<String> stopWords(ProjectId project, Language language) {
		boolean own = jdbc.sql("select count(*) from nlp_stopword_list where project_id = ? and language = ?")
			.params(project.value(), language.code())
			.query(Integer.class)
			.single() > 0;
		if (!own) {
			return defaultStopWords(language);
		}
		return Set.copyOf(jdbc.sql("select word from nlp_stopword where project_id = ? and language = ?")
			.params(project.value(), language.code())
			.query(String.class)
			.list());
	}

	/** Lucene's stop words for the language with speech fillers ("yeah", "liksom"). */
	public static Set<String> defaultStopWords(Language language) {
		Set<String> out = new TreeSet<>();
		CharArraySet lucene = language == Language.ENGLISH ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
				: NorwegianAnalyzer.getDefaultStopSet();
		for (Object o : lucene) {
			out.add(new String((char[]) o));
		}
		out.addAll(Gazetteer.load(language == Language.ENGLISH ? "stopwords-en.txt" : "stopwords-no.txt"));
		return Set.copyOf(out);
	}

	/** Saves a project's own stop words for a language (lower-cased; blank entries dropped). */
	@Transactional
	public void saveStopWords(ProjectId project, Language language, Set<String> words) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "stop words", language.label() + " stop words edited");
		Set<String> clean = new TreeSet<>();
		for (String w : words) {
			String s = w.strip().toLowerCase(Locale.ROOT);
			if (s.length() > 100) {
				throw new IllegalArgumentException("a stop word is at most 100 characters, '" + s.substring(0, 20) + "…' is longer");
			}
			if (!s.isEmpty()) {
				clean.add(s);
			}
		}
		jdbc.sql("delete from nlp_stopword where project_id = ? and language = ?").params(project.value(), language.code()).update();
		jdbc.sql("delete from nlp_stopword_list where project_id = ? and language = ?")
			.params(project.value(), language.code())
			.update();
		jdbc.sql("insert into nlp_stopword_list (project_id, language) values (?, ?)").params(project.value(), language.code()).update();
		for (String s : clean) {
			jdbc.sql("insert into nlp_stopword (project_id, language, word) values (?, ?, ?)")
				.params(project.value(), language.code(), s)
				.update();
		}
	}

	/** Goes back to Quire's default stop words for a language. */
	@Transactional
	public void resetStopWords(ProjectId project, Language language) {
		access.require(project, ProjectRole.CODER);
		jdbc.sql("delete from nlp_stopword where project_id = ? and language = ?").params(project.value(), language.code()).update();
		jdbc.sql("delete from nlp_stopword_list where project_id = ? and language = ?")
			.params(project.value(), language.code())
			.update();
	}

	private List<int[]> spans(Transcript t, WordQuery query, Set<CodeId> codes) {
		List<int[]> turns = new ArrayList<>();
		for (Turn turn : t.turns()) {
			if (turn.end() > turn.start() && (query.speaker() == null || query.speaker().equals(turn.speaker()))) {
				turns.add(new int[] { turn.start(), turn.end() });
			}
		}
		if (query.code() == null) {
			return turns;
		}
		// the coded characters inside the selected turns, each counted once however many codings cover them
		boolean[] coded = new boolean[t.text().length()];
		for (Coding c : codings.codings(t.document().id(), null)) {
			if (codes.contains(c.codeId())) {
				for (int i = c.start(); i < c.end() && i < coded.length; i++) {
					coded[i] = true;
				}
			}
		}
		List<int[]> out = new ArrayList<>();
		for (int[] turn : turns) {
			int i = turn[0];
			while (i < turn[1]) {
				if (!coded[i]) {
					i++;
					continue;
				}
				int j = i;
				while (j < turn[1] && coded[j]) {
					j++;
				}
				out.add(new int[] { i, j });
				i = j;
			}
		}
		return out;
	}

	private Set<CodeId> withSubCodes(ProjectId project, CodeId root) {
		List<Code> all = codebook.codes(project);
		if (all.stream().noneMatch(c -> c.id().equals(root))) {
			throw new IllegalArgumentException("code " + root.value() + " is not in this project");
		}
		Set<CodeId> out = new HashSet<>(Set.of(root));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Code c : all) {
				if (c.parentId() != null && out.contains(c.parentId()) && out.add(c.id())) {
					grew = true;
				}
			}
		}
		return out;
	}

	private static String display(String key, Map<String, Integer> forms) {
		return forms.entrySet().stream()
			.max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.orElse(key);
	}

}
