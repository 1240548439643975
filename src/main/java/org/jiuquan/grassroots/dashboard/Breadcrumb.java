package org.jiuquan.grassroots.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * Where the map stands in the drill-down, 酒泉市 › 金塔县 › 鼎新镇: each level above the current one is a button
 * that goes back up to it (the city's name to the whole city, the district's name from a township to its district).
 */
final class Breadcrumb extends Div {

    private final Button city;
    private final Span districtSeparator = new Span(" › ");
    private final Button district = new Button();
    private final Span township = new Span();

    Breadcrumb(String cityName, Runnable backToCity, Runnable backToDistrict) {
        setId("breadcrumb");
        addClassName("breadcrumb");
        city = new Button(cityName, event -> backToCity.run());
        city.setId("breadcrumb-city");
        city.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        district.setId("breadcrumb-district");
        district.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        district.addClickListener(event -> backToDistrict.run());
        township.setId("breadcrumb-township");
        add(city, districtSeparator, district, township);
        show(null, null);
    }

    /**
     * @param districtName the district the map is drilled into, or null at the city
     * @param townshipName the township within it, or null at the district
     */
    void show(@Nullable String districtName, @Nullable String townshipName) {
        districtSeparator.setVisible(districtName != null);
        district.setVisible(districtName != null);
        district.setText(districtName == null ? "" : districtName);
        district.setEnabled(townshipName != null);
        township.setText(townshipName == null ? "" : " › " + townshipName);
        city.setEnabled(districtName != null);
    }
}
