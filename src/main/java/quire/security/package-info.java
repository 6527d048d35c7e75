/**
 * Who is using Quire: user accounts with hashed passwords, the login, the first administrator, and
 * {@link quire.security.Actors} — the one place that says who is acting in the current thread (a
 * signed-in user, the local administrator of a command-line run, or nobody). Per-project roles and
 * the audit log build on it in {@code quire.project}.
 */
@ApplicationModule(allowedDependencies = { "ui" })
@NullMarked
package quire.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
