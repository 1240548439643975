/**
 * Several instances of the app sharing one PostGIS (a province-wide deployment behind a reverse proxy):
 * {@link org.jiuquan.grassroots.datachanges.DataVersionListener} turns the database's {@code NOTIFY data_version} and
 * {@code NOTIFY accounts} into application events, so a change made through any instance clears the caches of
 * all; {@link org.jiuquan.grassroots.cluster.ReadDatabase} sends read-only map traffic to a streaming replica
 * ({@code JIUQUAN_DB_READ_URL}) while it is up and current, and to the primary otherwise. See docs/deploy.md.
 */
@NullMarked
package org.jiuquan.grassroots.cluster;

import org.jspecify.annotations.NullMarked;
