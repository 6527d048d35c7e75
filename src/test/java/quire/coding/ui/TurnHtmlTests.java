package quire.coding.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodeSystem;
import quire.coding.Coding;
import quire.coding.CodingId;
import quire.coding.Origin;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.project.ProjectId;

/** The server-built HTML of transcript turns: escaping, stripes in lanes, marks, offsets. */
final class TurnHtmlTests {

	static final ProjectId PROJECT = new ProjectId(1);

	static final DocumentId DOCUMENT = new DocumentId(7);

	/** Three turns: "Ann" twice, "Bo <b>" once; the second holds markup and an ampersand. */
	static final String TEXT = "Hello there.\nI typed <img src=x onerror=alert(1)> & \"quoted\" it.\nAnd then 'more'.";

	static Transcript transcript() {
		int second = TEXT.indexOf("I typed");
		int third = TEXT.indexOf("And then");
		List<Turn> turns = List.of(new Turn(0, "Ann", 0, second - 1, 2_000L, null),
				new Turn(1, "Bo <b>\"x\"</b>", second, third - 1, 65_000L, null),
				new Turn(2, "Ann", third, TEXT.length(), null, null));
		return new Transcript(new DocumentSummary(DOCUMENT, PROJECT, "t.txt", null, Language.ENGLISH, "txt", 3, 12,
				Instant.EPOCH), TEXT, turns);
	}

	static Code code(long id, String name, String colour) {
		return new Code(new CodeId(id), PROJECT, null, "g" + id, name, "", "", "", "", colour, Set.of(), null,
				Origin.INDUCTIVE, 0, 0, "Theme › " + name, CodeSystem.THEMATIC);
	}

	static Coding coding(long id, long code, int start, int end, String coder) {
		return new Coding(new CodingId(id), DOCUMENT, new CodeId(code), start, end, coder, Instant.EPOCH);
	}

	static Element turn(TurnHtml.Rendering r, int index) {
		return Jsoup.parseBodyFragment(r.turns().get(index)).body();
	}

	@Test
	void userDataIsEscapedAndRendersAsText() {
		Transcript t = transcript();
		Map<Long, Code> codes = Map.of(1L, code(1, "<script>alert(2)</script> & co", "#AA5500"));
		int start = TEXT.indexOf("<img");
		Coding c = coding(10, 1, start, start + 10, "\"><img src=y onerror=alert(3)>");
		TurnHtml.Rendering r = new TurnHtml(t).render(List.of(c), id -> codes.get(id.value()), null, -1, -1, -1);

		Element second = turn(r, 1);
		assertThat(second.select("img, script, b")).as("no markup from user data becomes an element").isEmpty();
		assertThat(second.selectFirst(".words").text()).isEqualTo(t.turnText(t.turns().get(1)).strip());
		assertThat(second.selectFirst(".words").wholeText()).isEqualTo(t.turnText(t.turns().get(1)));
		assertThat(second.selectFirst(".speaker").text()).isEqualTo("Bo <b>\"x\"</b>");
		Element stripe = second.selectFirst(".stripe");
		assertThat(stripe.attr("title")).isEqualTo("Theme › <script>alert(2)</script> & co — \"><img src=y onerror=alert(3)>");
		assertThat(r.turns().get(1)).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;");
	}

	@Test
	void aColourThatIsNotHexIsDrawnGreyNotWrittenIntoTheStyle() {
		Map<Long, Code> codes = Map.of(1L, code(1, "odd", "red;background-image:url(x)"));
		TurnHtml.Rendering r = new TurnHtml(transcript()).render(List.of(coding(1, 1, 0, 5, "a")),
				id -> codes.get(id.value()), null, -1, -1, -1);
		assertThat(turn(r, 0).selectFirst(".stripe").attr("style")).endsWith("background:#999")
			.doesNotContain("url");
	}

