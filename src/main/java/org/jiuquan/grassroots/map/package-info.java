/**
 * The map: our {@code <geo-map>} element's Java side (a typed API and one event class per event), and
 * the one style specification (class breaks, colours, symbols) that the browser map and, later, the
 * snapshot renderer both read.
 */
@NullMarked
package org.jiuquan.grassroots.map;

import org.jspecify.annotations.NullMarked;
