package dev.switchboard.api;

/** The password the agent's SIP phone registers with (digest authentication, realm "switchboard"). */
public record PhonePasswordRequest(String password) {
}
