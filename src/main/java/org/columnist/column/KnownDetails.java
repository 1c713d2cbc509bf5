package org.columnist.column;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the privacy check knows of one writer and looks for in a text: the parts of their name, the
 * employer their address's domain names, and what their signature says, each with the words a
 * finding uses for it.
 */
record KnownDetails(List<Detail> details, List<String> phones) {
  /** One detail: what a finding calls it, and every spelling of it. */
  record Detail(String kind, Pattern spellings) {}

  static final String SIGNATURE_PHONE = "a phone number from the signature";

  static KnownDetails of(PrivacyCheck.Writer writer) {
    List<Detail> details = new ArrayList<>();
    List<String> fromName = nameParts(writer.name(), writer.address());
    for (String part : fromName) {
      details.add(new Detail("the reader's name", Spellings.words(part)));
    }
    Employer.label(writer.address())
        .ifPresent(l -> details.add(new Detail("the reader's employer", Employer.spellings(l))));
    List<String> phones = new ArrayList<>();
    for (SignatureReading.Said said : SignatureReading.read(writer.signature())) {
      switch (said.kind()) {
        case NAME -> {
          for (String part : nameParts(said.text(), null)) {
            if (fromName.stream().noneMatch(part::equalsIgnoreCase)) {
              details.add(
                  new Detail("the reader's name from their signature", Spellings.words(part)));
            }
          }
        }
        case JOB -> details.add(signed("the reader's job title from their signature", said));
        case COMPANY -> details.add(signed("the reader's company from their signature", said));
        case OTHER -> details.add(signed("a detail from the reader's signature", said));
        case PHONE -> phones.add(said.text());
      }
    }
    return new KnownDetails(List.copyOf(details), List.copyOf(phones));
  }

  /** Whether a phone number's digits are one the signature gives (with or without its prefix). */
  boolean signedPhone(String digits) {
    return phones.stream()
        .anyMatch(
            p -> {
              String shorter = p.length() <= digits.length() ? p : digits;
              String longer = p.length() <= digits.length() ? digits : p;
              return shorter.length() >= 7 && longer.endsWith(shorter);
            });
  }

  private static Detail signed(String kind, SignatureReading.Said said) {
    return new Detail(kind, Spellings.words(said.text()));
  }

  /** Name parts worth looking for: from the name, else from the address's local part. */
  static List<String> nameParts(String name, String address) {
    List<String> parts = new ArrayList<>();
    String source =
        name != null && !name.isBlank()
            ? name
            : address == null ? "" : address.replaceAll("@.*", "");
    for (String part : source.split("[\\s,._\"'()<>+-]+")) {
      if (part.length() >= 3
          && part.chars().anyMatch(Character::isLetter)
          && parts.stream().noneMatch(part::equalsIgnoreCase)) {
        parts.add(part);
      }
    }
    return parts;
  }
}
