package org.jiuquan.grassroots.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.RolesAllowed;

import org.jiuquan.grassroots.i18n.DataValues;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.imports.EditorScopes;
import org.jiuquan.grassroots.imports.ImportRefusal;
import org.jiuquan.grassroots.security.Account;
import org.jiuquan.grassroots.security.AccountException;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.AccountService;
import org.jiuquan.grassroots.security.ApiToken;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * User and role management for admins: create accounts, change roles, disable and enable, reset
 * passwords, limit an editor to one district, issue and revoke API tokens. Every change goes through the
 * services, which check and audit it.
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final EditorScopes scopes;
    private final MessageSource messages;
    private final Grid<Account> accountGrid = new Grid<>(Account.class, false);
    private final Grid<ApiToken> tokenGrid = new Grid<>(ApiToken.class, false);
    private final Div selected = new Div();
    /** Outside the selected account's panel, so the one showing of a new token survives the refresh. */
    private final Paragraph issuedToken = new Paragraph();
    private final CurrentUser currentUser;

    public UsersView(AccountService accounts, ApiTokenService tokens, EditorScopes scopes, MessageSource messages,
                     AuthenticationContext authentication, Clock clock, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.tokens = tokens;
        this.scopes = scopes;
        this.messages = messages;
        addClassNames("admin-page");
        setId("users");
        add(new Div(new H1(getTranslation("users.title")), new AccountMenu(currentUser, authentication, "admin/users")));

        accountGrid.setId("accounts");
        // Names are data, shown as written in either language.
        accountGrid.addColumn(Account::username).setHeader(getTranslation("users.username"))
                .setPartNameGenerator(DataValues::part);
        accountGrid.addColumn(Account::displayName).setHeader(getTranslation("users.display-name"))
                .setPartNameGenerator(DataValues::part);
        accountGrid.addColumn(a -> getTranslation("role." + a.role().code())).setHeader(getTranslation("users.role"));
        accountGrid.addColumn(a -> getTranslation(a.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.state"));
        accountGrid.addColumn(a -> a.lockedAt(OffsetDateTime.now(clock)) ? time(a.lockedUntil()) : "")
                .setHeader(getTranslation("users.locked-until"));
        accountGrid.addColumn(a -> districtLabel(scopes.scopeOf(a.username()).orElse(""), scopes.districts()))
                .setHeader(getTranslation("users.district"));
        accountGrid.addColumn(a -> a.demo() ? getTranslation("users.demo") : "").setHeader("");
        accountGrid.setAllRowsVisible(true);
        accountGrid.asSingleSelect().addValueChangeListener(event -> showSelected(event.getValue()));

        tokenGrid.setId("tokens");
        tokenGrid.addColumn(ApiToken::id).setHeader("#").setAutoWidth(true);
        tokenGrid.addColumn(ApiToken::username).setHeader(getTranslation("users.username"))
                .setPartNameGenerator(DataValues::part);
        tokenGrid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setPartNameGenerator(DataValues::part);
        tokenGrid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("tokens.created"));
        tokenGrid.addColumn(t -> time(t.lastUsedAt())).setHeader(getTranslation("tokens.last-used"));
        tokenGrid.addComponentColumn(this::revokeButton).setHeader(getTranslation("tokens.state"));
        tokenGrid.setAllRowsVisible(true);

        selected.setId("selected-account");
        issuedToken.setId("issued-token");
        issuedToken.addClassName("issued-token");
        add(new H2(getTranslation("users.accounts")), accountGrid, selected, issuedToken, createForm(),
                new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.help")), tokenGrid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.title");
    }

    private Div createForm() {
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("new-username");
        TextField displayName = new TextField(getTranslation("users.display-name"));
        displayName.setId("new-display-name");
        Select<Role> role = roleSelect("new-role");
        role.setValue(Role.VIEWER);
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("password.rule"));
        Button create = new Button(getTranslation("users.create"), event -> act(() -> {
            accounts.create(username.getValue().strip(), displayName.getValue(), role.getValue(), password.getValue());
            username.clear();
            displayName.clear();
            password.clear();
        }, "users.created"));
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(new H2(getTranslation("users.new")), username, displayName, role, password, create);
        form.addClassName("admin-form");
        return form;
    }

    private void showSelected(@Nullable Account account) {
        selected.removeAll();
        if (account == null) {
            return;
        }
        Select<Role> role = roleSelect("change-role");
        role.setValue(account.role());
        Button saveRole = new Button(getTranslation("users.change-role"),
                event -> act(() -> accounts.changeRole(account.username(), role.getValue()), "users.saved"));
        saveRole.setId("save-role");
        Button toggle = new Button(getTranslation(account.enabled() ? "users.disable" : "users.enable"),
                event -> act(() -> accounts.setEnabled(account.username(), !account.enabled()), "users.saved"));
        toggle.setId("toggle-enabled");
        PasswordField password = new PasswordField(getTranslation("users.new-password"));
        password.setId("reset-password");
        Button reset = new Button(getTranslation("users.reset-password"),
                event -> act(() -> accounts.resetPassword(account.username(), password.getValue()), "users.saved"));
        reset.setId("save-password");
        Select<String> district = districtSelect(account);
        Button saveDistrict = new Button(getTranslation("users.change-district"),
                event -> act(() -> scopes.limit(account.username(), district.getValue()), "users.saved"));
        saveDistrict.setId("save-district");
        TextField tokenName = new TextField(getTranslation("tokens.name"));
        tokenName.setId("token-name");
        tokenName.setPlaceholder("QGIS");
        Button issue = new Button(getTranslation("tokens.issue"), event -> act(() -> {
            String token = tokens.issue(account.username(), tokenName.getValue());
            issuedToken.setText(getTranslation("tokens.issued", account.username(), token));
        }, "tokens.issued.short"));
        issue.setId("issue-token");
        Div panel = new Div(new H2(account.username() + " · " + account.displayName()), role, saveRole, toggle,
                password, reset, district, saveDistrict, tokenName, issue);
        panel.addClassName("admin-form");
        selected.add(panel);
    }

    /** The district an editor imports and changes rows of; "all districts" lifts the limit. */
    private Select<String> districtSelect(Account account) {
        java.util.Map<String, String> districts = scopes.districts();
        Select<String> district = new Select<>();
        district.setId("editor-district");
        district.setLabel(getTranslation("users.district"));
        java.util.List<String> items = new java.util.ArrayList<>();
        items.add("");
        items.addAll(districts.keySet());
        district.setItems(items);
        district.setItemLabelGenerator(code -> districtLabel(code, districts));
        district.setValue(scopes.scopeOf(account.username()).orElse(""));
        district.setHelperText(getTranslation("users.district.help"));
        return district;
    }

    private String districtLabel(String code, java.util.Map<String, String> districts) {
        return code.isEmpty() ? getTranslation("users.district.all") : districts.getOrDefault(code, code);
    }

    private Select<Role> roleSelect(String id) {
        Select<Role> role = new Select<>();
        role.setId(id);
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.code()));
        return role;
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation(token.active() ? "tokens.revoke" : "tokens.revoked"),
                event -> act(() -> tokens.revoke(token.id()), "tokens.revoked"));
        revoke.setEnabled(token.active());
        revoke.setId("revoke-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    /** Runs a change; a refused one is explained in the user's language and changes nothing. */
    private void act(Runnable change, String doneKey) {
        try {
            change.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (AccountException e) {
            Notification.show(getTranslation(e.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ImportRefusal e) {
            Notification.show(messages.getMessage(e.key(), e.args(), getLocale()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        Account current = accountGrid.asSingleSelect().getValue();
        accountGrid.setItems(accounts.all());
        tokenGrid.setItems(tokens.all());
        if (current != null) {
            accounts.all().stream().filter(a -> a.username().equals(current.username())).findFirst()
                    .ifPresent(accountGrid::select);
        }
    }

    private static String time(@Nullable OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(AuditLog.ZONE).format(TIME);
    }
}
