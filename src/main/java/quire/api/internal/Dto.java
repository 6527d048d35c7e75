package quire.api.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import quire.analysis.AttributeMatrix;
import quire.analysis.JointDisplayRow;
import quire.coding.Code;
import quire.coding.CodedSegment;
import quire.coding.Coding;
import quire.coding.Memo;
import quire.corpus.Attribute;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportResult;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.fidelity.Behaviour;
import quire.fidelity.FidelityResults;
import quire.fidelity.Global;
import quire.fidelity.MitiSession;
import quire.fidelity.ResultGroup;
import quire.fidelity.ScoreSummary;
import quire.fidelity.Summary;
import quire.project.Project;
import quire.report.ChecklistEntry;
import quire.search.KwicHit;
import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;
import quire.survey.Questionnaire;
import quire.survey.VariableSpec;

/**
 * The JSON shapes of the API, version 1: plain records with ids as numbers, names as strings and
 * undefined statistics as {@code null} (with the reason beside them where it matters), so R's
 * {@code jsonlite} and Python's {@code pandas} turn them into data frames directly. A turn is given
 * twice: {@code turnIndex} (or a turn's {@code index}) counts from 0, for scripts that index a
 * document's list of turns; {@code turnNumber} (or {@code number}) counts from 1 and is the number
 * the pages, CSV exports and CLI show, the one to cite.
 */
final class Dto {

	private Dto() {
	}

	/** One page of a keyset walk: pass {@code next} as {@code after} for the following page; null at the end. */
	record Page<T>(List<T> items, @Nullable Long next) {
	}

	record ProjectDto(long id, String name, String description, Instant created, String role) {
		static ProjectDto of(Project p, String role) {
			return new ProjectDto(p.id().value(), p.name(), p.description(), p.created(), role);
		}
	}

	record DocumentDto(long id, String name, @Nullable String group, String language, String format, int turns, int words,
			Instant imported) {
		static DocumentDto of(DocumentSummary d) {
			return new DocumentDto(d.id().value(), d.name(), d.group(), d.language().code(), d.format(), d.turnCount(),
					d.wordCount(), d.importedAt());
		}
	}

	/**
	 * A speaker turn. {@code index} counts from 0 (a script's list position, the {@code turnIndex} of
	 * hits and segments); {@code number} counts from 1 and is the turn number the pages, CSV exports and
	 * CLI show, the one to cite.
	 */
	record TurnDto(int index, int number, @Nullable String speaker, int start, int end, @Nullable Long startMs,
			@Nullable Long endMs, String text) {
	}

	record SentenceDto(int index, int start, int end, String text) {
	}

	/** A document with its speaker turns and sentence units (offsets into the document's text). */
	record TranscriptDto(DocumentDto document, List<TurnDto> turns, List<SentenceDto> sentences) {
		static TranscriptDto of(Transcript t, List<quire.corpus.SentenceUnit> units) {
			List<TurnDto> turns = new ArrayList<>();
			for (Turn turn : t.turns()) {
				turns.add(new TurnDto(turn.index(), turn.number(), turn.speaker(), turn.start(), turn.end(), turn.startMs(), turn.endMs(),
						t.turnText(turn)));
			}
			List<SentenceDto> sentences = new ArrayList<>();
			for (quire.corpus.SentenceUnit u : units) {
				sentences.add(new SentenceDto(u.index(), u.start(), u.end(), t.text().substring(u.start(), u.end())));
			}
			return new TranscriptDto(DocumentDto.of(t.document()), turns, sentences);
		}
	}

	record ImportedDocumentDto(DocumentDto document, List<String> notes) {
		static ImportedDocumentDto of(ImportResult r) {
			return new ImportedDocumentDto(DocumentDto.of(r.document()), r.notes());
		}
	}

	record AttributeDto(long id, String name, String kind, List<String> categories) {
		static AttributeDto of(Attribute a) {
			return new AttributeDto(a.id(), a.name(), a.kind().name(), a.categories());
		}
	}

	record ParticipantDto(long id, String label, int turns, Map<String, String> attributes) {
	}

