/**
 * MITI 4.2.1 fidelity: MI sessions (a counsellor's recorded conversation, optionally a transcript of
 * the project with its coded segment), ratings by coders (four global scores and ten behaviour
 * counts, imported from a coding lab or coded in Quire; each primary or for reliability), summary
 * scores against threshold sets, results per session and counsellor over one rating source's primary
 * ratings (named with n in every caption), and inter-rater reliability (ICC). Public API:
 * {@link quire.fidelity.FidelityService} and its records.
 */
@ApplicationModule(allowedDependencies = { "chart", "coding", "corpus", "media", "media :: ui", "project", "stats", "tabular", "ui" })
@NullMarked
package quire.fidelity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
