/**
 * Staying usable while the database is away: the dashboard's banner that retries by itself and restores
 * the page when the database returns, and Vaadin's own system messages in the page's language.
 * (The API's 503 answers are in the web package.)
 */
@NullMarked
package org.jiuquan.grassroots.availability;

import org.jspecify.annotations.NullMarked;
