package org.jiuquan.grassroots.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a text file's bytes into text without ever garbling it. Excel in China saves "CSV" in GBK (read
 * as GB18030, its superset); newer tools write UTF-8, with or without a byte-order mark; some write
 * UTF-16 with a mark. Each is decoded strictly: bytes that are valid in none of them refuse the file,
 * naming the encodings tried, rather than turning names into replacement characters.
 */
final class TextDecoding {

    static final Charset GB18030 = Charset.forName("GB18030");

    record Decoded(String text, String encoding) {
    }

    private TextDecoding() {
    }

    static Decoded decode(String file, byte[] bytes) {
        Decoded decoded = detect(file, bytes);
        // A file that already holds replacement characters was garbled before it reached us.
        if (decoded.text().indexOf('\uFFFD') >= 0) {
            throw ImportRefusal.badFile("import.replacement-characters", file, decoded.encoding());
        }
        return decoded;
    }

    private static Decoded detect(String file, byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(file, bytes, 3, StandardCharsets.UTF_8, "UTF-8"), "UTF-8");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(file, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16"), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(file, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16"), "UTF-16BE");
        }
        if (looksLikeUtf16WithoutMark(bytes)) {
            throw ImportRefusal.badFile("import.utf16-without-bom", file);
        }
        try {
            return new Decoded(decoder(StandardCharsets.UTF_8, bytes, 0), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Decoded(decoder(GB18030, bytes, 0), "GB18030");
            } catch (CharacterCodingException notGb) {
                throw ImportRefusal.badFile("import.unknown-encoding", file);
            }
        }
    }

    private static String strict(String file, byte[] bytes, int skip, Charset charset, String name) {
        try {
            return decoder(charset, bytes, skip);
        } catch (CharacterCodingException e) {
            throw ImportRefusal.badFile("import.bad-encoding", file, name);
        }
    }

    private static String decoder(Charset charset, byte[] bytes, int skip) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        return text;
    }

    /** Many zero bytes at odd or even places: UTF-16 text whose mark was dropped. */
    private static boolean looksLikeUtf16WithoutMark(byte[] bytes) {
        int n = Math.min(bytes.length, 400);
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                zeros++;
            }
        }
        return n >= 4 && zeros * 4 >= n;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
