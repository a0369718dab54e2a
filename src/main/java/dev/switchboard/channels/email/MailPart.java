package dev.switchboard.channels.email;

import java.util.Arrays;
import java.util.Objects;

/**
 * An attachment or an inline image of a mail. {@code contentType} is the bare type in lower case
 * ({@code image/png}); {@code contentId} has no angle brackets and is null when the part has none;
 * {@code inline} parts are meant to be shown inside the body rather than offered as files.
 */
public record MailPart(String filename, String contentType, byte[] data, String contentId, boolean inline) {
    public MailPart {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        data = data == null ? new byte[0] : data;
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailPart p && filename.equals(p.filename) && contentType.equals(p.contentType)
                && Arrays.equals(data, p.data) && Objects.equals(contentId, p.contentId) && inline == p.inline;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, contentType, Arrays.hashCode(data), contentId, inline);
    }

    /** Names the part without dumping its bytes. */
    @Override
    public String toString() {
        return "MailPart[" + filename + ", " + contentType + ", " + data.length + " bytes"
                + (contentId == null ? "" : ", cid " + contentId) + (inline ? ", inline" : "") + "]";
    }
}
