/** The first screen: the city's figures for a quarter, straight from PostGIS. */
@NullMarked
package org.jiuquan.grassroots.home;

import org.jspecify.annotations.NullMarked;