	record CodeDto(long id, @Nullable Long parentId, String name, String path, int depth, String definition,
			String inclusion, String exclusion, String example, String colour, List<String> reAim, @Nullable String stance,
			String origin) {
		static CodeDto of(Code c) {
			return new CodeDto(c.id().value(), c.parentId() == null ? null : c.parentId().value(), c.name(), c.path(),
					c.depth(), c.definition(), c.inclusion(), c.exclusion(), c.example(), c.colour(),
					c.dimensions().stream().map(Enum::name).sorted().toList(), c.stance() == null ? null : c.stance().name(),
					c.origin().name());
		}
	}

	record CodingDto(long id, long documentId, long codeId, int start, int end, String coder, Instant created) {
		static CodingDto of(Coding c) {
			return new CodingDto(c.id().value(), c.documentId().value(), c.codeId().value(), c.start(), c.end(), c.coder(),
					c.createdAt());
		}
	}

	/** A new coding: the document, the code (id, name or path such as "Implementation › Time"), the span. */
	record NewCoding(long document, String code, int start, int end) {
	}

	record NewMemo(String target, @Nullable Long targetId, String title, String body) {
	}

	record MemoDto(long id, String target, @Nullable Long targetId, String author, String title, String body,
			Instant created, Instant updated) {
		static MemoDto of(Memo m) {
			return new MemoDto(m.id(), m.target().name(), m.targetId(), m.author(), m.title(), m.body(), m.createdAt(),
					m.updatedAt());
		}
	}

	/** A counsellor's MITI summary: means over their sessions' primary ratings. */
	record MitiSummaryDto(String counsellor, int sessions, @Nullable Double relational, @Nullable Double technical,
			@Nullable Double percentCr, @Nullable Double rq, @Nullable Double miAdherent, @Nullable Double miNonAdherent,
			String thresholds, String source) {
		/** {@code source}: whose primary ratings, lab, quire or pooled. */
		static MitiSummaryDto of(ResultGroup g, String thresholds, String source) {
			return new MitiSummaryDto(g.name(), g.sessions(), mean(g, Summary.RELATIONAL), mean(g, Summary.TECHNICAL),
					mean(g, Summary.PERCENT_CR), mean(g, Summary.RQ), mean(g, Summary.MI_ADHERENT),
					mean(g, Summary.MI_NON_ADHERENT), thresholds, source);
		}

		private static @Nullable Double mean(ResultGroup g, Summary s) {
			return g.scores().stream().filter(x -> x.summary() == s).findFirst().map(x -> value(x.stats().mean())).orElse(null);
		}
	}

	/**
	 * A coded segment joined with what analysis needs beside it: code, document, speaker, the
	 * speaker's participant attributes and, for a MITI counsellor, their MITI summary.
	 */
	record SegmentDto(long codingId, long codeId, String code, long documentId, String document, @Nullable String group,
			int turnIndex, int turnNumber, @Nullable String speaker, @Nullable Long participantId, @Nullable String participant,
			String coder, int start, int end, String text, String before, String after, Map<String, String> attributes,
			@Nullable MitiSummaryDto miti) {
		static SegmentDto of(CodedSegment s, @Nullable Long participantId, @Nullable String participant,
				Map<String, String> attributes, @Nullable MitiSummaryDto miti) {
			Coding c = s.coding();
			return new SegmentDto(c.id().value(), c.codeId().value(), s.codePath(), c.documentId().value(), s.documentName(),
					s.group(), s.turnIndex(), Turn.number(s.turnIndex()), s.speaker(), participantId, participant, c.coder(), c.start(), c.end(), s.text(),
					s.before(), s.after(), attributes, miti);
		}
	}

