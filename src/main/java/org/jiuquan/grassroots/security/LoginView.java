package org.jiuquan.grassroots.security;

import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.i18n.Translations;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
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
 * The sign-in page, in Chinese or English ({@code ?lang=en}). The form posts to Spring Security with the
 * page's CSRF token; a failure comes back as {@code ?error} (with {@code wait=N} when this source must wait
 * before trying again; an unreachable database is told apart by the reason Spring keeps in the session),
 * a form without a valid token as {@code ?expired}.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final DemoAccounts demoAccounts;
    private final CurrentUser currentUser;

    LoginView(DemoAccounts demoAccounts, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.demoAccounts = demoAccounts;
        addClassName("login-page");
        setId("login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.addAttachListener(event -> form.getElement().executeJs(TAKE_OVER, EarlySignInForm.ID));
    }

    /**
     * Replaces the page's early form (EarlySignInForm) by this one once it is drawn, carrying over what a
     * person has typed and where the cursor was.
     */
    private static final String TAKE_OVER = """
            const early = document.getElementById($0);
            if (!early) return;
            const form = this;
            const typed = name => early.querySelector(`input[name='${name}']`).value;
            const focused = document.activeElement && early.contains(document.activeElement)
                ? document.activeElement.name : null;
            const move = tries => {
              const user = form.querySelector("input[name='username']");
              const password = form.querySelector("input[name='password']");
              if ((!user || !password) && tries > 0) {
                requestAnimationFrame(() => move(tries - 1));
                return;
              }
              for (const input of [user, password]) {
                const field = input && input.closest('vaadin-text-field, vaadin-password-field');
                if (field && typed(input.name)) field.value = typed(input.name);
              }
              early.remove();
              const target = focused === 'password' ? password : focused === 'username' ? user : null;
              if (target) target.focus();
            };
            move(120);""";

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean failed = parameters.containsKey("error") || parameters.containsKey("expired");
        // ?lang=, else the browser's remembered choice (LanguageChoice); Spring sends a failed sign-in back
        // without ?lang, so then the language the form was shown in.
        boolean english = Translations.isEnglish(LanguageChoice.of(parameters))
                || !parameters.containsKey("lang") && failed && VaadinSession.getCurrent() != null
                        && VaadinSession.getCurrent().getLocale() != null
                        && Translations.isEnglish(VaadinSession.getCurrent().getLocale());
        Locale locale = english ? Translations.ENGLISH : Translations.CHINESE;
        LanguageChoice.apply(event.getUI(), locale);
        removeAll();
        form.setI18n(i18n(failure(parameters), waitSeconds(parameters)));
        form.setError(failed);

        H1 title = new H1(getTranslation("app.title"));
        Anchor language = new Anchor(english ? "login?lang=zh" : "login?lang=en", getTranslation("app.language"));
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

    private enum Failure { WRONG_PASSWORD, WAIT, EXPIRED, UNAVAILABLE }

    private Failure failure(java.util.Map<String, List<String>> parameters) {
        if (parameters.containsKey("expired")) {
            return Failure.EXPIRED;
        }
        if (parameters.containsKey("wait")) {
            return Failure.WAIT;
        }
        return serviceUnavailable() ? Failure.UNAVAILABLE : Failure.WRONG_PASSWORD;
    }

    private LoginI18n i18n(Failure failure, String waitSeconds) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.setHeader(null);
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        String key = switch (failure) {
            case WRONG_PASSWORD -> "login.error";
            case WAIT -> "login.wait";
            case EXPIRED -> "login.expired";
            case UNAVAILABLE -> "login.unavailable";
        };
        i18n.getForm().setForgotPassword(getTranslation("login.forgot-password"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password-required"));
        i18n.getErrorMessage().setTitle(getTranslation(key + ".title"));
        i18n.getErrorMessage().setMessage(getTranslation(key + ".message", waitSeconds));
        return i18n;
    }

    /** The seconds this source must wait (from the query), for the message only. */
    private static String waitSeconds(java.util.Map<String, List<String>> parameters) {
        String text = parameters.getOrDefault("wait", List.of("")).getFirst();
        return text.matches("[0-9]{1,6}") ? text : "";
    }

    /** Whether the last sign-in failed because the database could not be reached (Spring keeps the reason). */
    private static boolean serviceUnavailable() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof InternalAuthenticationServiceException;
    }
}
