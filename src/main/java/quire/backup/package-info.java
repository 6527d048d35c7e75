/**
 * Backup and restore of a Quire home: one consistent copy of the database (which holds the
 * documents' text too), the recordings' files, and a manifest with counts that a restore checks; the search index is
 * rebuilt from the restored database.
 */
@ApplicationModule(allowedDependencies = { "media", "search", "security" })
@NullMarked
package quire.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
