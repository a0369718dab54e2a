package dev.switchboard.domain;

/**
 * How to answer a text interaction. {@code platform}: EMAIL, CHAT, MESSENGER or WHATSAPP;
 * {@code remoteId}: the customer's e-mail address, the chat's conversation, the platform's sender
 * id; {@code ourAddress}: the support mailbox that received an e-mail. Chat visitors give a name,
 * maybe an e-mail, and are on some page of the site.
 */
public record Conversation(long interactionId, String platform, String remoteId, String ourAddress,
                           String visitorName, String visitorEmail, String page) {
    public static final String EMAIL = "EMAIL";
    public static final String CHAT = "CHAT";

    public Conversation {
        ourAddress = ourAddress == null ? "" : ourAddress;
        visitorName = visitorName == null ? "" : visitorName;
        visitorEmail = visitorEmail == null ? "" : visitorEmail;
        page = page == null ? "" : page;
    }
}
