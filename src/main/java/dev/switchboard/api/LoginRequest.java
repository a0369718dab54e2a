package dev.switchboard.api;

public record LoginRequest(String username, String password) {
}
