package org.jiuquan.grassroots.imports;

import java.util.Set;

/** Excel templates for editors (see {@link TemplateWorkbooks}); the instruction sheet is skipped on import. */
final class Templates {

    static final Set<String> INSTRUCTIONS_SHEETS = Set.of("填写说明", "Instructions");

    private Templates() {
    }
}
