package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class DemoDataGeneratorTest {

    static final Path GEODATA = Path.of("geodata");

    @Test
    void regeneratingScaleOneReproducesTheCommittedFilesByteForByte(@TempDir Path out) throws IOException {
        DatasetFiles.writeGenerated(out, generate(1));
        for (String file : List.of(DatasetFiles.ORGANISATIONS, DatasetFiles.STATUS, DatasetFiles.LEADERS,
                DatasetFiles.CONTACT_POINTS, DatasetFiles.INDICATOR_VALUES)) {
            assertThat(Files.readString(out.resolve(file))).as(file).isEqualTo(Files.readString(GEODATA.resolve(file)));
        }
    }

    @Test
    void everyPointLiesInsideItsOwnDistrict() throws IOException {
        Dataset dataset = generate(1);
        Map<String, PreparedGeometry> outlines = new HashMap<>();
        dataset.districts().forEach(d -> outlines.put(d.code(), PreparedGeometryFactory.prepare(d.outline())));
        for (Dataset.Organisation o : dataset.organisations()) {
            var point = DatasetFiles.WGS84.createPoint(new Coordinate(o.lon(), o.lat()));
            assertThat(outlines.get(o.districtCode()).contains(point)).as(o.nameZh()).isTrue();
        }
    }

    @Test
    void aScaleFactorMultipliesEveryCountAndKeepsCodesUnique() throws IOException {
        Dataset x3 = generate(3);
        Map<String, Long> kinds = new HashMap<>();
        x3.organisations().forEach(o -> kinds.merge(o.kind(), 1L, Long::sum));
        assertThat(kinds).containsEntry("village", 434L * 3).containsEntry("grid_branch", 846L * 3);
        assertThat(x3.contactPoints()).hasSize(1346 * 3);
        Set<String> codes = new HashSet<>();
        x3.organisations().stream().filter(o -> o.code() != null).forEach(o -> assertThat(codes.add(o.code())).isTrue());
        assertThat(x3.name()).isEqualTo("demo-x3");
    }

    @Test
    void eachLeaderHasTheContactPointsOfTheFourLinksTwoChargesRule() throws IOException {
        Dataset dataset = generate(1);
        Map<Long, Long> perLeader = new HashMap<>();
        dataset.contactPoints().forEach(c -> perLeader.merge(c.leaderId(), 1L, Long::sum));
        for (Dataset.Leader leader : dataset.leaders()) {
            long expected = leader.level().equals("township") ? 2 : 4;
            assertThat(perLeader.get(leader.id())).as(leader.nameZh() + " " + leader.level()).isEqualTo(expected);
        }
    }

    @Test
    void theSameSeedGivesTheSameDataset() throws IOException {
        assertThat(generate(2).organisations()).isEqualTo(generate(2).organisations());
    }

    static Dataset generate(int scale) throws IOException {
        return DemoDataGenerator.generate(scale,
                DatasetFiles.parseDistricts(Files.readString(GEODATA.resolve(DatasetFiles.DISTRICTS))),
                DatasetFiles.readIndicators(Files.readString(GEODATA.resolve(DatasetFiles.INDICATORS))),
                SeedFigure.parse(Files.readString(GEODATA.resolve(DatasetFiles.SEED_FIGURES))));
    }
}
