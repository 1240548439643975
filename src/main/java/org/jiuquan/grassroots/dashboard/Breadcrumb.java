package org.jiuquan.grassroots.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * Where the map stands in the drill-down, 酒泉市 › 金塔县: with a district chosen the map shows its townships,
 * and the city's name goes back up to the whole city.
 */
final class Breadcrumb extends Div {

    private final Button city;
    private final Span district = new Span();

    Breadcrumb(String cityName, Runnable backToCity) {
        setId("breadcrumb");
        addClassName("breadcrumb");
        city = new Button(cityName, event -> backToCity.run());
        city.setId("breadcrumb-city");
        city.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        district.setId("breadcrumb-district");
        add(city, district);
        show(null);
    }

    /** @param districtName the district the map is drilled into, or null at the city */
    void show(@Nullable String districtName) {
        district.setText(districtName == null ? "" : " › " + districtName);
        city.setEnabled(districtName != null);
    }
}
