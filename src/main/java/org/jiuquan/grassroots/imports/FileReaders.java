package org.jiuquan.grassroots.imports;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Picks the reader for a file by its type: CSV and text, Excel .xlsx, or a GIS file through GDAL. */
@Component
class FileReaders {

    static final Set<String> TABLES = Set.of("csv", "txt", "xlsx");
    static final Set<String> GIS = Set.of("zip", "shp", "gpkg", "geojson", "json", "kml");

    /** The table, the coordinate system its points are in after reading, and what reading found wrong or worth noting. */
    record Read(SourceTable table, SourceCrs crs, List<Issue> issues) {
    }

    private final GdalReader gdal;

    FileReaders(GdalReader gdal) {
        this.gdal = gdal;
    }

    Read read(String fileName, byte[] bytes, SourceCrs crs) {
        String extension = TableFiles.extension(fileName);
        return switch (extension) {
            case "csv", "txt" -> new Read(TableFiles.csv(fileName, bytes), crs, List.of());
            case "xlsx" -> new Read(TableFiles.xlsx(fileName, bytes), crs, List.of());
            case "xls" -> throw ImportRefusal.badFile("import.old-excel", fileName);
            default -> {
                if (GIS.contains(extension)) {
                    yield gdal.read(fileName, bytes, crs);
                }
                throw ImportRefusal.badFile("import.unsupported-type", fileName);
            }
        };
    }
}
