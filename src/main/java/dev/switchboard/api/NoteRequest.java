package dev.switchboard.api;

public record NoteRequest(String body) {
}
