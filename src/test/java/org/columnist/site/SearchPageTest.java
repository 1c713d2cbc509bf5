package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.columnist.search.Hit;
import org.columnist.search.Results;
import org.columnist.search.SearchRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPageTest {
  private static final String PATH = "2025/03/leading-the-team-you-used-to-be-part-of/";

  @TempDir Path dir;

  @Test
  void aHitShowsItsDateAndLinkAsTheColumnPageAndListsDo() {
    SiteFixture fx = new SiteFixture(dir);
    fx.builder().build(false);
    Hit hit =
        new Hit(
            "leading-the-team-you-used-to-be-part-of",
            "Leading the team you used to be part of",
            PATH,
            "2025-03-10",
            "Managing former peers",
            List.of(),
            "a snippet");
    Results results = new Results("team", null, null, 1, 1, 1, List.of(hit), Map.of());

    String search = new SearchPage(fx.config).render(SearchRequest.of("team"), results, null);

    String shown = Jsoup.parse(search).select("main time[datetime=2025-03-10]").first().text();
    assertThat(shown).isEqualTo("March 10, 2025");
    assertThat(Jsoup.parse(fx.read(PATH + "index.html")).select("time[datetime=2025-03-10]").text())
        .isEqualTo(shown);
    assertThat(Jsoup.parse(fx.read("index.html")).select("time[datetime=2025-03-10]").text())
        .isEqualTo(shown);
    assertThat(Jsoup.parse(search).select("main a[href=/" + PATH + "]")).isNotEmpty();
  }
}
