package dev.switchboard.api;

import java.math.BigDecimal;
import java.util.List;

/** What the card header and search results show of a customer. */
public record CustomerSummary(long id, String displayName, String company, String segment,
                              BigDecimal lifetimeValue, AddressView address,
                              List<ContactPointView> contactPoints) {
}
