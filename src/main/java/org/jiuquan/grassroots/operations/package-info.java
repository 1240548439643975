/**
 * Commands for whoever runs the app, given as the first argument instead of starting the web app:
 * {@code backup FILE}, {@code restore FILE} and {@code verify-audit}. They read the same environment
 * variables as the app (JIUQUAN_DB_URL..., JIUQUAN_LOCALDB_DIR...), so they work on the private cluster
 * and on a configured database alike.
 */
@NullMarked
package org.jiuquan.grassroots.operations;

import org.jspecify.annotations.NullMarked;