	/**
	 * A passage: overlapping codings of one speaker turn merged across coders and codes, with what was
	 * merged ({@code coders}, {@code codes}, {@code codingIds}) and the same speaker join as a segment.
	 */
	record PassageDto(long documentId, String document, @Nullable String group, int turnIndex, int turnNumber,
			@Nullable String speaker, @Nullable Long participantId, @Nullable String participant, List<String> coders, List<String> codes,
			List<Long> codingIds, int start, int end, String text, String before, String after,
			Map<String, String> attributes, @Nullable MitiSummaryDto miti) {
		static PassageDto of(quire.coding.CodedPassage p, @Nullable Long participantId, @Nullable String participant,
				Map<String, String> attributes, @Nullable MitiSummaryDto miti) {
			return new PassageDto(p.documentId().value(), p.documentName(), p.group(), p.turnIndex(),
					Turn.number(p.turnIndex()), p.speaker(),
					participantId, participant, p.coders(), p.codePaths(),
					p.codings().stream().map(c -> c.id().value()).toList(), p.start(), p.end(), p.text(), p.before(),
					p.after(), attributes, miti);
		}
	}

	/** A search hit; {@code turnIndex} counts turns from 0, {@code turnNumber} from 1 as the pages show them. */
	record KwicDto(long documentId, String document, int turnIndex, int turnNumber, @Nullable String speaker, int start,
			int end, String left, String hit, String right) {
		static KwicDto of(KwicHit h) {
			return new KwicDto(h.document().value(), h.documentName(), h.turnIndex(), Turn.number(h.turnIndex()), h.speaker(), h.start(), h.end(),
					h.left(), h.hit(), h.right());
		}
	}

	record DocumentHitsDto(long documentId, String document, int hits) {
	}

	/** {@code indexCheck} is present while the index is checked after an unclean stop: the counts may then be short. */
	record SearchPage(String query, int totalHits, int matchingTurns, List<DocumentHitsDto> perDocument, int offset,
			int limit, List<KwicDto> hits, @Nullable Integer nextOffset, @Nullable IndexCheckDto indexCheck) {
	}

	record IndexCheckDto(int checked, int total, boolean failed, String message) {
		static @Nullable IndexCheckDto of(quire.search.@Nullable IndexCheck c) {
			return c == null ? null : new IndexCheckDto(c.checked(), c.total(), c.failure() != null, c.message());
		}
	}

	/** {@code firstTurn}/{@code lastTurn} are turn indexes (from 0); the {@code …Number}s count from 1 as the pages do. */
	record MitiSessionDto(long id, String label, @Nullable Long documentId, String counsellor, @Nullable String client,
			@Nullable LocalDate date, @Nullable Integer firstTurn, @Nullable Integer lastTurn,
			@Nullable Integer firstTurnNumber, @Nullable Integer lastTurnNumber) {
		static MitiSessionDto of(MitiSession s) {
			return new MitiSessionDto(s.id().value(), s.label(), s.document() == null ? null : s.document().value(),
					s.counsellor(), s.client(), s.date(), s.firstTurn(), s.lastTurn(),
					s.firstTurn() == null ? null : Turn.number(s.firstTurn()),
					s.lastTurn() == null ? null : Turn.number(s.lastTurn()));
		}
	}

	/** n, mean, SD, min and max; a statistic that is not defined is null. */
	record StatsDto(int n, @Nullable Double mean, @Nullable Double sd, @Nullable Double min, @Nullable Double max) {
		static StatsDto of(Descriptives.Summary s) {
			return new StatsDto(s.n(), value(s.mean()), value(s.sd()), value(s.min()), value(s.max()));
		}
	}

	record ScoreDto(String score, StatsDto stats, int notDefined, @Nullable Double atLeastFair, @Nullable Double good) {
		static ScoreDto of(ScoreSummary s) {
			return new ScoreDto(s.summary().shortName(), StatsDto.of(s.stats()), s.notDefined(), value(s.atLeastFair()),
					value(s.good()));
		}
	}

	record ResultGroupDto(String name, int sessions, List<ScoreDto> scores, Map<String, StatsDto> globals,
			Map<String, StatsDto> counts) {
		static ResultGroupDto of(ResultGroup g) {
			Map<String, StatsDto> globals = new LinkedHashMap<>();
			for (Global x : Global.values()) {
				if (g.globals().containsKey(x)) {
					globals.put(x.shortName(), StatsDto.of(g.globals().get(x)));
				}
			}
			Map<String, StatsDto> counts = new LinkedHashMap<>();
			for (Behaviour b : Behaviour.values()) {
				if (g.counts().containsKey(b)) {
					counts.put(b.shortName(), StatsDto.of(g.counts().get(b)));
				}
			}
			return new ResultGroupDto(g.name(), g.sessions(), g.scores().stream().map(ScoreDto::of).toList(), globals,
					counts);
		}
	}

