/**
 * The private PostGIS cluster the app provisions for itself when no database is configured.
 */
@NullMarked
package org.jiuquan.grassroots.localdb;

import org.jspecify.annotations.NullMarked;
