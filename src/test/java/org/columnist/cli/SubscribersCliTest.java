package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.config.TestConfig.aConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.columnist.config.Config;
import org.columnist.newsletter.Roster;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coach's subscriber verbs, as a script or a coach would run them. */
class SubscribersCliTest {
  @TempDir Path dir;
  String config;

  @BeforeEach
  void setUp() {
    config = aConfig().writeTo(dir).toString();
  }

  CliTest.Result run(String... args) {
    return CliTest.columnistWith(config, args);
  }

  Wiring wiring() {
    return new Wiring(Config.load(Path.of(config), java.util.Map.of()));
  }

  List<Roster.Event> history(String address) {
    Wiring w = wiring();
    var subscribers = w.subscribers();
    long id = w.store.inTransaction(db -> subscribers.find(db, address).orElseThrow().id());
    return w.roster().history(id);
  }

  @Test
  void addedAddressesArePendingAndListedMaskedUnlessRevealed() throws Exception {
    assertThat(run("subscribers", "add", "mary@example.com").out())
        .contains("Added mary@example.com as pending: a confirmation mail is queued.");
    assertThat(run("subscribers", "add", "MARY@example.com").out())
        .contains("is pending; a confirmation went less than a day ago");
    assertThat(wiring().outbox().list())
        .extracting(e -> e.kind() + " " + e.to())
        .containsExactly("confirm mary@example.com");

    String list = run("subscribers", "list").out();
    assertThat(list).contains("m***@e******.com").contains("pending").contains("cli");
    assertThat(list).doesNotContain("mary@example.com");
    assertThat(run("subscribers", "list", "--reveal").out()).contains("mary@example.com");

    JsonNode json = new ObjectMapper().readTree(run("subscribers", "list", "--json").out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("address").asText()).isEqualTo("m***@e******.com");
    assertThat(json.get(0).get("state").asText()).isEqualTo("pending");
    assertThat(run("subscribers", "list", "--state", "confirmed").out())
        .contains("No confirmed subscribers.");
  }

  @Test
  void addRefusesWhatIsNotAnAddress() {
    CliTest.Result bad = run("subscribers", "add", "Mary Reader");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("is not an e-mail address");
    // The form's strict rule: what the mail library would refuse to send to is refused here too.
    for (String unsendable : List.of("a:b@x.com", "a[b]@x.com", "a\u0007b@x.com")) {
      CliTest.Result refused = run("subscribers", "add", unsendable);
      assertThat(refused.exit()).as(unsendable).isEqualTo(1);
      assertThat(refused.err()).contains("is not an e-mail address");
    }
    assertThat(run("subscribers", "list", "--state", "nonsense").exit()).isEqualTo(2);
  }

  @Test
  void removeUnsubscribesAndOnlyTheReaderBringsAnUnsubscribedAddressBack() {
    run("subscribers", "add", "mary@example.com");
    assertThat(run("subscribers", "remove", "mary@example.com").out()).contains("Unsubscribed");
    assertThat(run("subscribers", "remove", "mary@example.com").exit()).isEqualTo(1);
    assertThat(run("subscribers", "list", "--state", "unsubscribed").out()).contains("m***@");

    CliTest.Result noReason = run("subscribers", "reactivate", "mary@example.com");
    assertThat(noReason.exit()).isEqualTo(1);
    assertThat(noReason.err()).contains("needs --reason");
    CliTest.Result refused =
        run("subscribers", "reactivate", "mary@example.com", "--reason", "asked by phone");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("only its reader brings it back")
        .contains("'columnist subscribers add mary@example.com' mails a confirmation link");
    assertThat(history("mary@example.com"))
        .extracting(Roster.Event::event, Roster.Event::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("asked", "cli"),
            org.assertj.core.groups.Tuple.tuple("confirmation sent", null),
            org.assertj.core.groups.Tuple.tuple("unsubscribed", "coach"));
  }

  @Test
  void aSuppressionsReasonShowsNoAddressUnlessRevealed() throws Exception {
    run("subscribers", "add", "bob@example.com");
    Wiring w = wiring();
    var subscribers = w.subscribers();
    w.store.inTransaction(
        db ->
            subscribers.suppress(
                db, "bob@example.com", "relay refused: 550 5.1.1 <bob@example.com> unknown"));
    JsonNode json = new ObjectMapper().readTree(run("subscribers", "list", "--json").out());
    assertThat(json.get(0).get("why").asText())
        .isEqualTo("relay refused: 550 5.1.1 <b***@e******.com> unknown");
    assertThat(run("subscribers", "list", "--json", "--reveal").out())
        .contains("<bob@example.com> unknown");
  }

