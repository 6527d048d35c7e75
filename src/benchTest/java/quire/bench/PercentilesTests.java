package quire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import quire.bench.internal.Percentiles;

/** Nearest-rank percentiles: golden values worked by hand. */
final class PercentilesTests {

	@Test
	void oneToAHundredGivesTheRankItself() {
		double[] samples = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();
		var p = Percentiles.of(samples);
		assertThat(p.p50()).isEqualTo(50);
		assertThat(p.p95()).isEqualTo(95);
		assertThat(p.p99()).isEqualTo(99);
		assertThat(p.max()).isEqualTo(100);
		assertThat(p.samples()).isEqualTo(100);
	}

	@Test
	void tenSamplesRoundTheRankUp() {
		// ranks: p50 → ⌈5⌉ = 5th, p95 → ⌈9.5⌉ = 10th, p99 → ⌈9.9⌉ = 10th
		var p = Percentiles.of(new double[] { 7, 1, 3, 9, 5, 2, 8, 4, 6, 30 });
		assertThat(p.p50()).isEqualTo(5);
		assertThat(p.p95()).isEqualTo(30);
		assertThat(p.p99()).isEqualTo(30);
	}

	@Test
	void oneSampleIsEveryPercentile() {
		var p = Percentiles.of(new double[] { 4.5 });
		assertThat(p.p50()).isEqualTo(4.5);
		assertThat(p.p99()).isEqualTo(4.5);
	}

	@Test
	void noSamplesIsAnError() {
		assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("percentiles need at least one sample");
	}

}
