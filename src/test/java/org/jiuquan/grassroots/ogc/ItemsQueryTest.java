package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jiuquan.grassroots.geo.Bbox;
import org.junit.jupiter.api.Test;

class ItemsQueryTest {

    @Test
    void aFullRequestIsParsed() {
        ItemsQuery query = ItemsQuery.parse(Collection.VILLAGES, Map.of(
                "bbox", new String[] {"94.5, 40.0, 94.9, 40.3"}, "limit", new String[] {"50"},
                "offset", new String[] {"100"}, "district", new String[] {"620982"}, "status", new String[] {"weak"}));
        assertThat(query.bbox()).isEqualTo(new Bbox(94.5, 40.0, 94.9, 40.3));
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.offset()).isEqualTo(100);
        assertThat(query.filters()).containsEntry("district", "620982").containsEntry("status", "weak");
    }

    @Test
    void defaultsApplyWhenNothingIsAsked() {
        ItemsQuery query = ItemsQuery.parse(Collection.CONTACT_POINTS, Map.of());
        assertThat(query.bbox()).isNull();
        assertThat(query.limit()).isEqualTo(ItemsQuery.DEFAULT_LIMIT);
        assertThat(query.offset()).isZero();
        assertThat(query.filters()).isEmpty();
    }

    @Test
    void aLevelFilterIsOnlyKnownToContactPoints() {
        assertThat(ItemsQuery.parse(Collection.CONTACT_POINTS, Map.of("level", new String[] {"county"})).filters())
                .containsEntry("level", "county");
        assertThatThrownBy(() -> ItemsQuery.parse(Collection.VILLAGES, Map.of("level", new String[] {"county"})))
                .isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).messageKey()).isEqualTo("problem.unknown-parameter");
    }

    @Test
    void everyCollectionIsSeenAsOfAPeriod() {
        for (Collection collection : Collection.values()) {
            assertThat(ItemsQuery.parse(collection, Map.of("period", new String[] {"2017Q2"})).period())
                    .as(collection.id()).isEqualTo("2017Q2");
        }
        assertThat(ItemsQuery.parse(Collection.VILLAGES, Map.of()).period()).as("none given").isNull();
    }

    @Test
    void bboxOutsideTheEarthOrInvertedIsRefused() {
        for (String bbox : new String[] {"0,0,0", "0,0,1,x", "0,-91,1,1", "10,0,5,1", "0,0,181,1", "NaN,0,1,1"}) {
            assertThatThrownBy(() -> QueryParameters.bbox(bbox)).as(bbox)
                    .isInstanceOf(ApiProblem.class)
                    .extracting(e -> ((ApiProblem) e).messageKey()).isEqualTo("problem.bad-bbox");
        }
    }
}
