package org.jiuquan.grassroots.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseLayerCheckTest {

    @Test
    void aGaodeOrTencentTileServerIsRefusedAsShifted() {
        for (String url : new String[] {"https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}",
                "https://wprd02.is.autonavi.com/{z}/{x}/{y}", "http://rt1.map.gtimg.com/tile?z={z}&x={x}&y={y}"}) {
            assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.XYZ, url, null, null, null, "wgs84"))
                    .isInstanceOf(BaseLayerException.class).hasMessage("basemap.shifted-host");
        }
    }

    @Test
    void tilesDeclaredInAShiftedDatumAreRefusedWhateverTheHost() {
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.XYZ, "http://tiles.intranet/{z}/{x}/{y}.png",
                null, null, null, "gcj02")).hasMessage("basemap.shifted-datum");
    }

    @Test
    void anXyzTemplateNeedsItsPlaceholdersAndHttp() {
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.XYZ, "http://tiles.intranet/tile.png", null, null,
                null, "wgs84")).hasMessage("basemap.no-placeholders");
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.XYZ, "ftp://tiles/{z}/{x}/{y}.png", null, null,
                null, "wgs84")).hasMessage("basemap.bad-url");
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.XYZ, " ", null, null, null, "wgs84"))
                .hasMessage("basemap.no-url");
    }

    @Test
    void tiandituNeedsAThirtyTwoCharacterKeyAndGivesTheMapAndItsNames() {
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.TIANDITU, null, null, null, "abc", "wgs84"))
                .hasMessage("basemap.bad-key");
        BaseLayer tianditu = BaseLayerCheck.check(BaseLayer.Kind.TIANDITU, null, null, null,
                "0123456789abcdef0123456789abcdef", "wgs84");
        assertThat(tianditu.tileUrls()).hasSize(2);
        assertThat(tianditu.tileUrls().get(0)).contains("vec_w/wmts", "TILEMATRIXSET=w", "TILEMATRIX={z}",
                "TILEROW={y}", "TILECOL={x}", "tk=0123456789abcdef0123456789abcdef");
        assertThat(tianditu.tileUrls().get(1)).contains("cva_w/wmts", "LAYER=cva");
        assertThat(tianditu.origins()).containsExactly("https://*.tianditu.gov.cn");
    }

    @Test
    void aWmtsServerBecomesAGetTileTemplateAndItsOriginIsAllowed() {
        BaseLayer wmts = BaseLayerCheck.check(BaseLayer.Kind.WMTS, "http://gis.intranet:8080/geoserver/gwc/service/wmts",
                "jiuquan:base", "EPSG:3857", null, "wgs84");
        assertThat(wmts.tileUrls()).containsExactly("http://gis.intranet:8080/geoserver/gwc/service/wmts?SERVICE=WMTS"
                + "&REQUEST=GetTile&VERSION=1.0.0&LAYER=jiuquan%3Abase&STYLE=default&TILEMATRIXSET=EPSG%3A3857"
                + "&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}");
        assertThat(wmts.origins()).containsExactly("http://gis.intranet:8080");
        assertThatThrownBy(() -> BaseLayerCheck.check(BaseLayer.Kind.WMTS, "http://gis.intranet/wmts", "", "w", null,
                "wgs84")).hasMessage("basemap.wmts-incomplete");
    }

    @Test
    void aSubdomainPatternBecomesAWildcardOrigin() {
        assertThat(BaseLayer.origin("https://{a-c}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(BaseLayer.origin("http://127.0.0.1:4321/{z}/{x}/{y}.png")).isEqualTo("http://127.0.0.1:4321");
    }
}
