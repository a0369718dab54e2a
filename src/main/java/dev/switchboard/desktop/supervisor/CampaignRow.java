package dev.switchboard.desktop.supervisor;

/**
 * One campaign as its row in the supervisor's Campaigns tab shows it: every text already in words,
 * the numbers the columns sort by beside them.
 *
 * @param id            the campaign's id, which the selection follows across refreshes
 * @param modeNote      the server's note on who dials the campaign and how ("" when it sent none)
 * @param active        records are being handed out; false when paused
 * @param progress      share of the list worked through, 0 to 1: (closed + blocked) ÷ records
 * @param progressText  "35 %", or "—" for an empty list
 * @param progressTip   what the share is made of, in words
 * @param abandonRate   abandoned ÷ (connected + abandoned), 0 to 1; null until a call was answered
 * @param abandonText   "1.2 % (limit 3 %)", or "—"
 * @param abandonLevel  the rate against the campaign's limit: its colour
 * @param abandonTip    how the rate is computed, with the counts and the limits
 */
public record CampaignRow(long id, String name, String mode, String modeNote, boolean active, String state,
                          double progress, String progressText, String progressTip, int attempted, int connected,
                          Double abandonRate, String abandonText, Level abandonLevel, String abandonTip,
                          int remaining, int blocked) {
}
