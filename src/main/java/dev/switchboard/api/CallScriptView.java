package dev.switchboard.api;

/**
 * The script of a queue or a campaign: {@code body} one step per line ("Greet: ..."), with the
 * contact's placeholders filled in when read for a contact; {@code forName} the queue's or campaign's name.
 */
public record CallScriptView(long id, String title, String body, Long queueId, Long campaignId, String forName) {
}
