package quire.api.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.project.Project;

/**
 * When speaker turns start in a document's recording, set by a client that aligned the transcript (or
 * read the times from elsewhere): one turn or many in one call, all or nothing, with the transcript
 * page's checks. Coders and owners with a read-write token.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Recordings")
class TurnStartsApi {

	/** At most this many turns in one call. */
	static final int MAX_TURNS = 10_000;

	private final TurnTimes turnTimes;

	private final CorpusService corpus;

	private final ApiSupport api;

	TurnStartsApi(TurnTimes turnTimes, CorpusService corpus, ApiSupport api) {
		this.turnTimes = turnTimes;
		this.corpus = corpus;
		this.api = api;
	}

	@Schema(description = "Turn starts to set")
	record TurnStarts(@Schema(description = "one entry per turn") @Nullable List<TurnStart> starts) {
	}

	@Schema(description = "One turn's start: give startMs or at")
	record TurnStart(@Schema(description = "the turn, numbered from 1 as the transcript shows it", example = "3") @Nullable Integer turn,
			@Schema(description = "milliseconds from the start of the recording", example = "83500") @Nullable Long startMs,
			@Schema(description = "or the time as h:mm:ss.f or m:ss.f", example = "00:01:23.5") @Nullable String at) {
	}

	record TurnStartDto(@Schema(description = "numbered from 1") int turn, @Nullable String speaker, long startMs) {
		static TurnStartDto of(Turn t) {
			return new TurnStartDto(t.index() + 1, t.speaker(), t.startMs() == null ? -1 : t.startMs());
		}
	}

	record TurnStartsDto(long documentId, List<TurnStartDto> turns) {
	}

	@PatchMapping("/projects/{projectId}/documents/{documentId}/turn-starts")
	@Operation(summary = "Sets when turns start in the document's recording; coders and owners",
			description = "All or nothing, with the transcript page's checks: every named turn must exist, times lie "
					+ "between 0:00 and 24:00:00, and starts stay in turn order with each other and with the turns "
					+ "not named (a time out of order is refused with 400 and nothing changes). Answers the turns set.")
	TurnStartsDto set(@PathVariable long projectId, @PathVariable long documentId, @RequestBody TurnStarts body,
			HttpServletRequest request) {
		Project p = api.write(projectId, request);
		DocumentId id = corpus.document(new DocumentId(documentId))
			.filter(d -> d.projectId().equals(p.id()))
			.map(d -> d.id())
			.orElseThrow(() -> new ApiNotFoundException("no document with id " + documentId + " in project " + projectId));
		List<TurnStart> starts = body.starts();
		if (starts == null || starts.isEmpty()) {
			throw new IllegalArgumentException("give starts: [{\"turn\": 1, \"startMs\": 2000}, …]");
		}
		if (starts.size() > MAX_TURNS) {
			throw new IllegalArgumentException("at most " + MAX_TURNS + " turns in one call, got " + starts.size());
		}
		Map<Integer, Long> byTurn = new LinkedHashMap<>();
		for (int i = 0; i < starts.size(); i++) {
			TurnStart s = starts.get(i);
			String where = "starts[" + i + "]: ";
			if (s == null || s.turn() == null || s.turn() < 1) {
				throw new IllegalArgumentException(where + "give the turn, numbered from 1");
			}
			if ((s.startMs() == null) == (s.at() == null)) {
				throw new IllegalArgumentException(where + "give either startMs or at");
			}
			long ms;
			try {
				ms = s.startMs() != null ? s.startMs() : TurnTimes.parseStart(s.at());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ex.getMessage());
			}
			if (byTurn.put(s.turn() - 1, ms) != null) {
				throw new IllegalArgumentException(where + "turn " + s.turn() + " is given twice");
			}
		}
		return new TurnStartsDto(documentId, turnTimes.setStartsInOrder(id, byTurn).stream().map(TurnStartDto::of).toList());
	}

}
