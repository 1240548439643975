package org.jiuquan.grassroots.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.CurrentUser;

/** The title, the synthetic-data notice, and the buttons for the language, presentation mode and the account. */
final class DashboardHeader extends Div {

    DashboardHeader(CurrentUser currentUser, AuthenticationContext authentication, Runnable switchLanguage, Runnable present) {
        H1 title = new H1(getTranslation("app.title"));
        Paragraph synthetic = new Paragraph(getTranslation("app.synthetic"));
        synthetic.addClassName("synthetic-notice");
        Button language = new Button(getTranslation("app.language"), event -> switchLanguage.run());
        language.setId("language-switch");
        language.setTooltipText(getTranslation("app.language.tooltip"));
        language.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button presentButton = new Button(getTranslation("present.enter"), event -> present.run());
        presentButton.setId("presentation-toggle");
        presentButton.setTooltipText(getTranslation("present.shortcut"));
        presentButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div buttons = new Div(language, presentButton, new AccountMenu(currentUser, authentication, ""));
        buttons.addClassName("header-buttons");
        add(title, synthetic, buttons);
    }

    /**
     * On screens too narrow for three columns the side panels become drawers over the map (CSS decides which:
     * dashboard.css); these buttons open and close them, one at a time, by a class on the view.
     */
    static Div drawerBar(Div view, Div controls, Div side) {
        controls.setId("controls");
        side.setId("side-panel");
        Button openControls = new Button(view.getTranslation("drawer.controls"),
                event -> toggleDrawer(view, "controls-open", "side-open"));
        openControls.setId("toggle-controls");
        Button openSide = new Button(view.getTranslation("drawer.side"), event -> toggleDrawer(view, "side-open", "controls-open"));
        openSide.setId("toggle-side");
        for (Button button : java.util.List.of(openControls, openSide)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        }
        Div bar = new Div(openControls, openSide);
        bar.addClassName("drawer-bar");
        return bar;
    }

    /** The button over the map that leaves presentation mode (shown only in it). */
    static void exitButton(Button button, Runnable exit) {
        button.setText(button.getTranslation("present.exit"));
        button.setId("exit-presentation");
        button.addClassName("exit-presentation");
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        button.addClickListener(event -> exit.run());
    }

    private static void toggleDrawer(Div view, String open, String other) {
        view.removeClassName(other);
        view.setClassName(open, !view.hasClassName(open));
    }
}
