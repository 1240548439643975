package org.jiuquan.grassroots.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jspecify.annotations.Nullable;

/**
 * The secret of the audit hash chain, kept outside the database (a file readable by the app's user only),
 * and the one definition of a row's hash: HMAC-SHA-256 over the row's fields and its predecessor's hash.
 * Without the key nobody, not even a database superuser, can make an edited chain check out again.
 */
public final class AuditKey {

    static final String FILE_NAME = "audit-key";
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
    }

    /** The configured key file, or {@code audit-key} in the app's data directory (where the private cluster lives). */
    public static Path file(String configuredFile, String localDbDir) {
        if (!configuredFile.isBlank()) {
            return Path.of(configuredFile);
        }
        Path base = localDbDir.isBlank() ? LocalPostgis.defaultBaseDir() : Path.of(localDbDir);
        return base.resolve(FILE_NAME);
    }

    /** Reads an existing key file (a command checking the chain must never make up a new key). */
    public static AuditKey load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("审计密钥文件不存在 / audit key file not found: " + file
                    + " (JIUQUAN_AUDIT_KEY_FILE, or audit-key in JIUQUAN_LOCALDB_DIR)");
        }
        return loadOrCreate(file);
    }

    /** Reads the key file, creating it with a fresh random key (mode 600) when it does not exist yet. */
    public static AuditKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temporary, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temporary);
                }
            }
            return new AuditKey(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("audit key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("audit key file " + file + " does not hold a hexadecimal key", e);
        }
    }

    /**
     * The row's hash; every field takes part, so changing any of them (or the order) changes the hash. A
     * detail kept as key and arguments (V75) adds them at the end; rows without one hash as they always did.
     */
    String hash(long chainSeq, long id, Instant at, @Nullable String actor, String action, @Nullable String target,
                @Nullable String detail, @Nullable String clientAddress, @Nullable String prevHash,
                @Nullable String detailKey, @Nullable String detailArgs) {
        List<@Nullable String> fields = new java.util.ArrayList<>(java.util.Arrays.asList(Long.toString(chainSeq),
                Long.toString(id), MICROS.format(at), actor, action, target, detail, clientAddress, prevHash));
        if (detailKey != null || detailArgs != null) {
            fields.add(detailKey);
            fields.add(detailArgs);
        }
        StringBuilder text = new StringBuilder();
        for (@Nullable String field : fields) {
            // Length-prefixed, so no choice of field contents can imitate another split of the fields.
            text.append(field == null ? "-1:" : field.length() + ":" + field).append('|');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
