package quire.report;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes figures as a paper writes them, so the report has sentences, not fragments: numbers below
 * ten as words ("two focus groups") and any number as words at the start of a sentence ("Twelve
 * caseworkers"), singular or plural by count (never "(s)"), lists joined as English ("A, B and C"),
 * dates ("14 May 2019", "14 May and 4 June 2019"), duration ranges ("43 to 45 minutes") and
 * percentages with their denominators ("112 of 180 (62.2%)").
 */
final class Prose {

	private static final String[] ONES = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
			"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };

	private static final String[] TENS = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
			"ninety" };

	private Prose() {
	}

	/** A number in running text: words from zero to nine, digits from 10 ("three", "12"). */
	static String number(long n) {
		return n >= 0 && n < 10 ? ONES[(int) n] : Long.toString(n);
	}

	/**
	 * A number spelled out in words, for the start of a sentence ("Twelve", "One hundred and
	 * twelve"); from 1,000 on, digits.
	 * @throws IllegalArgumentException for a negative number
	 */
	static String words(long n) {
		if (n < 0) {
			throw new IllegalArgumentException("a count must not be negative, was " + n);
		}
		if (n < 20) {
			return ONES[(int) n];
		}
		if (n < 100) {
			return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : "-" + ONES[(int) (n % 10)]);
		}
		if (n < 1000) {
			return ONES[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " and " + words(n % 100));
		}
		return String.format(Locale.ROOT, "%,d", n);
	}

	/** A count with its noun in running text: "one focus group", "two focus groups", "12 sessions". */
	static String count(long n, String singular, String plural) {
		return number(n) + " " + noun(n, singular, plural);
	}

	/** The noun for a count: singular for one, plural otherwise. */
	static String noun(long n, String singular, String plural) {
		return n == 1 ? singular : plural;
	}

	/** A count at the start of a sentence: "Two focus groups", "Twenty sessions". */
	static String countStart(long n, String singular, String plural) {
		return capitalise(words(n)) + " " + noun(n, singular, plural);
	}

	/** "seven of nine caseworkers" (the noun in the plural unless the whole is one). */
	static String of(long part, long whole, String singular, String plural) {
		return number(part) + " of " + count(whole, singular, plural);
	}

	/** A share with its denominator: "112 of 180 (62.2%)"; "0 of 0" has no percentage. */
	static String percentOf(long part, long whole) {
		if (whole <= 0) {
			return part + " of " + whole;
		}
		return part + " of " + whole + " (" + percent(100.0 * part / whole) + ")";
	}

	/** A percentage with one decimal: "62.2%". */
	static String percent(double value) {
		return String.format(Locale.ROOT, "%.1f%%", value);
	}

	/** A figure with a fixed number of decimals, as a table prints it: "3.26". */
	static String decimal(double value, int places) {
		return String.format(Locale.ROOT, "%." + places + "f", value);
	}

	/** Items joined as an English list: "A", "A and B", "A, B and C"; empty gives "". */
	static String list(List<String> items) {
		List<String> l = items.stream().filter(s -> !s.isBlank()).toList();
		return switch (l.size()) {
			case 0 -> "";
			case 1 -> l.getFirst();
			default -> String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.getLast();
		};
	}

	/** The first letter in upper case. */
	static String capitalise(String s) {
		return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
	}

	/** A sentence: capitalised, ending in a full stop unless it ends in a stop already. */
	static String sentence(String s) {
		String t = capitalise(s.strip());
		if (t.isEmpty()) {
			return t;
		}
		char last = t.charAt(t.length() - 1);
		return last == '.' || last == '?' || last == '!' ? t : t + ".";
	}

	/** A date as a paper writes it: "14 May 2019". */
	static String date(LocalDate d) {
		return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
	}

	/**
	 * Dates in order, the year said once where they share it: "14 May and 4 June 2019", "30
	 * December 2018 and 4 January 2019".
	 */
	static String dates(List<LocalDate> dates) {
		List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
		if (sorted.isEmpty()) {
			return "";
		}
		boolean oneYear = sorted.stream().allMatch(d -> d.getYear() == sorted.getFirst().getYear());
		if (!oneYear) {
			return list(sorted.stream().map(Prose::date).toList());
		}
		List<String> parts = new ArrayList<>();
		for (LocalDate d : sorted) {
			parts.add(d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		}
		return list(parts) + " " + sorted.getFirst().getYear();
	}

	/** Minutes as a duration or a range: "43 minutes", "43 to 45 minutes", "one minute". */
	static String minutes(List<Integer> minutes) {
		if (minutes.isEmpty()) {
			return "";
		}
		int min = minutes.stream().mapToInt(Integer::intValue).min().orElseThrow();
		int max = minutes.stream().mapToInt(Integer::intValue).max().orElseThrow();
		return min == max ? min + " " + noun(min, "minute", "minutes") : min + " to " + max + " minutes";
	}

	/** Numbered labels with a common stem as a range: "MI Caseworker 1–4"; others listed. */
	static String labels(List<String> labels) {
		List<String> sorted = labels.stream().distinct().sorted(Prose::natural).toList();
		if (sorted.size() > 2) {
			String stem = stem(sorted.getFirst());
			List<Integer> numbers = new ArrayList<>();
			for (String l : sorted) {
				if (!stem(l).equals(stem) || l.length() == stem.length()) {
					return list(sorted);
				}
				try {
					numbers.add(Integer.parseInt(l.substring(stem.length()).strip()));
				}
				catch (NumberFormatException e) {
					return list(sorted);
				}
			}
			boolean consecutive = true;
			for (int i = 1; i < numbers.size(); i++) {
				consecutive &= numbers.get(i) == numbers.get(i - 1) + 1;
			}
			if (consecutive) {
				return stem.strip() + " " + numbers.getFirst() + "–" + numbers.getLast();
			}
		}
		return list(sorted);
	}

	/** A label without its trailing number: "MI Caseworker 3" gives "MI Caseworker ". */
	static String stem(String label) {
		return label.replaceAll("\\d+\\s*$", "");
	}

	private static int natural(String a, String b) {
		String sa = stem(a);
		String sb = stem(b);
		if (sa.equals(sb) && a.length() > sa.length() && b.length() > sb.length()) {
			String na = a.substring(sa.length()).strip().replaceFirst("^0+(?=\\d)", "");
			String nb = b.substring(sb.length()).strip().replaceFirst("^0+(?=\\d)", "");
			return na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
		}
		return a.compareTo(b);
	}

}
