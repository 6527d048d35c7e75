package quire.fidelity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tallies of the ten MITI behaviour codes over one coded segment.
 * <p>
 * The map is copied into an unmodifiable {@link EnumMap} holding all ten behaviours in declaration order; a
 * behaviour missing from the given map counts 0. Counts must not be negative.
 *
 * @param counts the count per behaviour
 */
public record MitiCounts(Map<Behaviour, Integer> counts) {

	/** All counts 0. */
	public static final MitiCounts NONE = new MitiCounts(Map.of());

	public MitiCounts {
		EnumMap<Behaviour, Integer> copy = new EnumMap<>(Behaviour.class);
		for (Behaviour b : Behaviour.values()) {
			copy.put(b, 0);
		}
		for (Map.Entry<Behaviour, Integer> e : counts.entrySet()) {
			Behaviour b = e.getKey();
			Integer n = e.getValue();
			if (b == null || n == null) {
				throw new IllegalArgumentException("counts must not hold null, got " + b + " = " + n);
			}
			if (n < 0) {
				throw new IllegalArgumentException("the count of " + b.label() + " must not be negative, got " + n);
			}
			copy.put(b, n);
		}
		counts = Collections.unmodifiableMap(copy);
	}

	/** Counts in the manual's order: GI, Persuade, PwP, Q, SR, CR, AF, Seek, Emph, Confront. */
	public static MitiCounts of(int gi, int persuade, int pwp, int q, int sr, int cr, int af, int seek, int emph,
			int confront) {
		EnumMap<Behaviour, Integer> m = new EnumMap<>(Behaviour.class);
		m.put(Behaviour.GI, gi);
		m.put(Behaviour.PERSUADE, persuade);
		m.put(Behaviour.PWP, pwp);
		m.put(Behaviour.Q, q);
		m.put(Behaviour.SR, sr);
		m.put(Behaviour.CR, cr);
		m.put(Behaviour.AF, af);
		m.put(Behaviour.SEEK, seek);
		m.put(Behaviour.EMPH, emph);
		m.put(Behaviour.CONFRONT, confront);
		return new MitiCounts(m);
	}

	/** The count of {@code behaviour}. */
	public int get(Behaviour behaviour) {
		return this.counts.get(behaviour);
	}

	/** A copy with {@code behaviour} counted once more. */
	public MitiCounts plus(Behaviour behaviour) {
		return with(behaviour, Math.addExact(get(behaviour), 1));
	}

	/** A copy with {@code behaviour} counted once less; the count must be positive. */
	public MitiCounts minus(Behaviour behaviour) {
		if (get(behaviour) == 0) {
			throw new IllegalArgumentException("the count of " + behaviour.label() + " is already 0");
		}
		return with(behaviour, get(behaviour) - 1);
	}

	/** A copy with {@code behaviour} set to {@code count}. */
	public MitiCounts with(Behaviour behaviour, int count) {
		EnumMap<Behaviour, Integer> m = new EnumMap<>(this.counts);
		m.put(behaviour, count);
		return new MitiCounts(m);
	}

	/** The sum of these and {@code other} counts, behaviour by behaviour (e.g. over segments). */
	public MitiCounts plus(MitiCounts other) {
		EnumMap<Behaviour, Integer> m = new EnumMap<>(Behaviour.class);
		for (Behaviour b : Behaviour.values()) {
			m.put(b, Math.addExact(get(b), other.get(b)));
		}
		return new MitiCounts(m);
	}

	/** The number of coded utterances, summed over all behaviours. */
	public int total() {
		int sum = 0;
		for (int n : this.counts.values()) {
			sum = Math.addExact(sum, n);
		}
		return sum;
	}

}
