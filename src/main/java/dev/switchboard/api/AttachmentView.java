package dev.switchboard.api;

/**
 * A file that came with or went with a message; its bytes are at {@code GET /api/v1/attachments/{id}}.
 * {@code inline} parts are images shown inside an e-mail's HTML.
 */
public record AttachmentView(long id, String filename, String contentType, long size, boolean inline) {
}
