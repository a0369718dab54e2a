package dev.switchboard.api;

/** E-mail a chat's transcript to the visitor ({@code to} defaults to the e-mail they gave). */
public record TranscriptRequest(String clientKey, String to) {
}
