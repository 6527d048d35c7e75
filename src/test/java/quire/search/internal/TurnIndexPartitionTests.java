package quire.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.search.SearchRequest;
import quire.search.SearchResult;

/**
 * A large index is collected in doc-id partitions on several threads; these tests pin that the rows,
 * their order, the exact totals and the per-document counts are those of one pass in one thread.
 */
final class TurnIndexPartitionTests {

	private static final String[] WORDS = { "the", "caseworker", "employer", "sick", "leave", "plan", "work", "return",
			"to", "summarizing", "anxiety", "manager", "supervisor", "doctor", "and", "a", "graded", "follow-up" };

	private static final String[] SPEAKERS = { "Moderator", "MI Caseworker 1", "MI Caseworker 2", "Client" };

	private TurnIndex single;

	private TurnIndex partitioned;

	@BeforeEach
	void indexTheSameTranscriptsTwice() throws IOException {
		// one partition for the whole index, against partitions of 7 turns collected in parallel
		single = TurnIndex.open(new ByteBuffersDirectory(), Integer.MAX_VALUE);
		partitioned = TurnIndex.open(new ByteBuffersDirectory(), 7);
		Random random = new Random(7);
		for (int d = 0; d < 60; d++) {
			String[] pairs = new String[2 * (3 + random.nextInt(8))];
			for (int i = 0; i < pairs.length; i += 2) {
				pairs[i] = SPEAKERS[random.nextInt(SPEAKERS.length)];
				StringBuilder words = new StringBuilder();
				for (int w = 3 + random.nextInt(25); w > 0; w--) {
					words.append(WORDS[random.nextInt(WORDS.length)]).append(w % 7 == 0 ? ". " : " ");
				}
				pairs[i + 1] = words.toString().strip();
			}
			// names out of id order, some sharing a prefix, so rows must be merged by name across partitions
			Transcript t = TurnIndexTests.transcript(100 + d, TurnIndexTests.PROJECT, "doc-" + ((d * 37) % 60),
					d % 3 == 0 ? "Interviews" : "Focus groups", Language.ENGLISH, pairs);
			IndexedTranscript indexed = coded(t, random);
			single.replaceDocument(indexed);
			partitioned.replaceDocument(indexed);
		}
	}

	/** Codes 1–3 on random turns, each coding covering part of its turn. */
	private static IndexedTranscript coded(Transcript t, Random random) {
		Map<Integer, Set<Long>> codes = new HashMap<>();
		Map<Integer, List<IndexedTranscript.CodedSpan>> spans = new HashMap<>();
		for (Turn turn : t.turns()) {
			if (random.nextInt(3) == 0) {
				long code = 1 + random.nextInt(3);
				int mid = turn.start() + (turn.end() - turn.start()) / 2;
				codes.put(turn.index(), Set.of(code));
				spans.put(turn.index(), List.of(new IndexedTranscript.CodedSpan(code, turn.start(), mid)));
			}
		}
		return new IndexedTranscript(t, codes, spans);
	}

	@AfterEach
	void close() throws IOException {
		single.close();
		partitioned.close();
	}

	@Test
	void partitionedSearchFindsWhatOnePassFinds() {
		List<String> queries = List.of("the", "caseworker", "\"sick leave\"", "\"return to work\"", "employer AND plan",
				"manager OR supervisor", "\"sick leave\" NOT doctor", "\"employer plan\"~5", "summar*", "caseworker~",
				"work", "nothingmatches");
		List<CodeConstraints> constraints = List.of(CodeConstraints.NONE,
				new CodeConstraints(List.of(Set.of(1L, 2L)), Set.of(), null),
				new CodeConstraints(List.of(), Set.of(3L), null), new CodeConstraints(List.of(), Set.of(), Set.of(2L)));
		int compared = 0;
		for (String query : queries) {
			for (String speaker : new String[] { null, "Client" }) {
				for (String group : new String[] { null, "Interviews" }) {
					for (int maxHits : new int[] { 5, 100 }) {
						for (CodeConstraints codes : constraints) {
							SearchRequest request = new SearchRequest(TurnIndexTests.PROJECT, query, group, null, speaker,
									maxHits);
							SearchResult one = single.search(request, codes);
							SearchResult many = partitioned.search(request, codes);
							String what = query + " / " + speaker + " / " + group + " / " + maxHits + " / " + codes;
							assertThat(many.hits()).as(what).isEqualTo(one.hits());
							assertThat(many.perDocument()).as(what).isEqualTo(one.perDocument());
							assertThat(many.totalHits()).as(what).isEqualTo(one.totalHits());
							assertThat(many.matchingTurns()).as(what).isEqualTo(one.matchingTurns());
							compared += one.totalHits() > 0 ? 1 : 0;
						}
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(150);
	}

	@Test
	void partitionsCoverEverySegmentOnceInRangesOfAboutTheSize() throws IOException {
		var leaves = new ArrayList<org.apache.lucene.index.LeafReaderContext>();
		try (var dir = new ByteBuffersDirectory()) {
			try (var writer = new org.apache.lucene.index.IndexWriter(dir,
					new org.apache.lucene.index.IndexWriterConfig())) {
				for (int i = 0; i < 100; i++) {
					writer.addDocument(new org.apache.lucene.document.Document());
					if (i == 9 || i == 59) {
						writer.commit();
					}
				}
			}
			try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
				leaves.addAll(reader.leaves());
				var parts = TurnIndex.partitions(leaves, 20);
				int covered = 0;
				for (var p : parts) {
					assertThat(p.to() - p.from()).isBetween(10, 30);
					covered += p.to() - p.from();
				}
				assertThat(covered).isEqualTo(100);
				assertThat(parts).hasSize(1 + 3 + 2);
			}
		}
	}

}
