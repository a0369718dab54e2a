package dev.switchboard.desktop.wrapup;

/** What wrap-up does with a ticket: nothing, update one of the customer's open tickets, or open a new one. */
public enum TicketMode { NONE, UPDATE, NEW }