	@Test
	void eachTurnShowsTimeSpeakerColourAndWordsAtItsOffset() {
		Transcript t = transcript();
		TurnHtml.Rendering r = new TurnHtml(t).render(List.of(), id -> null, null, -1, -1, -1);

		assertThat(r.turns()).hasSize(3);
		assertThat(turn(r, 0).selectFirst(".time").text()).isEqualTo("00:00:02");
		assertThat(turn(r, 1).selectFirst(".time").text()).isEqualTo("00:01:05");
		assertThat(turn(r, 2).selectFirst(".time").text()).isEmpty();
		assertThat(TurnHtml.clock(3_725_999)).isEqualTo("01:02:05");
		assertThat(turn(r, 0).selectFirst(".speaker").classNames()).contains("speaker-0");
		assertThat(turn(r, 1).selectFirst(".speaker").classNames()).contains("speaker-1");
		assertThat(turn(r, 2).selectFirst(".speaker").classNames()).as("a speaker keeps its colour").contains("speaker-0");
		for (Turn turn : t.turns()) {
			Element words = turn(r, turn.index()).selectFirst(".words");
			assertThat(words.attr("data-offset")).isEqualTo(String.valueOf(turn.start()));
			assertThat(words.wholeText()).isEqualTo(t.turnText(turn));
		}
		assertThat(r.laneCount()).isZero();
	}

	@Test
	void overlappingCodingsGetTheirOwnLanesAndACodingSpanningTurnsAStripeInEach() {
		Transcript t = transcript();
		Map<Long, Code> codes = Map.of(1L, code(1, "a", "#112233"), 2L, code(2, "b", "#445566"));
		int second = t.turns().get(1).start();
		// sorted by start, as CodingService returns them
		List<Coding> visible = List.of(coding(1, 1, 0, second + 5, "Anna"), coding(2, 2, 3, 8, "Jonas"),
				coding(3, 2, second + 10, second + 20, "Jonas"));
		TurnHtml.Rendering r = new TurnHtml(t).render(visible, id -> codes.get(id.value()), null, -1, -1, -1);

		Elements first = turn(r, 0).select(".stripe");
		assertThat(first).extracting(e -> e.attr("data-coding")).containsExactly("1", "2");
		assertThat(first.get(0).attr("style")).startsWith("left:0px;top:0.0%;height:100.0%;background:#112233");
		assertThat(first.get(1).attr("style")).startsWith("left:7px;");
		assertThat(first.get(1).attr("title")).isEqualTo("Theme › b — Jonas");
		Elements middle = turn(r, 1).select(".stripe");
		assertThat(middle).extracting(e -> e.attr("data-coding")).containsExactly("1", "3");
		assertThat(middle.get(0).attr("style")).startsWith("left:0px;top:0.0%;");
		assertThat(middle.get(1).attr("style")).as("coding 1 has ended, so coding 3 takes the first lane")
			.startsWith("left:0px;");
		assertThat(turn(r, 2).select(".stripe")).isEmpty();
		assertThat(r.laneCount()).isEqualTo(2);
	}

	@Test
	void theHitIsMarkedInItsTurnAndTheSelectedCodingOutranksIt() {
		Transcript t = transcript();
		int hit = TEXT.indexOf("typed");
		TurnHtml.Rendering r = new TurnHtml(t).render(List.of(), id -> null, null, 1, hit, hit + 5);
		Element mark = turn(r, 1).getElementById("hit");
		assertThat(mark.text()).isEqualTo("typed");
		assertThat(mark.classNames()).contains("hit");
		assertThat(turn(r, 1).selectFirst(".words").wholeText()).isEqualTo(t.turnText(t.turns().get(1)));
		assertThat(turn(r, 0).getElementById("hit")).isNull();

		Coding selected = coding(5, 1, hit - 2, hit + 30, "Anna");
		Map<Long, Code> codes = Map.of(1L, code(1, "a", "#112233"));
		TurnHtml.Rendering chosen = new TurnHtml(t).render(List.of(selected), id -> codes.get(id.value()),
				selected.id(), 1, hit, hit + 5);
		assertThat(turn(chosen, 1).getElementById("hit")).isNull();
		assertThat(turn(chosen, 1).selectFirst(".coded").text()).isEqualTo(TEXT.substring(hit - 2, hit + 30));
		assertThat(turn(chosen, 1).selectFirst(".stripe").classNames()).contains("selected");
	}

	@Test
	void aCodeThatIsGoneIsAQuestionMark() {
		TurnHtml.Rendering r = new TurnHtml(transcript()).render(List.of(coding(1, 99, 0, 4, "Anna")), id -> null,
				null, -1, -1, -1);
		assertThat(turn(r, 0).selectFirst(".stripe").attr("title")).isEqualTo("? — Anna");
	}

}
