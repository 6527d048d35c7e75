/**
 * Pure statistics: agreement coefficients for inter-coder reliability (percent agreement, Cohen's kappa and
 * Krippendorff's alpha for nominal data). No Spring, no I/O; everything is a static function of arrays of
 * category codes. Public API: {@link quire.stats.Agreement} and its result records.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package quire.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
