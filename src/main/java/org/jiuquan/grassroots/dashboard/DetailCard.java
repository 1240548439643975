package org.jiuquan.grassroots.dashboard;

import org.jiuquan.grassroots.i18n.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.indicators.DistrictRanking;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.organisations.ContactPointDetails;
import org.jiuquan.grassroots.organisations.OrganisationDetails;

/** The card that opens on a click: a district's indicators, an organisation, or a contact point. */
class DetailCard extends Div {

    private final Div body = new Div();

    DetailCard() {
        setId("detail-card");
        addClassName("detail-card");
        Button close = new Button(getTranslation("card.close"), event -> setVisible(false));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        close.setId("detail-card-close");
        add(close, body);
        setVisible(false);
    }

    void showDistrict(District district, List<DistrictRanking> rankings, Map<String, Indicator> indicators,
                      boolean firstQuarter, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        body.removeAll();
        body.getElement().setAttribute("data-kind", "district");
        body.getElement().setAttribute("data-id", district.code());
        body.add(new H3(district.name(locale)));
        body.add(field(getTranslation("card.indicators"), firstQuarter ? getTranslation("card.first-quarter") : ""));
        Div table = new Div();
        table.addClassName("card-indicators");
        for (DistrictRanking ranking : rankings) {
            Indicator indicator = indicators.get(ranking.indicatorCode());
            if (indicator == null) {
                continue;
            }
            String unit = english ? indicator.unitEn() : indicator.unitZh();
            Div row = new Div(new Span(english ? indicator.nameEn() : indicator.nameZh()),
                    new Span(Formats.withUnit(Formats.number(ranking.value(), indicator.decimals(), locale), unit)),
                    new Span(getTranslation("card.rank", ranking.rank())),
                    new Span(Formats.change(ranking.change(), indicator.decimals(), locale)));
            row.addClassName("card-indicator");
            row.getElement().setAttribute("data-indicator", indicator.code());
            table.add(row);
        }
        body.add(table);
        setVisible(true);
    }

    void showOrganisation(OrganisationDetails o, String districtName, Locale locale) {
        body.removeAll();
        body.getElement().setAttribute("data-kind", o.kind());
        body.getElement().setAttribute("data-id", o.code() != null ? o.code() : String.valueOf(o.id()));
        body.add(new H3(o.nameZh()));
        body.add(field(getTranslation("card.kind"), getTranslation("kind." + o.kind())));
        body.add(field(getTranslation("card.district"), districtName + (o.townshipZh() != null ? " · " + o.townshipZh() : "")));
        body.add(field(getTranslation("card.fortress"), Formats.number(o.fortressIndex(), 1, locale)));
        if (!o.fortressComponents().isEmpty()) {
            Div components = new Div();
            components.addClassName("card-components");
            o.fortressComponents().forEach((component, score) -> components.add(
                    field(getTranslation("fortress." + component), Formats.number(score, 1, locale))));
            Span methodology = new Span(getTranslation("fortress.methodology"));
            methodology.addClassName("hint");
            body.add(components, methodology);
        }
        body.add(field(getTranslation("card.status"), getTranslation("status." + o.status())
                + " (" + getTranslation("card.status-since") + " " + o.statusSince() + ")"));
        if (o.leaders().isEmpty()) {
            body.add(field(getTranslation("card.leaders"), getTranslation("card.no-leader")));
        }
        for (OrganisationDetails.Leader leader : o.leaders()) {
            body.add(field(getTranslation("card.leaders"), leader.nameZh() + " · " + leader.titleZh() + " · "
                    + getTranslation("level." + leader.level()) + " · " + leader.phone()));
        }
        setVisible(true);
    }

    /**
     * For editors: a form under the organisation's card to record a new status from a day on. The change
     * itself is checked again on the server (OrganisationService), whatever the form allows.
     */
    void addStatusEditor(OrganisationDetails o, List<String> statuses, java.time.LocalDate day, StatusChange change) {
        Select<String> status = new Select<>();
        status.setId("status-edit");
        status.setLabel(getTranslation("card.status-edit"));
        status.setItems(statuses);
        status.setItemLabelGenerator(code -> getTranslation("status." + code));
        status.setValue(o.status());
        DatePicker from = new DatePicker(getTranslation("card.status-from"));
        from.setId("status-edit-from");
        org.jiuquan.grassroots.i18n.ComponentTexts.translate(from, getLocale());
        from.setValue(day);
        Button save = new Button(getTranslation("card.status-save"), event -> change.save(status.getValue(), from.getValue()));
        save.setId("status-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div editor = new Div(status, from, save);
        editor.addClassName("status-editor");
        body.add(editor);
    }

    @FunctionalInterface
    interface StatusChange {
        void save(String status, java.time.LocalDate from);
    }

    void showContactPoint(ContactPointDetails c, String districtName) {
        body.removeAll();
        body.getElement().setAttribute("data-kind", "contact-point");
        body.getElement().setAttribute("data-id", String.valueOf(c.id()));
        body.add(new H3(c.leaderNameZh() + " → " + c.organisationNameZh()));
        body.add(field(getTranslation("card.leader"), c.leaderNameZh() + " · " + c.leaderTitleZh() + " · "
                + getTranslation("level." + c.leaderLevel())));
        body.add(field(getTranslation("card.phone"), c.leaderPhone()));
        body.add(field(getTranslation("card.organisation"), c.organisationNameZh()));
        body.add(field(getTranslation("card.kind"), getTranslation("kind." + c.organisationKind())));
        body.add(field(getTranslation("card.status"), getTranslation("status." + c.organisationStatus())));
        body.add(field(getTranslation("card.district"), districtName));
        setVisible(true);
    }

    /** The page's language, for those who fill the card. */
    java.util.Locale locale() {
        return getLocale();
    }

    String shownId() {
        return body.getElement().getAttribute("data-id") == null ? "" : body.getElement().getAttribute("data-id");
    }

    private static Div field(String label, String value) {
        Span name = new Span(label);
        name.addClassName("card-label");
        Div field = new Div(name, new Span(value));
        field.addClassName("card-field");
        return field;
    }
}
