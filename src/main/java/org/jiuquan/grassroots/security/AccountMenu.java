package org.jiuquan.grassroots.security;

import org.jiuquan.grassroots.i18n.LanguageChoice;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The signed-in user, the pages their role opens, and sign-out. Links to pages a role may not open are
 * left out; the pages themselves check the role again on the server.
 */
public class AccountMenu extends Div {

    public AccountMenu(CurrentUser currentUser, AuthenticationContext authentication, String current) {
        addClassName("account-menu");
        setId("account-menu");
        currentUser.get().ifPresent(user -> {
            // The name is data (as entered by an admin); the role is a label of the interface.
            Span who = new Span(user.displayName());
            who.setId("signed-in-user");
            org.jiuquan.grassroots.i18n.DataValues.mark(who);
            Span role = new Span(getTranslation("role." + user.role().code()));
            role.setId("signed-in-role");
            add(who, role);
        });
        link("", "nav.dashboard", "nav-dashboard", current);
        if (currentUser.has(Role.ANALYST)) {
            link("analysis", "nav.analysis", "open-analysis", current);
        }
        if (currentUser.has(Role.EDITOR)) {
            link("data", "nav.data", "nav-data", current);
        }
        if (currentUser.has(Role.ADMIN)) {
            link("admin/users", "nav.users", "nav-users", current);
            link("admin/audit", "nav.audit", "nav-audit", current);
            link("admin/basemap", "nav.basemap", "nav-basemap", current);
        }
        if (!current.isEmpty()) {
            // The dashboard has its own switch beside its presentation button; every other page has this one.
            Button language = new Button(getTranslation("app.language"),
                    event -> getUI().ifPresent(LanguageChoice::switchLanguage));
            language.setId("language-switch");
            language.setTooltipText(getTranslation("app.language.tooltip"));
            language.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add(language);
        }
        Button signOut = new Button(getTranslation("nav.sign-out"), event -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(signOut);
    }

    private void link(String route, String labelKey, String id, String current) {
        if (route.equals(current)) {
            return;
        }
        // The language travels in the address too, so a copied link opens in the language it was copied in
        // (whatever language the browser that opens it chose before).
        String lang = "?lang=" + LanguageChoice.code(getLocale());
        Anchor anchor = new Anchor((route.isEmpty() ? "." : route) + lang, getTranslation(labelKey));
        anchor.setId(id);
        add(anchor);
    }
}
