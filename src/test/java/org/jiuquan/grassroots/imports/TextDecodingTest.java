package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    static final String TEXT = "代码,名称\n620902100201,新西村\n";

    @Test
    void utf8WithAndWithoutMarkGbkAndUtf16AllDecodeToTheSameText() {
        assertThat(TextDecoding.decode("a.csv", TEXT.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(TEXT);
        byte[] bom = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.decode("a.csv", bom).text()).isEqualTo(TEXT);
        TextDecoding.Decoded gbk = TextDecoding.decode("a.csv", TEXT.getBytes(Charset.forName("GBK")));
        assertThat(gbk.text()).isEqualTo(TEXT);
        assertThat(gbk.encoding()).isEqualTo("GB18030");
        assertThat(TextDecoding.decode("a.csv", ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE)).text())
                .isEqualTo(TEXT);
    }

    @Test
    void bytesValidInNoEncodingAreRefusedNotGarbled() {
        assertThatThrownBy(() -> TextDecoding.decode("latin1.csv", "Caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.unknown-encoding");
        assertThatThrownBy(() -> TextDecoding.decode("u16.csv", TEXT.getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.utf16-without-bom");
        assertThatThrownBy(() -> TextDecoding.decode("garbled.csv", "南沟\uFFFD村".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.replacement-characters");
    }
}
