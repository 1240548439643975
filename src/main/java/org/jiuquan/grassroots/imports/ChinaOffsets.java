package org.jiuquan.grassroots.imports;

/**
 * GCJ-02 and BD-09 back to WGS 84. GCJ-02 is WGS 84 shifted by a formula known from reverse engineering
 * (about 90 m around Jiuquan, up to several hundred metres further east); BD-09 is GCJ-02 shifted once more. The forward formula is exact; the
 * way back is found by iterating it, which converges to centimetres in a few steps.
 */
final class ChinaOffsets {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaOffsets() {
    }

    /** WGS 84 to GCJ-02, as the Chinese map providers compute it. */
    static double[] wgs84ToGcj02(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    static double[] gcj02ToWgs84(double lon, double lat) {
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 10; i++) {
            double[] forward = wgs84ToGcj02(wLon, wLat);
            double dLon = forward[0] - lon;
            double dLat = forward[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.cos(theta), z * Math.sin(theta)};
    }

    static double[] bd09ToWgs84(double lon, double lat) {
        double[] gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj[0], gcj[1]);
    }

    /** Metres between two nearby lon/lat points (equirectangular: exact enough below a few kilometres). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return Math.sqrt(x * x + y * y) * 6371008.8;
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
