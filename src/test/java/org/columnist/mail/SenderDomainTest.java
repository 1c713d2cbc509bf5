package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.columnist.config.NewsletterSettings;
import org.columnist.mail.Doctor.Finding;
import org.columnist.mail.Doctor.Level;
import org.junit.jupiter.api.Test;

/** doctor's reading of the From domain's SPF, DMARC and DKIM records. */
class SenderDomainTest {
  static final NewsletterSettings.Dkim DKIM =
      new NewsletterSettings.Dkim("column.example", "news", Path.of("dkim.pem"));

  static List<Finding> check(Map<String, List<String>> zone, NewsletterSettings.Dkim dkim) {
    DnsTxt.Lookup lookup =
        name ->
            zone.containsKey(name) ? new DnsTxt.Records(zone.get(name)) : new DnsTxt.NoSuchName();
    return new SenderDomain(lookup).check("ask@Column.Example", dkim);
  }

  static Finding of(List<Finding> findings, String what) {
    return findings.stream().filter(f -> f.what().equals(what)).findFirst().orElseThrow();
  }

  @Test
  void aDomainWithAllThreeRecordsPasses() {
    List<Finding> findings =
        check(
            Map.of(
                "column.example",
                List.of("google-site-verification=x", "v=spf1 include:_spf.relay.example -all"),
                "_dmarc.column.example",
                List.of("v=DMARC1; p=none; rua=mailto:dmarc@column.example"),
                "news._domainkey.column.example",
                List.of("v=DKIM1; k=rsa; p=MIIBIjANBg")),
            DKIM);
    assertThat(findings).extracting(Finding::level).containsOnly(Level.OK);
    assertThat(of(findings, "spf").detail()).contains("include:_spf.relay.example");
    assertThat(of(findings, "dmarc").detail()).contains("p=none");
  }

  @Test
  void missingRecordsAreWarningsThatSayWhatToPublish() {
    List<Finding> findings = check(Map.of(), DKIM);
    assertThat(of(findings, "spf").level()).isEqualTo(Level.WARN);
    assertThat(of(findings, "spf").detail()).contains("no SPF record").contains("v=spf1");
    assertThat(of(findings, "dmarc").detail()).contains("no DMARC record").contains("p=none");
    assertThat(of(findings, "dkim").detail())
        .contains("news._domainkey.column.example has no DKIM public key");
  }

  @Test
  void twoSpfRecordsOrAPassAllAreWarned() {
    assertThat(
            of(
                    check(
                        Map.of("column.example", List.of("v=spf1 a -all", "v=spf1 mx -all")), DKIM),
                    "spf")
                .detail())
        .contains("2 SPF records");
    assertThat(of(check(Map.of("column.example", List.of("v=spf1 +all")), DKIM), "spf").detail())
        .contains("lets anyone send");
  }

  @Test
  void aDmarcRecordWithoutPolicyAndAnEmptyDkimKeyAreWarned() {
    List<Finding> findings =
        check(
            Map.of(
                "_dmarc.column.example", List.of("v=DMARC1; rua=mailto:x@column.example"),
                "news._domainkey.column.example", List.of("v=DKIM1; p=")),
            DKIM);
    assertThat(of(findings, "dmarc").detail()).contains("has no p= policy");
    assertThat(of(findings, "dkim").level()).isEqualTo(Level.WARN);
  }

  @Test
  void withoutDkimSettingsTheRelayMustSign() {
    Finding dkim = of(check(Map.of(), null), "dkim");
    assertThat(dkim.level()).isEqualTo(Level.INFO);
    assertThat(dkim.detail()).contains("the relay must sign with d=column.example");
  }

  @Test
  void aKeyForAnotherDomainIsNotAligned() {
    NewsletterSettings.Dkim other =
        new NewsletterSettings.Dkim("relay.example", "s1", Path.of("k.pem"));
    Finding dkim =
        of(check(Map.of("s1._domainkey.relay.example", List.of("v=DKIM1; p=abc")), other), "dkim");
    assertThat(dkim.detail()).contains("not aligned with column.example");
  }

  @Test
  void anUnreachableDnsServerIsSaidPlainlyAndNothingElseIsGuessed() {
    List<Finding> findings =
        new SenderDomain(DnsTxt.through("dns://127.0.0.1:1")).check("ask@column.example", DKIM);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).level()).isEqualTo(Level.UNKNOWN);
    assertThat(findings.get(0).detail())
        .contains("no DNS server answered (dns://127.0.0.1:1)")
        .contains("not checked");
  }
}
