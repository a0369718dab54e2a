package dev.switchboard.domain.outbound.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of a CSV file to rows of fields, following RFC 4180: fields separated by the delimiter,
 * optionally quoted, a quote inside a quoted field written twice, line breaks (CRLF, LF or CR)
 * allowed inside quotes. The text must be UTF-8; a byte-order mark at the start is dropped.
 *
 * <p>A quote that breaks the rules (inside an unquoted field, or text after a closing quote) spoils
 * only its row, which is returned with the problem; a quote never closed swallows the rest of the
 * file, so the whole file is refused.
 */
final class CsvText {
    /** A row of fields, the file line it starts on, and what is wrong with its quoting, if anything. */
    record Row(int line, List<String> fields, String quoteProblem) {
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty() && quoteProblem == null;
        }
    }

    /** The file cannot be read at all. */
    static final class Unreadable extends Exception {
        final Refusal refusal;

        Unreadable(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }
    }

    private CsvText() {
    }

    static String decode(byte[] bytes) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new Unreadable(Refusal.NOT_UTF8, "the file is not UTF-8 text: byte " + offset + " (on line "
                    + lineAt(bytes, offset) + ") is not valid UTF-8; save the file as CSV UTF-8 and import it again");
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static List<Row> rows(String text, char delimiter) throws Unreadable {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean closed = false;   // the current field was quoted and its closing quote seen
        String problem = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                    closed = true;
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                closed = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(rowLine, List.copyOf(fields), problem));
                fields.clear();
                field.setLength(0);
                closed = false;
                problem = null;
                line++;
                rowLine = line;
            } else if (c == '"' && field.length() == 0 && !closed) {
                inQuotes = true;
                quoteLine = line;
            } else {
                if (problem == null && (closed || c == '"')) {
                    problem = closed ? "text after the closing quote of field " + (fields.size() + 1)
                            : "a quote inside unquoted field " + (fields.size() + 1) + "; quote the whole field";
                }
                field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new Unreadable(Refusal.UNTERMINATED_QUOTE, "the quoted field that starts on line " + quoteLine
                    + " is never closed, so the rest of the file cannot be read");
        }
        if (!fields.isEmpty() || field.length() > 0 || closed || problem != null) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields), problem));
        }
        return rows;
    }
}
