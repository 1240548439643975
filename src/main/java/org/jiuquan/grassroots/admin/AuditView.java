package org.jiuquan.grassroots.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jiuquan.grassroots.i18n.DataValues;
import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditChain;
import org.jiuquan.grassroots.audit.AuditEvent;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.audit.AuditQuery;
import org.jiuquan.grassroots.i18n.ComponentTexts;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The audit trail for admins: filter by user, action and days; download what the filter shows as CSV. */
@Route("admin/audit")
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends Div implements HasDynamicTitle {

    static final int SHOWN = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor csv = new Anchor("", "");

    private final AuditChain chain;
    private final Paragraph chainResult = new Paragraph();
    private final CurrentUser currentUser;
    private final AuditText text;

    public AuditView(AuditLog audit, AuditChain chain, AuthenticationContext authentication, CurrentUser currentUser,
                     AuditText text) {
        this.currentUser = currentUser;
        this.text = text;
        this.audit = audit;
        this.chain = chain;
        addClassNames("admin-page");
        setId("audit");
        add(new Div(new H1(getTranslation("audit.title")), new AccountMenu(currentUser, authentication, "admin/audit")));

        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.actor"));
        actor.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        List<String> actions = new ArrayList<>();
        for (AuditAction a : AuditAction.values()) {
            String area = a.code().substring(0, a.code().indexOf('.'));
            if (!actions.contains(area)) {
                actions.add(area);
            }
            actions.add(a.code());
        }
        action.setItems(actions);
        // Areas and actions in words (an area alone filters all of its actions); the code is what is stored.
        action.setItemLabelGenerator(this::actionName);
        action.setClearButtonVisible(true);
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        ComponentTexts.translate(from, getLocale());
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        ComponentTexts.translate(to, getLocale());
        Button apply = new Button(getTranslation("audit.apply"), event -> refresh());
        apply.setId("audit-apply");
        csv.setId("audit-csv");
        csv.setText(getTranslation("audit.csv"));
        csv.getElement().setAttribute("download", true);
        csv.setRouterIgnore(true);
        Div filters = new Div(actor, action, from, to, apply, csv);
        filters.addClassName("admin-form");
        Button verify = new Button(getTranslation("audit.verify"), event -> verifyChain());
        verify.setId("audit-verify");
        chainResult.setId("audit-verify-result");
        Div integrity = new Div(verify, chainResult);
        integrity.addClassName("admin-form");

        grid.setId("audit-events");
        grid.addColumn(e -> e.at().format(TIME)).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        // Usernames and addresses are data; targets and details mix words with the data they quote.
        grid.addColumn(e -> e.actor() == null ? "—" : e.actor()).setHeader(getTranslation("audit.actor"))
                .setPartNameGenerator(DataValues::part);
        grid.addColumn(e -> actionName(e.action())).setHeader(getTranslation("audit.action"));
        grid.addColumn(new ComponentRenderer<>(e -> parts(text.target(e.target(), getLocale()))))
                .setHeader(getTranslation("audit.target"));
        grid.addColumn(new ComponentRenderer<>(e -> parts(text.detail(e, getLocale()))))
                .setHeader(getTranslation("audit.detail")).setFlexGrow(3);
        grid.addColumn(e -> text(e.clientAddress())).setHeader(getTranslation("audit.address"))
                .setPartNameGenerator(DataValues::part);
        grid.setHeight("70vh");
        add(filters, integrity, grid);
        refresh();
    }

    /** An action or an area of actions in the reader's language; a code with no words shows as stored. */
    private String actionName(String code) {
        return text.action(code, getLocale());
    }

    /** Words as text, quoted data in elements marked {@code data-value} (names, titles, files stay as written). */
    private static Span parts(java.util.List<AuditText.Part> parts) {
        Span span = new Span();
        for (AuditText.Part part : parts) {
            if (part.data()) {
                span.add(DataValues.mark(new Span(part.text())));
            } else {
                span.add(new com.vaadin.flow.component.Text(part.text()));
            }
        }
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.title");
    }

    /** Checks the hash chain of the whole trail and says whether it is intact, or the first row where it breaks. */
    private void verifyChain() {
        AuditChain.Report report = chain.verify();
        String legacy = report.legacyRows() == 0 ? "" : " " + getTranslation("audit.verify.legacy", report.legacyRows());
        if (report.intact()) {
            chainResult.setText(getTranslation("audit.verify.intact", report.checkedRows(), report.headSeq(),
                    String.valueOf(report.headHash())) + legacy);
            chainResult.getElement().setAttribute("data-intact", "true");
        } else {
            AuditChain.BrokenRow row = report.firstBroken().orElseThrow();
            chainResult.setText(getTranslation("audit.verify.broken", row.id(),
                    getTranslation("audit.verify.reason." + row.reason().name().toLowerCase(java.util.Locale.ROOT)),
                    report.checkedRows()) + legacy);
            chainResult.getElement().setAttribute("data-intact", "false");
        }
    }

    private void refresh() {
        String who = actor.getValue().isBlank() ? null : actor.getValue().strip();
        grid.setItems(audit.find(new AuditQuery(who, action.getValue(), from.getValue(), to.getValue(), SHOWN)));
        // The file in the page's language, whatever language the browser asks for.
        csv.setHref(AuditCsvController.PATH + "?" + query(who, action.getValue(), from.getValue(), to.getValue(),
                LanguageChoice.code(getLocale())));
    }

    private static String query(@Nullable String who, @Nullable String what, @Nullable LocalDate fromDay,
                                @Nullable LocalDate toDay, String lang) {
        List<String> parts = new ArrayList<>();
        if (who != null) {
            parts.add("actor=" + java.net.URLEncoder.encode(who, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (what != null) {
            parts.add("action=" + what);
        }
        if (fromDay != null) {
            parts.add("from=" + fromDay);
        }
        if (toDay != null) {
            parts.add("to=" + toDay);
        }
        parts.add("lang=" + lang);
        return String.join("&", parts);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
