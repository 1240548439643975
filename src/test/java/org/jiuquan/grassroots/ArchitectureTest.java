package org.jiuquan.grassroots;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.jiuquan.grassroots.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules of the layout, on dependencies rather than names: features and packages do not depend on each
 * other in cycles; views and controllers use services, never SQL; repositories know nothing of who is
 * signed in or of HTTP.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jiuquan.grassroots");

    @Test
    void featuresHaveNoDependencyCycles() {
        slices().matching("org.jiuquan.grassroots.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void viewsDependOnServicesNeverOnRepositoriesOrSql() {
        noClasses().that().resideInAnyPackage("..dashboard..", "..map..").or().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void servicesAndRepositoriesNeverDependOnViews() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoDependencyCycles() {
        slices().matching("org.jiuquan.grassroots.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void viewsAndControllersNeverTouchJdbc() {
        noClasses().that().areAssignableTo(Component.class)
                .or().areAnnotatedWith(Route.class)
                .or().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }

    /** The account store itself lives in security; every other repository gets what it needs as parameters. */
    @Test
    void repositoriesNeverDependOnSecurityOrWeb() {
        noClasses().that().areAnnotatedWith(Repository.class).or().haveSimpleNameEndingWith("Repository")
                .and().resideOutsideOfPackage("org.jiuquan.grassroots.security..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jiuquan.grassroots.security..", "org.jiuquan.grassroots.web..",
                        "org.springframework.security..", "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    /**
     * The audit trail is written by services only, in the transaction of what they record: never by a
     * view, a controller, a filter or a listener, which call a service that does it.
     */
    @Test
    void onlyServicesWriteTheAuditTrail() {
        noClasses().that().areNotAnnotatedWith(Service.class).and(not(simpleNameEndingWith("Service")))
                .should().callMethodWhere(target(owner(assignableTo(AuditLog.class))).and(target(name("record"))))
                .check(CLASSES);
    }

    /** Who is signed in is learnt from the injected CurrentUser, which alone reads Spring's security context. */
    @Test
    void onlySecurityReadsTheSecurityContext() {
        noClasses().that().resideOutsideOfPackage("org.jiuquan.grassroots.security..")
                .should().dependOnClassesThat().haveFullyQualifiedName(SecurityContextHolder.class.getName())
                .check(CLASSES);
    }

    /** The audit trail is told who acts; it never works it out from security, the request or the session. */
    @Test
    void auditKnowsNothingOfSecurityOrRequests() {
        noClasses().that().resideInAPackage("org.jiuquan.grassroots.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jiuquan.grassroots.security..",
                        "org.springframework.security..", "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    /** The vocabulary (kinds, statuses) is the bottom layer: every feature may use it, it uses none. */
    @Test
    void theVocabularyDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.jiuquan.grassroots.vocabulary..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.jiuquan.grassroots.vocabulary..", "java..",
                        "org.jspecify..")
                .check(CLASSES);
    }
}
