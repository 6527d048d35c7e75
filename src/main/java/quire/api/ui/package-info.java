/** The "API tokens" page where each signed-in user creates, lists and revokes their personal access tokens. */
@NullMarked
package quire.api.ui;

import org.jspecify.annotations.NullMarked;
