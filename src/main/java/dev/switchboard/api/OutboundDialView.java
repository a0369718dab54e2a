package dev.switchboard.api;

/** A record dialled: the record as it stands and the call placed, as click-to-dial answers it. */
public record OutboundDialView(OutboundRecordView record, ScreenPop call) {
}
