/**
 * The app shell: main layout, navigation, shared widgets and the state a browser session shares
 * between the features' views — {@link quire.ui.CurrentProject} (which project the researcher works
 * in), {@link quire.ui.CurrentCoder} (whose codings are made and shown) and {@link quire.ui.ProjectPage}
 * (the base of every page that works in the current project). Feature views live in each feature's
 * {@code ui} subpackage.
 *
 * <p>
 * The shell sits between the modules' APIs and their screens: it uses {@code project} and
 * {@code security}, and every module's {@code ui} package uses it. Spring Modulith sees modules, not
 * layers, so it would call that a cycle (project's views → shell → project's API); the shell is
 * therefore an open module, which Modulith leaves out of cycle detection, and
 * {@code ArchitectureTests} keeps the layering instead: only {@code ui} packages use the shell, and
 * the shell uses no module's screens or internals.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = { "project", "security" })
@NullMarked
package quire.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
