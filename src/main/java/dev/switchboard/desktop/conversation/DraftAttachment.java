package dev.switchboard.desktop.conversation;

/** A file attached to the answer being written: read when attached, sent with the answer. */
public record DraftAttachment(String name, long size, String sizeText, String contentType, byte[] data) {
}
