package dev.switchboard.api;

/** The label of a reason code or disposition an administrator adds or relabels. */
public record CodeRequest(String label) {
}
