package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {

    static final Path GEODATA = Path.of("geodata");

    @Test
    void theCommittedDemoReadsWhole() {
        Dataset demo = DatasetFiles.read("demo", DatasetFiles.Source.directory(GEODATA));
        assertThat(demo.districts()).hasSize(7);
        assertThat(demo.organisations()).hasSize(434 + 846 + 198 + 198);
        assertThat(demo.contactPoints()).hasSize(1346);
        assertThat(demo.districts()).allSatisfy(d -> assertThat(d.outline().isValid()).isTrue());
    }

    @Test
    void aMalformedNumberIsReportedWithFileLineAndValue(@TempDir Path dir) throws IOException {
        copyGeodata(dir);
        Path organisations = dir.resolve(DatasetFiles.ORGANISATIONS);
        String text = Files.readString(organisations, StandardCharsets.UTF_8);
        int secondLine = text.indexOf('\n') + 1;
        int endOfSecondLine = text.indexOf('\n', secondLine);
        String line = text.substring(secondLine, endOfSecondLine);
        String[] fields = line.split(",", -1);
        fields[10] = "north"; // the lat column
        String broken = String.join(",", fields);
        Files.writeString(organisations, text.replace(line, broken), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatasetFiles.read("x", DatasetFiles.Source.directory(dir)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("organisations.csv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("lat")
                .hasMessageContaining("north");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        copyGeodata(dir);
        Files.delete(dir.resolve(DatasetFiles.LEADERS));
        assertThatThrownBy(() -> DatasetFiles.read("x", DatasetFiles.Source.directory(dir)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("leaders.csv");
    }

    @Test
    void districtsThatAreNotGeoJsonAreRefused() {
        assertThatThrownBy(() -> DatasetFiles.parseDistricts("{ not json"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("districts.geojson");
    }

    private static void copyGeodata(Path dir) throws IOException {
        for (String file : DatasetFiles.ALL) {
            Files.copy(GEODATA.resolve(file), dir.resolve(file));
        }
    }
}
