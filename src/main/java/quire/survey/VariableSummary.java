package quire.survey;

import org.jspecify.annotations.Nullable;

import quire.stats.Bootstrap;
import quire.stats.Crosstab;
import quire.stats.Descriptives;
import quire.stats.Frequencies;
import quire.stats.Quantiles;

/**
 * Descriptive statistics of one questionnaire variable: frequencies with n and % of valid answers
 * (value labels in their order) and the count missing; for numeric variables mean (SD), median (IQR),
 * min–max and a seeded bootstrap 95% CI of the median; and, when grouped by a participant attribute, a
 * crosstab with row and column percentages.
 */
public record VariableSummary(VariableSpec variable, Frequencies.FrequencyTable frequencies,
		Descriptives.@Nullable Summary numeric, Quantiles.@Nullable Spread spread, Bootstrap.@Nullable Interval medianCi,
		@Nullable String groupedBy, Crosstab.@Nullable Table byGroup) {
}
