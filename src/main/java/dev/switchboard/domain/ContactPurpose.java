package dev.switchboard.domain;

/**
 * Why a customer is contacted. Without an answer on record, SERVICE (about their own contacts and
 * tickets) is allowed and MARKETING and SURVEY are not.
 */
public enum ContactPurpose {
    SERVICE, MARKETING, SURVEY;

    public boolean allowedUnlessAsked() {
        return this == SERVICE;
    }
}
