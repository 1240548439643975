package org.jiuquan.grassroots.ogc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jiuquan.grassroots.privacy.PhoneVisibility;

/**
 * The ETag of a page of features: the data version and everything else the page depends on (collection, the
 * quarter it is read at, the request's parameters in any order, whether phone numbers are shown in full, and the
 * base of its links). Like a tile's (TileCache), it is known before the page is read, so a client revalidating
 * an unchanged page gets its 304 for the price of reading the version.
 */
final class ItemsEtag {

    private ItemsEtag() {
    }

    /** A weak ETag (Tomcat gzips only responses with weak ones). */
    static String of(long dataVersion, Collection collection, String period, PhoneVisibility phones, String base,
                     Map<String, String[]> parameters) {
        StringBuilder request = new StringBuilder(base).append('|').append(phones.full());
        new TreeMap<>(parameters).forEach((name, values) -> request.append('|').append(name).append('=')
                .append(String.join(",", values)));
        return "W/\"v" + dataVersion + "-" + collection.id() + "-" + period + "-" + digest(request.toString()) + "\"";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
