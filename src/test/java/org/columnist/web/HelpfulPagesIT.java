package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.columnist.responses.Votes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The editor's "Helpful" page, over real HTTP. */
class HelpfulPagesIT {
  // Ties in yes and share are listed by slug.
  @RegisterExtension final EditorInstance instance = new EditorInstance();

  @Test
  void listsColumnsByHelpfulnessAndWhatWasMissingNewestFirstEscaped() throws Exception {
    Votes votes = new Votes(instance.store, instance.clock, instance.config.site().timeZone());
    votes.cast("the-nurse-manager-who-cannot-say-no", "198.51.100.2", true);
    votes.cast("leading-the-team-you-used-to-be-part-of", "198.51.100.2", false);
    instance.clock.advance(java.time.Duration.ofMinutes(1));
    votes.missing(
        "leading-the-team-you-used-to-be-part-of", "198.51.100.2", "<img src=x onerror=alert(1)>");

    HttpClient http = instance.loggedIn();
    HttpResponse<String> page = instance.send(http, "GET", "/helpful", Map.of());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<img src=x").contains("&lt;img src=x");
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select(".helpful-table tbody tr"))
        .extracting(tr -> tr.select("td").eachText())
        .containsExactly(
            java.util.List.of("the-nurse-manager-who-cannot-say-no", "2", "0", "100 %"),
            java.util.List.of("leading-the-team-you-used-to-be-part-of", "0", "1", "0 %"),
            java.util.List.of("when-a-colleague-takes-credit-for-your-work", "0", "1", "0 %"));
    assertThat(doc.select(".missing-list .text").eachText())
        .containsExactly("<img src=x onerror=alert(1)>", "More on credit");
    assertThat(doc.select("nav a").eachText()).contains("Helpful");
  }

  @Test
  void isOnlyForTheCoach() throws Exception {
    HttpResponse<String> page = instance.send(EditorInstance.client(), "GET", "/helpful", Map.of());

    assertThat(page.statusCode()).isEqualTo(302);
  }
}
