package org.jiuquan.grassroots.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.jiuquan.grassroots.i18n.Formats;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jspecify.annotations.Nullable;

/** The district table (sortable): the mapped indicator's value, rank, change, and the organisations the filters match. */
final class DistrictTable extends Grid<DistrictRow> {

    private final Supplier<Indicator> indicator;
    /** Set while the view fills or selects rows, so the selection listener does not take it for a person's click. */
    private boolean updating;

    /**
     * @param indicator the indicator the values are of
     * @param clicked   told of the row a person selected, or null when they deselected it
     */
    DistrictTable(Supplier<Indicator> indicator, Consumer<@Nullable String> clicked) {
        super(DistrictRow.class, false);
        this.indicator = indicator;
        setId("district-table");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(DistrictRow::name).setHeader(getTranslation("table.district")).setSortable(true)
                .setComparator(DistrictRow::code).setFlexGrow(1).setKey("district");
        addColumn(row -> formatValue(row.value())).setHeader(getTranslation("table.value"))
                .setComparator(DistrictRow::value).setSortable(true).setKey("value").setAutoWidth(true).setFlexGrow(0);
        addColumn(DistrictRow::rank).setHeader(getTranslation("table.rank")).setSortable(true).setKey("rank")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(row -> Formats.change(row.change(), indicator.get().decimals(), getLocale()))
                .setHeader(getTranslation("table.change")).setKey("change")
                .setComparator(row -> row.change() == null ? BigDecimal.ZERO : row.change()).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(DistrictRow::matching).setHeader(getTranslation("table.matching")).setSortable(true)
                .setKey("matching").setAutoWidth(true).setFlexGrow(0);
        addSelectionListener(event -> {
            if (updating || !event.isFromClient()) {
                return;
            }
            clicked.accept(event.getFirstSelectedItem().map(DistrictRow::code).orElse(null));
        });
    }

    void show(List<DistrictRow> rows) {
        updating = true;
        try {
            setItems(rows);
        } finally {
            updating = false;
        }
    }

    /** Selects the district's row (none if it has none), without it counting as a person's click. */
    void selectRow(String code) {
        updating = true;
        try {
            getListDataView().getItems().filter(row -> row.code().equals(code)).findFirst()
                    .ifPresentOrElse(this::select, this::deselectAll);
        } finally {
            updating = false;
        }
    }

    private String formatValue(BigDecimal value) {
        Indicator shown = indicator.get();
        return Formats.withUnit(Formats.number(value, shown.decimals(), getLocale()),
                Translations.isEnglish(getLocale()) ? shown.unitEn() : shown.unitZh());
    }
}
