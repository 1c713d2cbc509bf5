package org.columnist.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;

/**
 * An open connection to the mailbox readers write to, as intake needs it: list what is there, fetch
 * it in batches, and mark what has been taken in.
 */
sealed interface Mailbox extends AutoCloseable permits ImapMailbox, Pop3Mailbox {

  /** One message on the server: its UID (IMAP UID or POP3 UIDL) and its size in bytes. */
  record Handle(Message message, String uid, long size) {}

  /** The key of this mailbox in the store: protocol, user, host and folder. */
  String name();

  /** IMAP's UIDVALIDITY of the folder (0 for POP3): UIDs are only unique together with it. */
  long uidValidity();

  /** Every message in the folder, with UID and size but no content yet. */
  List<Handle> list() throws MessagingException;

  /** Fetches the content of {@code batch} in as few round trips as the protocol allows. */
  void prefetch(List<Handle> batch) throws MessagingException;

  /** Takes {@code done} out of the way: moved to the processed folder, or deleted, or left. */
  void markProcessed(List<Handle> done) throws MessagingException;

  /**
   * Waits up to {@code max} for new mail, or until {@code stop} says so; returns false when the
   * server cannot push.
   */
  boolean awaitNewMail(Duration max, java.util.function.BooleanSupplier stop)
      throws MessagingException;

  /** Ends {@link #awaitNewMail} early. */
  void wake();

  @Override
  void close();

  /** Handles for every message of {@code folder}, UIDs and sizes fetched in one command. */
  static List<Handle> handles(jakarta.mail.Folder folder, UidOf uidOf) throws MessagingException {
    Message[] messages =
        java.util.Arrays.stream(folder.getMessages())
            .filter(m -> !m.isExpunged())
            .toArray(Message[]::new);
    jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
    profile.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
    profile.add(jakarta.mail.FetchProfile.Item.SIZE);
    folder.fetch(messages, profile);
    List<Handle> handles = new java.util.ArrayList<>(messages.length);
    for (Message m : messages) {
      handles.add(new Handle(m, uidOf.uid(m), m.getSize()));
    }
    return handles;
  }

  /** How a protocol names a message for good: IMAP's UID or POP3's UIDL. */
  @FunctionalInterface
  interface UidOf {
    String uid(Message message) throws MessagingException;
  }

  /** The message exactly as the server holds it. */
  static byte[] raw(Handle handle) throws MessagingException, IOException {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(Math.max(handle.size(), 1024), 64 << 20));
    handle.message().writeTo(out);
    return out.toByteArray();
  }

  /** Only the header block: for a message too large to take in whole. */
  static byte[] headers(Handle handle) throws MessagingException {
    StringBuilder out = new StringBuilder();
    Enumeration<String> lines =
        ((jakarta.mail.internet.MimeMessage) handle.message()).getAllHeaderLines();
    while (lines.hasMoreElements()) {
      out.append(lines.nextElement()).append("\r\n");
    }
    return out.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
