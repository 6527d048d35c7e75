/**
 * Reading tabular text files that researchers bring (coding-lab results, questionnaires): strict
 * UTF-8 decoding that says why a file is not text, delimiter detection and line numbers. Shared by
 * the fidelity and survey modules so both refuse the same bad files the same way. Public API:
 * {@link quire.tabular.DelimitedText}.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package quire.tabular;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
