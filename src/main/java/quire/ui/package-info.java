/**
 * The app shell: main layout, navigation and shared widgets. Feature views live in each feature's ui subpackage.
 */
@NullMarked
package quire.ui;

import org.jspecify.annotations.NullMarked;
