package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which list a file holds, told from its headers as the templates, people and the dataset files write them. */
class ImportEntityTest {

    @Test
    void eachTemplatesHeadersNameItsList() {
        assertThat(ImportEntity.detect(List.of("代码", "名称", "类型", "区县", "乡镇", "状态", "状态起始日期", "堡垒指数",
                "经度", "纬度"))).isEqualTo(ImportEntity.ORGANISATIONS);
        assertThat(ImportEntity.detect(List.of("姓名", "级别", "职务", "区县", "手机"))).isEqualTo(ImportEntity.LEADERS);
        assertThat(ImportEntity.detect(List.of("领导姓名", "组织代码", "建立日期"))).isEqualTo(ImportEntity.CONTACT_POINTS);
        assertThat(ImportEntity.detect(List.of("指标", "区县", "季度", "数值"))).isEqualTo(ImportEntity.INDICATOR_VALUES);
        assertThat(ImportEntity.detect(List.of("代码", "状态", "起始日期"))).isEqualTo(ImportEntity.STATUS_CHANGES);
    }

    @Test
    void theDatasetsOwnFieldNamesAndCommonVariantsAreRecognised() {
        assertThat(ImportEntity.detect(List.of("id", "name_zh", "level", "title_zh", "district_code", "phone")))
                .isEqualTo(ImportEntity.LEADERS);
        assertThat(ImportEntity.detect(List.of("indicator_code", "district_code", "period", "value")))
                .isEqualTo(ImportEntity.INDICATOR_VALUES);
        assertThat(ImportEntity.detect(List.of("联系领导", "村代码", "联系日期", "手机")))
                .isEqualTo(ImportEntity.CONTACT_POINTS);
    }

    @Test
    void aListOfCodesWithAnythingElseAboutTheOrganisationStaysAnOrganisationList() {
        assertThat(ImportEntity.detect(List.of("代码", "名称"))).isEqualTo(ImportEntity.ORGANISATIONS);
        assertThat(ImportEntity.detect(List.of("代码", "状态", "状态起始日期"))).isEqualTo(ImportEntity.ORGANISATIONS);
        assertThat(ImportEntity.detect(List.of("code", "name", "status", "valid_from"))).isEqualTo(ImportEntity.ORGANISATIONS);
    }

    @Test
    void aNamedListIsTakenAsNamedAndAnUnknownNameRefused() {
        assertThat(ImportEntity.named("contact-points")).isEqualTo(ImportEntity.CONTACT_POINTS);
        assertThat(ImportEntity.named(" ")).isNull();
        assertThatThrownBy(() -> ImportEntity.named("cats")).isInstanceOf(ImportRefusal.class);
    }
}
