package org.jiuquan.grassroots.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;

/**
 * The sign-in form in the sign-in page's own HTML, so a person sees it and can sign in as soon as the page
 * arrives. Vaadin's login form needs Vaadin's script bundle (about 400 kB compressed, 2.5 MB to compile) and
 * a round trip to the server before it shows: 1.4-3 s on a busy 2-core machine with an empty cache. This
 * plain form (same labels, same POST with the CSRF token) shows at once and works without any script; the
 * sign-in view removes it when Vaadin's form has arrived, carrying over what was typed (LoginView).
 */
@Component
class EarlySignInForm implements VaadinServiceInitListener {

    /** The element's id; the sign-in view removes it. */
    static final String ID = "login-early";

    private final Translations translations;
    private final CurrentUser currentUser;

    EarlySignInForm(Translations translations, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinRequest request = page.getVaadinRequest();
            if (!(request instanceof VaadinServletRequest servlet) || !isSignInPage(servlet)
                    || currentUser.get().isPresent()) {
                return;
            }
            Object token = servlet.getAttribute(CsrfToken.class.getName());
            if (token instanceof CsrfToken csrf) {
                insert(page.getDocument(), servlet.getParameterMap(), csrf);
            }
        });
    }

    private static boolean isSignInPage(VaadinServletRequest request) {
        String path = SecurityConfiguration.path(request.getHttpServletRequest());
        return path.equals("/login");
    }

    private void insert(Document document, Map<String, String[]> query, CsrfToken csrf) {
        Map<String, List<String>> parameters = new java.util.HashMap<>();
        query.forEach((name, values) -> parameters.put(name, List.of(values)));
        Locale locale = LanguageChoice.of(parameters);
        boolean english = Translations.isEnglish(locale);
        document.getElementsByTag("html").attr("lang", english ? "en" : "zh-CN");
        document.head().appendElement("style").text(STYLE);

        Element root = new Element("div").id(ID).addClass("login-early");
        root.appendElement("h1").text(tr("app.title", locale));
        root.appendElement("a").attr("href", english ? "login?lang=zh" : "login?lang=en").text(tr("app.language", locale));
        Element form = root.appendElement("form").attr("method", "post").attr("action", "login");
        form.appendElement("h2").text(tr("login.title", locale));
        String failure = failure(parameters);
        if (failure != null) {
            form.appendElement("p").addClass("login-early-error").text(tr(failure + ".title", locale));
        }
        field(form, tr("login.username", locale), "text", "username", "username").attr("autofocus", true);
        field(form, tr("login.password", locale), "password", "password", "current-password");
        form.appendElement("input").attr("type", "hidden").attr("name", csrf.getParameterName()).attr("value", csrf.getToken());
        form.appendElement("button").attr("type", "submit").text(tr("login.submit", locale));
        document.body().prependChild(root);
    }

    /** The message a failed sign-in came back with (the sign-in view then shows the full text). */
    private static @Nullable String failure(Map<String, List<String>> parameters) {
        if (parameters.containsKey("expired")) {
            return "login.expired";
        }
        if (parameters.containsKey("wait")) {
            return "login.wait";
        }
        return parameters.containsKey("error") ? "login.error" : null;
    }

    private static Element field(Element form, String label, String type, String name, String autocomplete) {
        Element wrapper = form.appendElement("label");
        wrapper.appendElement("span").text(label);
        return wrapper.appendElement("input").attr("type", type).attr("name", name).attr("autocomplete", autocomplete)
                .attr("required", true);
    }

    private String tr(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }

    /** Close to Lumo's look, with no dependence on its style sheet, so the swap to Vaadin's form is calm. */
    private static final String STYLE = """
            .login-early { display: flex; flex-direction: column; align-items: center; padding: 2.5rem 1rem;
              font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans CJK SC", "Microsoft YaHei",
              sans-serif; color: hsla(214, 40%, 16%, 0.94); }
            .login-early h1 { font-size: 2.5rem; font-weight: 600; text-align: center; margin: 0.6em 0; }
            .login-early form { display: flex; flex-direction: column; gap: 0.75rem; width: 20rem; max-width: 100%;
              padding: 1.5rem 2rem; box-sizing: border-box; }
            .login-early h2 { font-size: 1.75rem; font-weight: 600; margin: 0 0 0.5rem; }
            .login-early label { display: flex; flex-direction: column; gap: 0.25rem; font-size: 0.875rem;
              color: hsla(214, 42%, 18%, 0.69); }
            .login-early input { font: inherit; font-size: 1rem; padding: 0.45rem 0.6rem; border: none;
              border-radius: 4px; background: hsla(214, 57%, 24%, 0.1); }
            .login-early button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.55rem; border: none;
              border-radius: 4px; color: #fff; background: hsl(214, 100%, 48%); cursor: pointer; }
            .login-early-error { color: hsl(3, 85%, 46%); margin: 0; }
            """;
}
