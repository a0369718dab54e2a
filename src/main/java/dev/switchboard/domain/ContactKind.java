package dev.switchboard.domain;

/** What a contact point is: a phone number, an e-mail address or a social handle. */
public enum ContactKind { PHONE, EMAIL, SOCIAL }
