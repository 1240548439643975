/**
 * Weak-branch analysis for planners, computed in PostGIS: clusters of weak organisations (DBSCAN), hot and
 * cold spots of the fortress index (Getis-Ord Gi*), and coverage gaps (no contact point within reach).
 */
@NullMarked
package org.jiuquan.grassroots.analysis;

import org.jspecify.annotations.NullMarked;
