package quire.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The words of one language for synthetic transcripts: a list of common words in rough frequency
 * order, the domain's phrases (sick leave, return to work, MI), and a long tail of pronounceable
 * made-up words so the vocabulary grows with the corpus as real speech does (Heaps' law). Words are
 * drawn with Zipf-distributed frequencies, so a few words are very common and most are rare.
 */
public final class Vocabulary {

	private static final String ENGLISH = """
			the i and to a you that it of we was in is so they but like what for have it's with be on this
			just not do think know there about my me he she them were at or if all one had because would can
			get when then really more time people could out there's yeah well don't an how some were go by
			very also their our from going something who which said no see things much way because other work
			lot even first back good now into over make need want two help talk job day week feel felt made
			sick leave employer plan return doctor caseworker client meeting follow-up session conversation
			motivation change goal manager supervisor colleague office phone pain back stress anxiety sleep
			worry benefit report form deadline months weeks difficult important useful better worse maybe
			actually sometimes often never always together again already still right understand explain
			listen question answer reflection summary agreed decided tried started stopped continued
			possible ready confident worried tired family children home money training course advice support
			""";

	private static final String NORWEGIAN = """
			og i det er som på jeg en at til ikke de var har med for om men så vi du å han hun kan skal
			vil der litt mye noe når hva hvordan fordi også bare veldig nå her da etter før mer godt tenker
			vet sa sier gjøre jobb arbeid uke dag måned tid folk samtale møte plan mål endring hjelp
			sykmelding sykmeldt arbeidsgiver veileder lege bruker leder kollega kontor telefon smerte stress
			angst søvn bekymring penger familie barn hjemme kurs råd støtte vanskelig viktig nyttig bedre
			kanskje egentlig noen ganger ofte aldri alltid sammen igjen allerede fortsatt riktig forstå
			forklare lytte spørsmål svar oppsummering enige bestemte prøvde begynte sluttet mulig klar trygg
			""";

	private static final List<String> ENGLISH_PHRASES = List.of("sick leave", "return to work",
			"motivational interviewing", "the employer", "a graded return", "my caseworker", "the follow-up plan",
			"back pain", "part-time work", "the sick note", "our conversation", "work ability");

	private static final List<String> NORWEGIAN_PHRASES = List.of("tilbake til arbeid", "motiverende intervju",
			"på sykmelding", "gradert sykmelding", "min veileder", "oppfølgingsplan", "vondt i ryggen",
			"deltid", "arbeidsevne", "samtalen vår");

	private static final String[] ONSETS = { "b", "br", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r",
			"s", "st", "t", "tr", "v", "sk" };

	private static final String[] VOWELS = { "a", "e", "i", "o", "u", "ea", "ou", "ai" };

	private static final String[] CODAS = { "", "n", "r", "s", "t", "l", "nd", "st", "m", "ck" };

	private static final int TAIL = 6000;

	private final String[] words;

	private final double[] cumulative;

	private final List<String> phrases;

	private Vocabulary(String common, List<String> phrases, long tailSeed) {
		List<String> all = new ArrayList<>(List.of(common.strip().split("\\s+")));
		SplittableRandom tail = new SplittableRandom(tailSeed);
		for (int i = 0; i < TAIL; i++) {
			StringBuilder w = new StringBuilder();
			int syllables = 2 + tail.nextInt(2);
			for (int s = 0; s < syllables; s++) {
				w.append(ONSETS[tail.nextInt(ONSETS.length)]).append(VOWELS[tail.nextInt(VOWELS.length)]);
			}
			w.append(CODAS[tail.nextInt(CODAS.length)]);
			all.add(w.toString());
		}
		this.words = all.toArray(String[]::new);
		this.cumulative = new double[words.length];
		double sum = 0;
		for (int r = 0; r < words.length; r++) {
			sum += 1.0 / Math.pow(r + 2.7, 1.25);
			cumulative[r] = sum;
		}
		for (int r = 0; r < words.length; r++) {
			cumulative[r] /= sum;
		}
		this.phrases = phrases;
	}

	/** English: the made-up tail is the same for every corpus, independent of the corpus seed. */
	public static Vocabulary english() {
		return new Vocabulary(ENGLISH, ENGLISH_PHRASES, 1L);
	}

	public static Vocabulary norwegian() {
		return new Vocabulary(NORWEGIAN, NORWEGIAN_PHRASES, 2L);
	}

	/** One word, drawn by its Zipf weight. */
	public String word(SplittableRandom random) {
		double u = random.nextDouble();
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] < u) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return words[lo];
	}

	public String phrase(SplittableRandom random) {
		return phrases.get(random.nextInt(phrases.size()));
	}

}
