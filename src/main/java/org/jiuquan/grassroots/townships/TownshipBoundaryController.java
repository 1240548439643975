package org.jiuquan.grassroots.townships;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/admin/township-boundaries} (admin; multipart {@code file}: GeoJSON or a zipped Shapefile of
 * polygons with 9-digit township codes): real boundaries replace the approximate areas of those townships.
 * A file with any error is refused with every error named (feature, field, code) and changes nothing.
 */
@RestController
class TownshipBoundaryController {

    private final TownshipBoundaries boundaries;

    TownshipBoundaryController(TownshipBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    @PostMapping("/api/admin/township-boundaries")
    Map<String, Object> load(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.badRequest("townships.boundary-no-file");
        }
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        List<TownshipBoundaries.Loaded> loaded = boundaries.load(name, file.getBytes());
        boundaries.rebuildAreas();
        return Map.of("loaded", loaded.size(), "townships", loaded);
    }
}
