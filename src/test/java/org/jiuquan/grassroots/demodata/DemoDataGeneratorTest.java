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

    @Test
    void everyVillageCarriesTheOfficialNameAndCodeOfAVillageCommittee() throws IOException {
        Divisions divisions = divisions();
        Map<String, Divisions.Committee> official = new HashMap<>();
        divisions.villageCommittees().forEach(v -> official.put(v.code(), v));
        List<Dataset.Organisation> villages = generate(1).organisations().stream()
                .filter(o -> o.kind().equals("village")).toList();
        assertThat(villages).hasSize(434);
        for (Dataset.Organisation village : villages) {
            assertThat(official).as(village.code()).containsKey(village.code());
            assertThat(village.nameZh()).isEqualTo(official.get(village.code()).villageName());
        }
        assertThat(divisions.demoVillages()).as("the 434 are chosen the same way every time")
                .isEqualTo(divisions().demoVillages());
    }

    @Test
    void everyOrganisationNamesItsOfficialTownshipWhoseCodeBeginsItsOwn() throws IOException {
        Map<String, Divisions.Township> townships = divisions().townshipsByCode();
        Set<String> officialCodes = new HashSet<>();
        divisions().villageCommittees().forEach(v -> officialCodes.add(v.code()));
        divisions().communityCommittees().forEach(c -> officialCodes.add(c.code()));
        for (Dataset.Organisation o : generate(1).organisations()) {
            assertThat(o.townshipZh()).as(o.nameZh()).isNotNull();
            if (o.code() == null) {
                assertThat(townships.values()).as(o.nameZh()).anyMatch(t -> t.nameZh().equals(o.townshipZh())
                        && t.districtCode().equals(o.districtCode()));
                continue;
            }
            Divisions.Township township = townships.get(o.code().substring(0, 9));
            assertThat(township).as(o.code()).isNotNull();
            assertThat(o.townshipZh()).as(o.code()).isEqualTo(township.nameZh());
            assertThat(township.districtCode()).isEqualTo(o.districtCode());
            if (o.kind().equals("grid_branch")) {
                assertThat(officialCodes).as("a grid branch never takes an official committee's code")
                        .doesNotContain(o.code());
            }
        }
    }

    @Test
    void theGridBranchesAreGridsOfTheEightyOfficialCommunitiesOfTheirTownship() throws IOException {
        List<Divisions.Committee> communities = divisions().communityCommittees();
        Set<String> used = new HashSet<>();
        for (Dataset.Organisation o : generate(1).organisations()) {
            if (!o.kind().equals("grid_branch")) {
                continue;
            }
            Divisions.Committee community = communities.stream()
                    .filter(c -> c.townshipCode().equals(o.code().substring(0, 9))
                            && o.nameZh().startsWith(c.communityName() + "第"))
                    .findFirst().orElseThrow(() -> new AssertionError(o.nameZh() + " names no community of its township"));
            used.add(community.code());
        }
        assertThat(used).hasSize(80);
    }

    @Test
    void theOrganisationsOfATownshipLieTogether() throws IOException {
        Map<String, double[]> sums = new HashMap<>();
        List<Dataset.Organisation> villages = generate(1).organisations().stream()
                .filter(o -> o.kind().equals("village")).toList();
        villages.forEach(v -> sums.merge(v.code().substring(0, 9), new double[] {v.lon(), v.lat(), 1},
                (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        for (Dataset.Organisation v : villages) {
            double[] sum = sums.get(v.code().substring(0, 9));
            double km = Math.hypot((v.lon() - sum[0] / sum[2]) * 85, (v.lat() - sum[1] / sum[2]) * 111);
            assertThat(km).as(v.nameZh() + " from its township's mean position").isLessThan(20);
        }
    }

    static Divisions divisions() {
        return Divisions.read(DatasetFiles.Source.directory(GEODATA));
    }

    static Dataset generate(int scale) throws IOException {
        return DemoDataGenerator.generate(scale,
                DatasetFiles.parseDistricts(Files.readString(GEODATA.resolve(DatasetFiles.DISTRICTS))),
                DatasetFiles.readIndicators(Files.readString(GEODATA.resolve(DatasetFiles.INDICATORS))),
                SeedFigure.parse(Files.readString(GEODATA.resolve(DatasetFiles.SEED_FIGURES))),
                Divisions.read(DatasetFiles.Source.directory(GEODATA)));
    }
}
