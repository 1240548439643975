package org.jiuquan.grassroots.maintenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.demodata.Dataset;
import org.jiuquan.grassroots.demodata.DatasetException;
import org.jiuquan.grassroots.demodata.DatasetFiles;
import org.jiuquan.grassroots.demodata.DatasetLoader;
import org.jiuquan.grassroots.imports.EditorScopes;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset sent as a ZIP holding the files of geodata/ (at its top level or in one folder). The
 * loader checks every row and replaces the data in one transaction, so a bad file changes nothing, and
 * map reads keep the previous data until the commit rather than waiting for the load. Every attempt is
 * audited, refused ones with the reason.
 */
@Service
public class DataImportService {

    /** The unpacked files may not exceed this (a ZIP bomb is refused before it fills the memory). */
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

    private final DatasetLoader loader;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final EditorScopes scopes;
    private final CurrentUser currentUser;

    DataImportService(DatasetLoader loader, AuditLog audit, JdbcClient jdbc, EditorScopes scopes, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.loader = loader;
        this.audit = audit;
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** What an import did. */
    public record Result(boolean changed, String checksum, int organisations, int contactPoints) {
    }

    /**
     * @throws DatasetException with the reason, in Chinese and English, when the files are refused
     * @throws AccessDeniedException when the caller is not an editor
     */
    public Result importZip(String fileName, byte[] zip) {
        return importZip(fileName, zip, null);
    }

    /**
     * As {@link #importZip(String, byte[])}; a dataset that removes more than a tenth of a district's villages
     * and grid branches is loaded only when {@code confirmRemoved} is the number it removes.
     *
     * @throws RemovalNeedsConfirmation when that number is needed and not given
     */
    public Result importZip(String fileName, byte[] zip, @Nullable Long confirmRemoved) {
        // A whole dataset spans every district: not for an editor limited to one.
        if (!currentUser.has(Role.EDITOR) || scopes.currentScope().isPresent()) {
            throw new AccessDeniedException("editors of the whole city only");
        }
        try {
            Map<String, byte[]> files = unpack(zip);
            Dataset dataset = DatasetFiles.read(DatasetLoader.IMPORTED_PREFIX + fileName, file -> {
                byte[] bytes = files.get(file);
                if (bytes == null) {
                    throw new DatasetException(file + ": ZIP 中缺少该文件 / missing from the ZIP");
                }
                return bytes;
            });
            if (dataset.organisations().isEmpty()) {
                throw new DatasetException(DatasetFiles.ORGANISATIONS + ": 没有数据行，未做任何更改（空文件不会清空数据）"
                        + " / no data rows; nothing was changed (an empty file never clears data)");
            }
            long removed = removalNeedingConfirmation(dataset);
            if (removed > 0 && (confirmRemoved == null || confirmRemoved != removed)) {
                audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of("audit.detail.dataset.removal-unconfirmed", removed));
                throw new RemovalNeedsConfirmation(removed);
            }
            // Map reads go on against the previous data while the new one loads.
            boolean changed = loader.loadWhileServing(dataset);
            Result result = new Result(changed, dataset.checksum(), dataset.organisations().size(),
                    dataset.contactPoints().size());
            audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of(
                    changed ? "audit.detail.dataset.loaded" : "audit.detail.dataset.unchanged", dataset.checksum(),
                    result.organisations(), result.contactPoints()));
            return result;
        } catch (RemovalNeedsConfirmation e) {
            throw e;
        } catch (DatasetException | java.io.UncheckedIOException e) {
            audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, fileName, AuditDetail.of("audit.detail.dataset.refused", e.getMessage()));
            throw e instanceof DatasetException d ? d : new DatasetException("ZIP 无法读取 / the ZIP cannot be read");
        }
    }

    /** Whether a ZIP holds dataset files in the layout of geodata/ (rather than a GIS layer). */
    public static boolean isDataset(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (DatasetFiles.ALL.contains(name)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries by file name (folders stripped), within the size limit. */
    static Map<String, byte[]> unpack(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = in.getNextEntry()) != null) {
                any = true;
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                byte[] bytes = readAtMost(in, MAX_UNPACKED_BYTES - total);
                total += bytes.length;
                if (DatasetFiles.ALL.contains(name)) {
                    requireUtf8(name, bytes);
                    files.put(name, bytes);
                }
            }
            if (!any) {
                throw new DatasetException("不是 ZIP 文件或 ZIP 为空 / not a ZIP file, or an empty one");
            }
        } catch (IOException e) {
            throw new DatasetException("ZIP 无法读取 / the ZIP cannot be read: " + e.getMessage());
        }
        return files;
    }

    /** The dataset files are UTF-8: one saved in GBK would otherwise load with every name garbled. */
    static void requireUtf8(String name, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new DatasetException(name + "：不是 UTF-8 编码（可能是 GBK），读取会得到乱码，未做任何更改；请另存为 UTF-8"
                    + " / not UTF-8 (perhaps GBK): it would load garbled, nothing was changed; save it as UTF-8");
        }
    }

    /**
     * How many villages and grid branches the dataset removes (by code), if it removes more than a tenth of
     * some district's; 0 otherwise.
     */
    private long removalNeedingConfirmation(Dataset dataset) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        dataset.organisations().forEach(o -> {
            if (o.code() != null) {
                kept.add(o.code());
            }
        });
        Map<String, long[]> perDistrict = new HashMap<>();
        jdbc.sql("SELECT district_code, code FROM organisation WHERE code IS NOT NULL").query((rs, n) -> {
            long[] counts = perDistrict.computeIfAbsent(rs.getString(1), d -> new long[2]);
            counts[0]++;
            if (!kept.contains(rs.getString(2).strip())) {
                counts[1]++;
            }
            return 0;
        }).list();
        boolean large = perDistrict.values().stream().anyMatch(c -> c[1] > 0 && c[1] * 10 > c[0]);
        return large ? perDistrict.values().stream().mapToLong(c -> c[1]).sum() : 0;
    }

    /** A dataset that removes many organisations, refused until the number removed is confirmed. */
    public static final class RemovalNeedsConfirmation extends DatasetException {
        private final long removed;

        RemovalNeedsConfirmation(long removed) {
            super("此数据集将删除 " + removed + " 个组织，超过某区县的 10%，未做任何更改；确认请填写 confirmRemoved=" + removed
                    + " / this dataset removes " + removed + " organisations, more than 10 % of a district; nothing was"
                    + " changed; confirm with confirmRemoved=" + removed);
            this.removed = removed;
        }

        public long removed() {
            return removed;
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw new DatasetException("解压后超过 200 MB / more than 200 MB unpacked");
        }
        return bytes;
    }
}
