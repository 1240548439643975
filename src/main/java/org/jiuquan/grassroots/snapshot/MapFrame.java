package org.jiuquan.grassroots.snapshot;

import java.awt.geom.Path2D;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Where Web Mercator metres land on the page: the requested extent fitted into the map's rectangle, centred,
 * with the same scale both ways (so the map is not stretched); the rectangle's leftover shows more map.
 */
final class MapFrame {

    static final double EARTH_RADIUS = 6_378_137.0;

    final double x;
    final double y;
    final double width;
    final double height;
    private final double scale;
    private final double centreX;
    private final double centreY;

    MapFrame(double x, double y, double width, double height, double[] extent3857) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.scale = Math.min(width / (extent3857[2] - extent3857[0]), height / (extent3857[3] - extent3857[1]));
        this.centreX = (extent3857[0] + extent3857[2]) / 2;
        this.centreY = (extent3857[1] + extent3857[3]) / 2;
    }

    static double mercatorX(double lon) {
        return Math.toRadians(lon) * EARTH_RADIUS;
    }

    static double mercatorY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * EARTH_RADIUS;
    }

    /** A lon/lat box in Web Mercator metres, with a margin (a share of its size) on every side. */
    static double[] extent(double minLon, double minLat, double maxLon, double maxLat, double margin) {
        double x1 = mercatorX(minLon);
        double y1 = mercatorY(minLat);
        double x2 = mercatorX(maxLon);
        double y2 = mercatorY(maxLat);
        double mx = (x2 - x1) * margin;
        double my = (y2 - y1) * margin;
        return new double[] {x1 - mx, y1 - my, x2 + mx, y2 + my};
    }

    double pageX(double mercatorX) {
        return x + width / 2 + (mercatorX - centreX) * scale;
    }

    double pageY(double mercatorY) {
        return y + height / 2 - (mercatorY - centreY) * scale;
    }

    /** What the whole rectangle shows, in Web Mercator metres (minx, miny, maxx, maxy). */
    double[] visibleExtent() {
        double halfW = width / 2 / scale;
        double halfH = height / 2 / scale;
        return new double[] {centreX - halfW, centreY - halfH, centreX + halfW, centreY + halfH};
    }

    /** Ground metres per page point at the centre (Web Mercator stretches by 1 / cos(latitude)). */
    double metresPerPoint() {
        double latitude = Math.atan(Math.sinh(centreY / EARTH_RADIUS));
        return Math.cos(latitude) / scale;
    }

    /** A polygon or multipolygon as a page path; holes cut out by the even-odd rule. */
    Path2D toPath(Geometry geometry) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                ring(path, polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(path, polygon.getInteriorRingN(h));
                }
            }
        }
        return path;
    }

    private void ring(Path2D path, LineString ring) {
        Coordinate[] coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            double px = pageX(coordinates[i].x);
            double py = pageY(coordinates[i].y);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
    }
}
