/**
 * The real protocols contacts arrive on: voice over SIP, e-mail over IMAP/SMTP, web chat over a
 * WebSocket, social webhooks. Each hands the server an ingest request. (Built with the channel work.)
 */
package dev.switchboard.channels;
