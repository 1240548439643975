package org.jiuquan.grassroots.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** The shared look of the error pages: the app's name, what happened, a way home and the language switch. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void fill(Div page, UI ui, String titleKey, String messageKey, Object... args) {
        page.removeAll();
        page.addClassName("admin-page");
        H1 title = new H1(ui.getTranslation(titleKey));
        Paragraph message = new Paragraph(ui.getTranslation(messageKey, args));
        message.setId("error-message");
        Anchor home = new Anchor("./?lang=" + LanguageChoice.code(ui.getLocale()), ui.getTranslation("error.home"));
        home.setId("error-home");
        // A plain link to the map in the other language, which is remembered (the address that failed would
        // fail again in either language).
        String other = Translations.isEnglish(ui.getLocale()) ? "zh" : "en";
        Anchor language = new Anchor("./?lang=" + other, ui.getTranslation("app.language"));
        language.setId("language-switch");
        language.setRouterIgnore(true);
        page.add(new Div(new Paragraph(ui.getTranslation("app.title")), language), title, message, home);
    }
}
