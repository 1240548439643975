package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataSettingsTest {

    @Test
    void autoLoadsIntoTheAppsOwnDatabaseOnlyLoadAlsoIntoAConfiguredOne() {
        assertThat(DemoDataSettings.of("auto", "1", "").shouldLoad(true)).isTrue();
        assertThat(DemoDataSettings.of("auto", "1", "").shouldLoad(false)).isFalse();
        assertThat(DemoDataSettings.of("load", "1", "").shouldLoad(false)).isTrue();
        assertThat(DemoDataSettings.of("skip", "1", "").shouldLoad(true)).isFalse();
    }

    @Test
    void badSettingsAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> DemoDataSettings.of("yes", "1", ""))
                .isInstanceOf(DatasetException.class).hasMessageContaining("JIUQUAN_DEMO_DATA");
        assertThatThrownBy(() -> DemoDataSettings.of("auto", "lots", ""))
                .isInstanceOf(DatasetException.class).hasMessageContaining("JIUQUAN_DEMO_SCALE");
        assertThatThrownBy(() -> DemoDataSettings.of("auto", "0", ""))
                .isInstanceOf(DatasetException.class).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> DemoDataSettings.of("auto", "1", "/no/such/dir"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("JIUQUAN_DATA_DIR");
    }

    @Test
    void aDataDirectoryIsReadInsteadOfTheDemo(@TempDir Path dir) throws Exception {
        for (String file : DatasetFiles.ALL) {
            java.nio.file.Files.copy(Path.of("geodata", file), dir.resolve(file));
        }
        Dataset own = DemoDataSettings.of("load", "1", dir.toString()).dataset();
        assertThat(own.name()).isEqualTo(dir.getFileName().toString());
        assertThat(own.organisations()).hasSize(1676);
    }
}