  @Test
  void reactivatingASuppressedAddressResetsItsSoftBounces() {
    run("subscribers", "add", "bob@example.com");
    Wiring w = wiring();
    var subscribers = w.subscribers();
    w.store.inTransaction(
        db -> {
          Sql.update(db, "UPDATE subscribers SET soft_bounces = 3");
          return subscribers.suppress(db, "bob@example.com", "three soft bounces");
        });
    assertThat(
            run("subscribers", "reactivate", "bob@example.com", "--reason", "mailbox fixed").out())
        .contains("confirmed again");
    var bob = w.store.inTransaction(db -> subscribers.find(db, "bob@example.com").orElseThrow());
    assertThat(bob.state().id()).isEqualTo("confirmed");
    assertThat(bob.softBounces()).isZero();
    assertThat(history("bob@example.com"))
        .extracting(Roster.Event::event, Roster.Event::detail)
        .endsWith(org.assertj.core.groups.Tuple.tuple("reactivated", "mailbox fixed"));
    CliTest.Result again = run("subscribers", "reactivate", "bob@example.com", "--reason", "x");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("is confirmed");
    assertThat(bob.suppressedReason()).isNull();
  }

  @Test
  void exportPrintsEveryAddressInFullAsCsv() {
    run("subscribers", "add", "mary@example.com");
    run("subscribers", "add", "bob@example.com");
    run("subscribers", "remove", "bob@example.com");
    String all = run("subscribers", "export").out();
    assertThat(all.split("\r\n"))
        .hasSize(3)
        .startsWith("address,state,source,created_at,confirmed_at");
    assertThat(all).contains("mary@example.com,pending,cli,").contains("bob@example.com");
    assertThat(run("subscribers", "export", "--state", "pending").out())
        .contains("mary@example.com")
        .doesNotContain("bob@");
  }

  @Test
  void importFindsTheEmailColumnSkipsBadLinesAndNeverRevivesAnyone() throws Exception {
    run("subscribers", "add", "gone@example.com");
    run("subscribers", "remove", "gone@example.com");
    Path csv = dir.resolve("mailchimp.csv");
    Files.writeString(
        csv,
        "\uFEFFFirst Name,\"Email Address\",Notes\r\n"
            + "Ann,ann@example.com,\"likes lists, and commas\"\r\n"
            + "Bob,not an address,\r\n"
            + "Cy,\"cy@example.org\",\"two\r\nlines\"\r\n"
            + "Ann again,ANN@example.com,duplicate\r\n"
            + "Gone,gone@example.com,unsubscribed before\r\n"
            + "Dee,dee@example.net,last\r\n"
            + "Eve,a:b@example.net,unsendable\r\n",
        StandardCharsets.UTF_8);

    CliTest.Result imported = run("subscribers", "import", csv.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("3 added, 2 already there (left as they were), 2 invalid")
        .contains("pending and were sent nothing")
        .contains("confirmation mail")
        .doesNotContain("import again");
    assertThat(imported.err())
        .contains("mailchimp.csv:3: 'not an address' is not an address")
        .contains("'a:b@example.net' is not an address");

    String export = run("subscribers", "export").out();
    assertThat(export)
        .contains("ann@example.com,pending,import,")
        .contains("cy@example.org,pending,import,")
        .contains("dee@example.net,pending,import,")
        .contains("gone@example.com,unsubscribed,cli,");
    Wiring w = wiring();
    int queued =
        w.store.inTransaction(
            db ->
                Sql.one(
                        db,
                        "SELECT count(*) FROM outbox WHERE to_address <> 'gone@example.com'",
                        rs -> rs.getInt(1))
                    .orElseThrow());
    assertThat(queued).as("mail to the imported").isZero();
  }

  @Test
  void importAsConfirmedNeedsAReasonAndRecordsIt() throws Exception {
    Path csv = dir.resolve("plain.csv");
    Files.writeString(csv, "ann@example.com\nbob@example.com\n");
    CliTest.Result refused = run("subscribers", "import", csv.toString(), "--confirmed");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("--confirmed needs --reason");
    assertThat(run("subscribers", "list").out()).contains("No subscribers yet.");

    CliTest.Result imported =
        run(
            "subscribers",
            "import",
            csv.toString(),
            "--confirmed",
            "--reason",
            "double opt-in on Buttondown");
    assertThat(imported.out()).contains("2 added, 0 already there");
    assertThat(run("subscribers", "list", "--state", "confirmed").out()).contains("a***@");
    assertThat(history("bob@example.com"))
        .extracting(Roster.Event::detail)
        .containsExactly("imported as confirmed: double opt-in on Buttondown");
  }

  @Test
  void importOfALargeFileShowsProgress() throws Exception {
    StringBuilder csv = new StringBuilder("email\n");
    for (int i = 0; i < 2500; i++) {
      csv.append("reader").append(i).append("@example.com\n");
    }
    Path file = dir.resolve("big.csv");
    Files.writeString(file, csv);
    CliTest.Result imported = run("subscribers", "import", file.toString());
    assertThat(imported.out()).contains("2500 added");
    assertThat(imported.err()).contains("1,000 lines read").contains("2,000 lines read");
  }
}
