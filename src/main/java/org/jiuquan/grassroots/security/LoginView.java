package org.jiuquan.grassroots.security;

import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.i18n.Translations;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page, in Chinese or English ({@code ?lang=en}). The form posts to Spring Security; a
 * failure comes back as {@code ?error}, with the reason (wrong password or a locked account) in the session.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final DemoAccounts demoAccounts;
    private final SecuritySettings settings;

    LoginView(DemoAccounts demoAccounts, SecuritySettings settings) {
        this.demoAccounts = demoAccounts;
        this.settings = settings;
        addClassName("login-page");
        setId("login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean english = parameters.getOrDefault("lang", List.of()).contains("en");
        Locale locale = english ? Translations.ENGLISH : Translations.CHINESE;
        event.getUI().setLocale(locale);
        removeAll();
        form.setI18n(i18n(parameters.containsKey("error") && lockedOut()));
        form.setError(parameters.containsKey("error"));

        H1 title = new H1(getTranslation("app.title"));
        Anchor language = new Anchor(english ? "login" : "login?lang=en", getTranslation("app.language"));
        language.setId("login-language");
        add(title, language);
        if (parameters.containsKey("signed-out")) {
            Paragraph signedOut = new Paragraph(getTranslation("login.signed-out"));
            signedOut.setId("signed-out");
            add(signedOut);
        }
        add(form);
        if (demoAccounts.active()) {
            Paragraph demo = new Paragraph(getTranslation("login.demo", DemoAccounts.PASSWORD));
            demo.setId("demo-accounts");
            demo.addClassName("synthetic-notice");
            add(demo);
        }
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.setHeader(null);
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        long minutes = settings.lockoutDuration().toMinutes();
        i18n.getErrorMessage().setTitle(getTranslation(locked ? "login.locked.title" : "login.error.title"));
        i18n.getErrorMessage().setMessage(locked ? getTranslation("login.locked.message", minutes)
                : getTranslation("login.error.message", settings.lockoutAttempts(), minutes));
        return i18n;
    }

    /** Whether the last sign-in failed because the account is locked (Spring keeps the reason in the session). */
    private static boolean lockedOut() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null
                && session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException;
    }
}
