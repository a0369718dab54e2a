package dev.switchboard.domain.outbound;

/**
 * Why the dialler did not dial a record. Each skip is written to the audit trail with its reason's
 * code (the constant's name) and message; the desktop shows a translated text for the constant.
 * Listed in the order {@link DialRules} checks them.
 */
public enum SkipReason {
    RECORD_CLOSED("the record is closed"),
    IN_WRAP_UP("the record's last call is still waiting for its disposition"),
    INVALID_NUMBER("the number is not a dialable phone number"),
    DNC_GLOBAL("the number is on the centre's do-not-call list"),
    DNC_CAMPAIGN("the number is on the campaign's do-not-call list"),
    NO_CONSENT("the contact has not consented to calls for this campaign's purpose"),
    REFUSED_ON_CARD("the customer said no to calls for this campaign's purpose, as recorded on their card"),
    MAX_ATTEMPTS_REACHED("the record has used all the attempts the campaign allows"),
    ZONE_UNKNOWN("the contact's time zone cannot be determined, so their calling hours cannot be checked"),
    NOT_YET_DUE("the record's next attempt is not due yet"),
    HOLIDAY("it is a campaign holiday in the contact's time zone"),
    OUTSIDE_CALLING_HOURS("it is outside the calling hours in the contact's time zone"),
    NO_CALLING_TIME("the contact's possible time zones share no calling time within the coming year");

    private final String message;

    SkipReason(String message) {
        this.message = message;
    }

    /** The audit text of the reason, without the details of one record. */
    public String message() {
        return message;
    }
}
