package org.jiuquan.grassroots;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the layout: features do not depend on each other in cycles; views use services only. */
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
}
