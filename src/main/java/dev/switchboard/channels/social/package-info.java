/**
 * The social channel: customers writing on Messenger or WhatsApp. The platform posts signed
 * webhooks ({@link dev.switchboard.channels.social.MetaWebhooks}), which become
 * {@link dev.switchboard.channels.social.SocialMessage}s and
 * {@link dev.switchboard.channels.social.SocialStatus}es for the server; agents' replies go back
 * through the platform's send API ({@link dev.switchboard.channels.social.MetaSendApi}).
 */
package dev.switchboard.channels.social;
