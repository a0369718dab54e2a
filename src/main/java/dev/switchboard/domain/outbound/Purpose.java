package dev.switchboard.domain.outbound;

/**
 * Why a campaign calls. Consent is given per purpose: a customer who agreed to service calls (about
 * an order, an appointment) has not agreed to marketing calls.
 */
public enum Purpose { MARKETING, SERVICE }
