package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.jiuquan.grassroots.drilldown.TownshipMember;
import org.jiuquan.grassroots.drilldown.TownshipSummary;
import org.jiuquan.grassroots.i18n.DataValues;
import org.jiuquan.grassroots.i18n.Formats;

/**
 * The drill-down's list below the district table: at a district, its townships with their indicators for the
 * quarter (a click drills into one); at a township, its organisations with their status at the quarter's end,
 * weak and rectifying first and marked (a click opens the organisation's card). Hidden at the city.
 */
final class DrillDownPanel extends Div {

    private final H3 title = new H3();
    private final Grid<TownshipSummary> townships = new Grid<>(TownshipSummary.class, false);
    private final Grid<TownshipMember> members = new Grid<>(TownshipMember.class, false);

    /**
     * @param townshipClicked told of the township (9-digit code) whose row a person clicked
     * @param memberClicked   told of the organisation (card id) whose row a person clicked
     */
    DrillDownPanel(Consumer<String> townshipClicked, Consumer<TownshipMember> memberClicked) {
        setId("drill-down");
        title.setId("drill-down-title");
        townships.setId("township-table");
        townships.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        townships.setAllRowsVisible(true);
        townships.addColumn(TownshipSummary::nameZh).setHeader(getTranslation("drill.township")).setKey("name")
                .setSortable(true).setComparator(TownshipSummary::code).setFlexGrow(1)
                .setPartNameGenerator(DataValues::part);
        townships.addColumn(TownshipSummary::organisations).setHeader(getTranslation("drill.organisations"))
                .setKey("organisations").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        townships.addColumn(TownshipSummary::weakOpen).setHeader(getTranslation("drill.weak-open"))
                .setKey("weak-open").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        townships.addColumn(t -> t.fortressIndexMean() == null ? "" : Formats.number(t.fortressIndexMean(), 1, getLocale()))
                .setHeader(getTranslation("drill.fortress-mean")).setKey("fortress").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setComparator(t -> t.fortressIndexMean() == null ? java.math.BigDecimal.ZERO
                        : t.fortressIndexMean());
        townships.setPartNameGenerator(t -> t.weakOpen() > 0 ? "weak" : null);
        townships.addItemClickListener(event -> townshipClicked.accept(event.getItem().code()));

        members.setId("township-organisations");
        members.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        members.setAllRowsVisible(true);
        members.addColumn(TownshipMember::nameZh).setHeader(getTranslation("drill.organisation")).setKey("name")
                .setSortable(true).setFlexGrow(1).setPartNameGenerator(DataValues::part);
        members.addColumn(m -> getTranslation("kind." + m.kind())).setHeader(getTranslation("filters.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        members.addColumn(m -> getTranslation("status." + m.status())).setHeader(getTranslation("filters.status"))
                .setKey("status").setSortable(true).setComparator(m -> m.weakOrRectifying() ? 0 : 1)
                .setAutoWidth(true).setFlexGrow(0);
        members.addColumn(m -> Formats.number(m.fortressIndex(), 1, getLocale())).setHeader(getTranslation("drill.fortress"))
                .setKey("fortress").setSortable(true).setComparator(TownshipMember::fortressIndex).setAutoWidth(true)
                .setFlexGrow(0);
        // Weak and rectifying organisations stand out (dashboard.css), and carry their status for tests and tools.
        members.setPartNameGenerator(m -> m.weakOrRectifying() ? "weak" : null);
        members.addItemClickListener(event -> memberClicked.accept(event.getItem()));
        add(title, townships, members);
        addClassName("drill-down");
        showCity();
    }

    /** The page's language. */
    java.util.Locale locale() {
        return getLocale();
    }

    /** At the city: nothing below the district table. */
    void showCity() {
        setVisible(false);
    }

    /** At a district: its townships. */
    void showDistrict(String districtName, List<TownshipSummary> rows) {
        title.setText(getTranslation("drill.townships-of", districtName));
        townships.setItems(rows);
        townships.setVisible(true);
        members.setVisible(false);
        getElement().setAttribute("data-level", "district");
        setVisible(true);
    }

    /** At a township: its organisations. */
    void showTownship(String townshipName, List<TownshipMember> rows) {
        title.setText(getTranslation("drill.organisations-of", townshipName,
                rows.stream().filter(TownshipMember::weakOrRectifying).count()));
        members.setItems(rows);
        members.setVisible(true);
        townships.setVisible(false);
        getElement().setAttribute("data-level", "township");
        setVisible(true);
    }
}
