package org.columnist.outbox;

import java.util.List;

/**
 * One mail Columnist will send, before it is queued in the outbox.
 *
 * @param kind what it is for: ack, withdrawn, decline, published, newsletter…
 * @param inReplyTo the reader's Message-ID it answers, or null
 * @param references the thread's Message-IDs, for mail clients to keep the conversation
 * @param questionId the question it concerns, or null
 */
public record OutgoingMail(
    String kind,
    String to,
    String subject,
    String text,
    String html,
    String inReplyTo,
    List<String> references,
    Long questionId) {}
