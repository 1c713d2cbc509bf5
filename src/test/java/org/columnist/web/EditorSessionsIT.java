package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.columnist.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions end with their account, and text sent after one ran out comes back only to it. */
class EditorSessionsIT {
  @RegisterExtension final EditorInstance instance = new EditorInstance();

  static Map<String, String> typed(String csrf, String answer) {
    Map<String, String> form = new HashMap<>(EditorFormsIT.draft("answer", answer));
    form.put("title", "Typed while away");
    if (csrf != null) {
      form.put("csrf", csrf);
    }
    return form;
  }

  /** Where the editor sends {@code r} to log in, or "" when it does not. */
  static String next(HttpResponse<String> r) {
    return URLDecoder.decode(
        r.headers().firstValue("location").orElse("").replace("/login?next=", ""),
        StandardCharsets.UTF_8);
  }

  /** Logs {@code name} in with {@code next} and returns the draft page it lands on. */
  String loginAndOpen(HttpClient http, String name, String password, String next) throws Exception {
    HttpResponse<String> login =
        instance.send(
            http, "POST", "/login", Map.of("name", name, "password", password, "next", next));
    assertThat(login.statusCode()).isEqualTo(302);
    return instance.send(http, "GET", next.isEmpty() ? "/drafts/1" : next, Map.of()).body();
  }

  /** The database as `columnist user` opens it: a connection of its own, not the editor's. */
  Store otherProcess() {
    return Store.open(instance.config.paths().data().resolve("columnist.db"));
  }

  /** The CSRF token of {@code http}'s session, which then runs out while the coach types. */
  String tokenOfASessionThatRunsOut(HttpClient http) throws Exception {
    String csrf = instance.csrf(http);
    instance.clock.advance(Sessions.IDLE.plusMinutes(1));
    return csrf;
  }

  @Test
  void aDraftPostWithoutASessionPlantsNothing() throws Exception {
    HttpClient coach = instance.loggedIn(); // logged in, but a cross-site post carries no cookie
    HttpResponse<String> planted =
        instance.send(EditorInstance.client(), "POST", "/drafts/1", typed(null, "Planted text."));
    assertThat(planted.statusCode()).isEqualTo(401);
    assertThat(planted.body()).contains("could not be kept");
    String page = loginAndOpen(coach, "pat", EditorInstance.PASSWORD, next(planted));
    assertThat(page).doesNotContain("Planted text.").doesNotContain("Your unsaved text is back");
  }

  @Test
  void aRescueNeedsTheCookieAndTheTokenOfTheSessionThatRanOut() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = tokenOfASessionThatRunsOut(http);
    HttpResponse<String> forged =
        instance.send(http, "POST", "/drafts/1", typed("guess", "Forged text."));
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> lost =
        instance.send(http, "POST", "/drafts/1", typed(csrf, "Words not to lose."));
    assertThat(lost.statusCode()).isEqualTo(302);
    assertThat(next(lost)).startsWith("/drafts/1?rescue=");
    String page = loginAndOpen(http, "pat", EditorInstance.PASSWORD, next(lost));
    assertThat(page)
        .contains("Your unsaved text is back")
        .contains("Words not to lose.")
        .doesNotContain("Forged text.");
  }

  @Test
  void aRescueIsOfferedOnlyToTheSameUserOnTheSameDraftAndOnlyOnce() throws Exception {
    instance.accounts.add("lee", "another good password".toCharArray());
    HttpClient pat = instance.loggedIn();
    String csrf = tokenOfASessionThatRunsOut(pat);
    String next = next(instance.send(pat, "POST", "/drafts/1", typed(csrf, "Words of pat.")));
    assertThat(next).startsWith("/drafts/1?rescue=");
    HttpClient lee = EditorInstance.client();
    assertThat(loginAndOpen(lee, "lee", "another good password", next))
        .doesNotContain("Words of pat.");
    assertThat(loginAndOpen(pat, "pat", EditorInstance.PASSWORD, next)).contains("Words of pat.");
    assertThat(instance.send(pat, "GET", next, Map.of()).body()).doesNotContain("Words of pat.");
  }

  @Test
  void aRescueLastsHalfAnHourAndSoDoesTheSessionThatLeavesIt() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = tokenOfASessionThatRunsOut(http);
    String next = next(instance.send(http, "POST", "/drafts/1", typed(csrf, "Old words.")));
    instance.clock.advance(Rescues.MAX_AGE.plusMinutes(1));
    HttpResponse<String> tooLate =
        instance.send(http, "POST", "/drafts/1", typed(csrf, "Later words."));
    assertThat(tooLate.statusCode()).isEqualTo(401);
    assertThat(loginAndOpen(http, "pat", EditorInstance.PASSWORD, next))
        .doesNotContain("Old words.")
        .doesNotContain("Later words.");
  }

  @Test
  void aRescueLargerThanTheDraftFormTakesIsRefused() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = tokenOfASessionThatRunsOut(http);
    HttpResponse<String> big =
        instance.send(http, "POST", "/drafts/1", typed(csrf, "x".repeat(DraftForm.SECTION + 1)));
    assertThat(big.statusCode()).isEqualTo(401);
  }

  @Test
  void removingTheAccountInAnotherProcessEndsItsSession() throws Exception {
    HttpClient http = instance.loggedIn();
    assertThat(instance.send(http, "GET", "/", Map.of()).statusCode()).isEqualTo(200);
    new Accounts(otherProcess(), Clock.systemUTC()).remove("pat");
    HttpResponse<String> after = instance.send(http, "GET", "/", Map.of());
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("location").orElse("")).startsWith("/login");
  }

  @Test
  void changingThePasswordInAnotherProcessEndsItsSessionsAndTheirRescues() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = instance.csrf(http);
    new Accounts(otherProcess(), Clock.systemUTC())
        .changePassword("pat", "a new long password".toCharArray());
    assertThat(instance.send(http, "GET", "/", Map.of()).statusCode()).isEqualTo(302);
    HttpResponse<String> rescue =
        instance.send(http, "POST", "/drafts/1", typed(csrf, "From a stolen cookie."));
    assertThat(rescue.statusCode()).isEqualTo(401);
    assertThat(
            instance
                .send(instance.loggedInAs("pat", "a new long password"), "GET", "/", Map.of())
                .statusCode())
        .isEqualTo(200);
  }
}
