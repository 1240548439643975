package org.jiuquan.grassroots.maintenance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.demodata.Dataset;
import org.jiuquan.grassroots.demodata.DatasetException;
import org.jiuquan.grassroots.demodata.DatasetFiles;
import org.jiuquan.grassroots.demodata.DatasetLoader;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset sent as a ZIP holding the files of geodata/ (at its top level or in one folder). The
 * loader checks every row and replaces the data in one transaction, so a bad file changes nothing. Every
 * attempt is audited, refused ones with the reason.
 */
@Service
public class DataImportService {

    /** The unpacked files may not exceed this (a ZIP bomb is refused before it fills the memory). */
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

    private final DatasetLoader loader;
    private final AuditLog audit;

    DataImportService(DatasetLoader loader, AuditLog audit) {
        this.loader = loader;
        this.audit = audit;
    }

    /** What an import did. */
    public record Result(boolean changed, String checksum, int organisations, int contactPoints) {
    }

    /**
     * @throws DatasetException with the reason, in Chinese and English, when the files are refused
     * @throws AccessDeniedException when the caller is not an editor
     */
    public Result importZip(String fileName, byte[] zip) {
        if (!CurrentUser.has(Role.EDITOR)) {
            throw new AccessDeniedException("editors only");
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
            boolean changed = loader.load(dataset);
            Result result = new Result(changed, dataset.checksum(), dataset.organisations().size(),
                    dataset.contactPoints().size());
            audit.record(AuditAction.DATA_IMPORT, fileName, (changed ? "loaded" : "unchanged (same checksum)")
                    + "; sha256 " + dataset.checksum() + "; " + result.organisations() + " organisations, "
                    + result.contactPoints() + " contact points");
            return result;
        } catch (DatasetException | java.io.UncheckedIOException e) {
            audit.record(AuditAction.DATA_IMPORT, fileName, "refused: " + e.getMessage());
            throw e instanceof DatasetException d ? d : new DatasetException("ZIP 无法读取 / the ZIP cannot be read");
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

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw new DatasetException("解压后超过 200 MB / more than 200 MB unpacked");
        }
        return bytes;
    }
}
