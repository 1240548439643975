package org.jiuquan.grassroots.geo;

import java.util.Optional;

/**
 * A bounding box in longitude/latitude (RFC 7946 order), as every endpoint and view address takes it:
 * {@code minLon,minLat,maxLon,maxLat}, longitudes -180 to 180, latitudes -90 to 90, minimum not above
 * maximum. The one parser of the app, so a box is read, and refused, the same way everywhere (an endpoint
 * refuses it with {@code QueryParameters.bbox}, the dashboard's address falls back to the city).
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

    /** The box, or empty for text that is not one (for callers that fall back to a default instead). */
    public static Optional<Bbox> tryParse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!Double.isFinite(v[i])) {
                return Optional.empty();
            }
        }
        boolean valid = v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90 && v[0] <= v[2] && v[1] <= v[3];
        return valid ? Optional.of(new Bbox(v[0], v[1], v[2], v[3])) : Optional.empty();
    }

    public boolean covers(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    /** {@code [minLon, minLat, maxLon, maxLat]}, as the map element takes an extent. */
    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
