package dev.switchboard.api;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactPurpose;

/** Records the customer's answer: whether they may be contacted on a channel for a purpose. */
public record PermissionRequest(Channel channel, ContactPurpose purpose, Boolean allowed) {
}
