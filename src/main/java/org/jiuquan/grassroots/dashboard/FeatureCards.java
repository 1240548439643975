package org.jiuquan.grassroots.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.organisations.DataChangeException;
import org.jiuquan.grassroots.organisations.OrganisationDetails;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Opens the card of what a person clicked or found (a district, an organisation, a contact point) for the
 * quarter shown, selects it on the map and keeps it clear of the card; an editor changes an organisation's
 * status on its card.
 */
final class FeatureCards {

    private final DetailCard card;
    private final GeoMap map;
    private final IndicatorService indicators;
    private final OrganisationService organisations;
    private final DistrictNames names;
    private final Map<String, Indicator> indicatorsByCode;
    private final List<Period> periods;
    private final Supplier<DashboardState> state;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final Consumer<String> districtShown;
    private final Runnable statusChanged;
    /** The district or organisation whose card is open: a snapshot outlines it. */
    private @Nullable String selectedCode;

    /**
     * @param districtShown told of a district whose card opened (its table row is selected)
     * @param statusChanged told after an editor changed a status (everything that counts statuses follows)
     */
    FeatureCards(DetailCard card, GeoMap map, IndicatorService indicators, OrganisationService organisations,
                 DistrictNames names, Map<String, Indicator> indicatorsByCode, List<Period> periods,
                 Supplier<DashboardState> state, Clock clock, CurrentUser currentUser, Consumer<String> districtShown,
                 Runnable statusChanged) {
        this.currentUser = currentUser;
        this.card = card;
        this.map = map;
        this.indicators = indicators;
        this.organisations = organisations;
        this.names = names;
        this.indicatorsByCode = indicatorsByCode;
        this.periods = periods;
        this.state = state;
        this.clock = clock;
        this.districtShown = districtShown;
        this.statusChanged = statusChanged;
    }

    @Nullable String selectedCode() {
        return selectedCode;
    }

    /** Opens the card of a feature of a map layer (or "organisations", from a search hit). */
    void open(String layer, String id) {
        String period = state.get().period();
        switch (layer) {
            case "districts" -> names.districts().stream().filter(d -> d.code().equals(id)).findFirst().ifPresent(district -> {
                selectedCode = district.code();
                card.showDistrict(district, indicators.rankings(period, null, id), indicatorsByCode,
                        period.equals(periods.isEmpty() ? "" : periods.get(0).code()), card.locale());
                districtShown.accept(id);
            });
            case "villages", "grid-branches", "enterprises", "social-organisations", "organisations" -> {
                Optional<OrganisationDetails> organisation = organisations.organisation(id, period);
                organisation.ifPresent(this::showOrganisation);
                // A search hit names no layer: the organisation's kind does.
                map.setSelection(new GeoMap.Selection(organisation.map(o -> layerOfKind(o.kind())).orElse(layer), id));
                map.revealSelection();
                return;
            }
            case "contact-points" -> organisations.contactPoint(id, period).ifPresent(c ->
                    card.showContactPoint(c, names.name(c.districtCode(), card.locale())));
            default -> {
                return;
            }
        }
        map.setSelection(new GeoMap.Selection(layer, id));
        map.revealSelection();
    }

    /** After the quarter changed: an open district card shows the new quarter. */
    void refreshDistrictCard() {
        if (card.isVisible() && !card.shownId().isEmpty() && card.shownId().length() == 6) {
            open("districts", card.shownId());
        }
    }

    private static String layerOfKind(String kind) {
        return switch (kind) {
            case "village" -> "villages";
            case "grid_branch" -> "grid-branches";
            case "enterprise" -> "enterprises";
            default -> "social-organisations";
        };
    }

    private void showOrganisation(OrganisationDetails o) {
        selectedCode = o.code();
        card.showOrganisation(o, names.name(o.districtCode(), card.locale()), card.locale());
        if (currentUser.has(Role.EDITOR)) {
            card.addStatusEditor(o, OrganisationStatus.CODES, statusChangeDay(o), (status, from) -> {
                try {
                    organisations.changeStatus(String.valueOf(o.id()), status, from);
                    // Everything that counts statuses follows at once: KPIs, table, chart, map layers, card.
                    statusChanged.run();
                    organisations.organisation(String.valueOf(o.id()), state.get().period()).ifPresent(this::showOrganisation);
                    Notification.show(card.getTranslation("card.status-saved"))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (DataChangeException e) {
                    Notification.show(card.getTranslation("problem." + e.messageKey(), e.arguments()))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        }
    }

    /**
     * The day a new status is recorded from, by default: the selected quarter's last day, so the change shows
     * in the quarter on screen; never before the current status began, never after today.
     */
    private LocalDate statusChangeDay(OrganisationDetails o) {
        LocalDate periodEnd = periods.stream().filter(p -> p.code().equals(state.get().period())).findFirst()
                .map(Period::endsOn).orElse(organisations.lastPeriodEnd());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        LocalDate day = periodEnd.isAfter(today) ? today : periodEnd;
        return organisations.organisation(String.valueOf(o.id()))
                .map(now -> day.isBefore(now.statusSince()) ? now.statusSince() : day).orElse(day);
    }
}
