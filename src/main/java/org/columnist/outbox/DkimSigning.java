package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.columnist.ColumnistException;
import org.columnist.config.NewsletterSettings;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * DKIM signing (RFC 6376) of outgoing mail with the instance's own RSA key, for a relay that does
 * not sign. The key is read when the outbox is built, so a missing or broken key file stops the
 * start, not the first send.
 */
final class DkimSigning {
  /**
   * Signed besides the library's defaults. RFC 8058 §3: List-Unsubscribe and List-Unsubscribe-Post
   * must be covered by a valid DKIM signature for one-click unsubscription to be honoured.
   */
  private static final String[] SIGNED = {
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "List-Id"
  };

  private final DkimSigner signer;

  private DkimSigning(DkimSigner signer) {
    this.signer = signer;
  }

  /** The signing {@code dkim} asks for, or null when it is null. */
  static DkimSigning of(NewsletterSettings.Dkim dkim) {
    if (dkim == null) {
      return null;
    }
    try {
      DkimSigner signer = new DkimSigner(dkim.domain(), dkim.selector(), key(dkim));
      signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
      signer.setHeaderCanonicalization(Canonicalization.RELAXED);
      signer.setBodyCanonicalization(Canonicalization.RELAXED);
      signer.setCheckDomainKey(false); // no DNS lookup at start: the coach may publish it later
      for (String header : SIGNED) {
        signer.addHeaderToSign(header);
      }
      return new DkimSigning(signer);
    } catch (RuntimeException | GeneralSecurityException e) {
      throw new ColumnistException(
          "newsletter.dkim.private_key_file "
              + dkim.privateKeyFile()
              + " is not an RSA private key in PKCS#8 (DER, or PEM 'BEGIN PRIVATE KEY'): "
              + e.getMessage());
    }
  }

  private static RSAPrivateKey key(NewsletterSettings.Dkim dkim) throws GeneralSecurityException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dkim.privateKeyFile());
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot read newsletter.dkim.private_key_file "
              + dkim.privateKeyFile()
              + " ("
              + e.getMessage()
              + "): make the key with 'openssl genpkey -algorithm RSA -out dkim.pem'");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN")) {
      if (!text.contains("BEGIN PRIVATE KEY")) {
        throw new GeneralSecurityException("PEM must hold 'BEGIN PRIVATE KEY' (PKCS#8)");
      }
      String body = text.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
      bytes = Base64.getDecoder().decode(body);
    }
    return (RSAPrivateKey)
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
  }

  /** {@code message} signed as it is written to the relay, with the same envelope sender. */
  MimeMessage sign(SMTPMessage message) throws MessagingException {
    DkimMessage signed = new DkimMessage(message, signer);
    signed.setEnvelopeFrom(message.getEnvelopeFrom());
    return signed;
  }
}
