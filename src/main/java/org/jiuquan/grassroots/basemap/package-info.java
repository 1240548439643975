/** The base layer under the map (none, XYZ, Tianditu, WMTS): chosen by an admin, stored in PostGIS, checked for its datum. */
@NullMarked
package org.jiuquan.grassroots.basemap;

import org.jspecify.annotations.NullMarked;
