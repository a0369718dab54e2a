package dev.switchboard.domain;

/** An internal note is for colleagues; a reply records what the customer was told. */
public enum NoteVisibility { INTERNAL, REPLY }
