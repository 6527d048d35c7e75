/**
 * REFI-QDA project exchange: export a project as a {@code .qdpx} archive and import archives written by
 * NVivo, ATLAS.ti, MAXQDA and QualCoder into a new project. Public API: {@link quire.exchange.QdpxService}
 * and {@link quire.exchange.QdpxReport}.
 */
@ApplicationModule(allowedDependencies = { "coding", "corpus", "fidelity", "media", "project", "tabular", "ui" })
@NullMarked
package quire.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
