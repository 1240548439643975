/**
 * Plain geographic values every layer may hold, from HTTP parameters down to repositories: a
 * longitude/latitude bounding box and its one parser. Depends on no feature.
 */
@NullMarked
package org.jiuquan.grassroots.geo;

import org.jspecify.annotations.NullMarked;
