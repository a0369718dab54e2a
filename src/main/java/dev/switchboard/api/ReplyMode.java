package dev.switchboard.api;

/** How an e-mail answer is addressed: to the sender, to everyone on the thread, or forwarded to others. */
public enum ReplyMode { REPLY, REPLY_ALL, FORWARD }
