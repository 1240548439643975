/**
 * OGC API - Features (Part 1: Core, GeoJSON, OpenAPI 3.0) and Mapbox vector tiles over the layers in
 * PostGIS. PostGIS writes the GeoJSON and the tiles; Java only checks requests and adds links.
 */
@NullMarked
package org.jiuquan.grassroots.ogc;

import org.jspecify.annotations.NullMarked;
