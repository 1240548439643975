package org.jiuquan.grassroots.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Each kept analysis run written as GeoJSON once, with a strong ETag of the written bytes. A repeated request
 * for the same run then costs a lookup instead of writing the whole collection again (80-360 ms at x1 under
 * load), and a browser holding the bytes gets a 304.
 * <p>
 * Keyed by the run object itself (weak keys compare by identity): {@link AnalysisService} keeps one run per
 * parameter set and data version, so a change to the data makes a new run and thus new bytes, and bytes never
 * outlive their run. The ETag is a digest of the bytes, so it changes exactly when what is sent changes,
 * whichever app instance wrote it.
 */
@Component
class WrittenRuns {

    /** The GeoJSON of one run and its ETag (quoted, as the header carries it). */
    record Written(byte[] body, String etag) {
    }

    /** Bounded apart from the runs' own cache: a hot-spot collection at x1 is about 0.4 MB. */
    private final Cache<AnalysisResult, Written> written = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((AnalysisResult run, Written bytes) -> 64 + bytes.body().length)
            .build();
    private final AtomicLong writes = new AtomicLong();

    Written of(AnalysisResult run) {
        return written.get(run, this::write);
    }

    /** How many runs were written since start: a test reads it to see a repeated request write nothing. */
    long writes() {
        return writes.get();
    }

    private Written write(AnalysisResult run) {
        writes.incrementAndGet();
        byte[] body = AnalysisGeoJson.collection(run).getBytes(StandardCharsets.UTF_8);
        return new Written(body, "\"" + digest(body) + "\"");
    }

    private static String digest(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            // 128 bits are plenty to tell two versions of one address apart.
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
