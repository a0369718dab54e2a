package dev.switchboard.api;

import java.util.List;

/** Numbers listed: the E.164 keys they were listed under, how many were new and how many were listed already. */
public record OutboundDncAddedView(List<String> numbers, int added, int alreadyListed) {
}
