package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndChineseText() {
        var rows = Csv.read("t.csv", new StringReader("name,note\r\n\"东湾村, 一组\",\"他说 \"\"好\"\"\"\r\n"),
                List.of("name", "note"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name")).isEqualTo("东湾村, 一组");
        assertThat(rows.get(0).get("note")).isEqualTo("他说 \"好\"");
    }

    @Test
    void writtenLinesReadBackUnchanged() {
        String text = Csv.line("a", "b") + Csv.line("x,y", "say \"hi\"");
        var rows = Csv.read("t.csv", new StringReader(text), List.of("a", "b"));
        assertThat(rows.get(0).get("a")).isEqualTo("x,y");
        assertThat(rows.get(0).get("b")).isEqualTo("say \"hi\"");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsFileAndLine() {
        assertThatThrownBy(() -> Csv.read("organisations.csv", new StringReader("a,b\n1,2\n3\n"), List.of("a", "b")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("organisations.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("expected 2 fields, found 1");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> Csv.read("leaders.csv", new StringReader("id,name\n1,x\n"), List.of("id", "phone")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("header lacks column phone");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.read("t.csv", new StringReader("a\n\"open\n"), List.of("a")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("unclosed quote");
    }
}