	record MitiResultsDto(String source, String caption, int sessionsLeftOut, String thresholds, String by,
			List<ResultGroupDto> groups, ResultGroupDto overall) {
		static MitiResultsDto of(FidelityResults r) {
			return new MitiResultsDto(r.source().key(), r.caption(), r.leftOut(), r.thresholds().name(), r.by().name(),
					r.groups().stream().map(ResultGroupDto::of).toList(), ResultGroupDto.of(r.overall()));
		}
	}

	record LabImportDto(String file, int ratings, int sessionsCreated, List<ImportProblemsException.Problem> skipped,
			List<String> ignoredColumns) {
	}

	record ValueLabelDto(String code, String label) {
	}

	record VariableDto(String column, String label, String level, List<ValueLabelDto> valueLabels,
			List<String> missingCodes) {
		static VariableDto of(VariableSpec v) {
			return new VariableDto(v.column(), v.label(), v.level().name(),
					v.valueLabels().stream().map(l -> new ValueLabelDto(l.code(), l.label())).toList(),
					List.copyOf(v.missingCodes()));
		}
	}

	record QuestionnaireDto(long id, String name, String idColumn, String file, Instant imported,
			List<VariableDto> variables) {
		static QuestionnaireDto of(Questionnaire q) {
			return new QuestionnaireDto(q.id(), q.name(), q.idColumn(), q.fileName(), q.importedAt(),
					q.variables().stream().map(VariableDto::of).toList());
		}
	}

	/** One respondent's answers by variable column (missing codes as given; blank answers left out). */
	record ResponseDto(String participant, Map<String, String> answers) {
	}

	record QuestionnaireImportDto(String file, String questionnaire, int rows, int answers, List<String> changes,
			List<String> addedParticipants) {
	}

	record ExemplarDto(long codingId, @Nullable String speaker, String document, String text) {
	}

	/** {@code segments}: every coder's codings; {@code passages}: the passages they make (double coding once). */
	record ThemeDto(String name, int segments, int passages, List<ExemplarDto> exemplars) {
	}

	record ReAimRowDto(String dimension, List<ThemeDto> themes, String mitiEvidence, String questionnaireEvidence) {
		static ReAimRowDto of(JointDisplayRow r) {
			return new ReAimRowDto(r.dimension(), r.themes().stream().map(t -> new ThemeDto(t.name(), t.segments(), t.passages(),
					t.exemplars().stream().map(s -> new ExemplarDto(s.coding().id().value(), s.speaker(), s.documentName(),
							s.text())).toList())).toList(), r.mitiEvidence(), r.questionnaireEvidence());
		}
	}

	/**
	 * Rows × the attribute's values: codings per cell (every coder's), the passages they make (a passage
	 * two coders both coded counts once) and how many distinct participants they come from.
	 */
	record AttributeMatrixDto(String attribute, List<String> rows, List<String> columns, int[][] segments,
			int[][] passages, int[][] participants) {
		static AttributeMatrixDto of(AttributeMatrix m) {
			int[][] segments = new int[m.rows().size()][m.columns().size()];
			int[][] passages = new int[m.rows().size()][m.columns().size()];
			for (int r = 0; r < segments.length; r++) {
				for (int c = 0; c < segments[r].length; c++) {
					segments[r][c] = m.segments(r, c);
					passages[r][c] = m.passages(r, c);
				}
			}
			return new AttributeMatrixDto(m.attribute(), m.rows().stream().map(x -> x.label()).toList(), m.columns(),
					segments, passages, m.participants());
		}
	}

	record ChecklistDto(int item, String domain, String topic, String guide, String section, String status,
			String answer) {
		static ChecklistDto of(ChecklistEntry e) {
			return new ChecklistDto(e.item().number(), e.item().domain(), e.item().item(), e.item().guide(),
					e.item().section(), e.status().name(), e.answer());
		}
	}

	static @Nullable Double value(Coefficient c) {
		return c.defined() ? c.value() : null;
	}

}
