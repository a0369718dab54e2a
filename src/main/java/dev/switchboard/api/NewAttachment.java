package dev.switchboard.api;

/** A file an agent attaches to a reply: its name, type, and bytes in base64. */
public record NewAttachment(String filename, String contentType, String data) {
}
