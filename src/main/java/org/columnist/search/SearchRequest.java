package org.columnist.search;

/**
 * What a visitor asked for. {@code query} uses visitor syntax: words, "phrases", -exclusions and
 * OR; blank lists every column. Filters are null when unused; {@code page} is 1-based.
 */
public record SearchRequest(
    String query, String tag, String industry, Integer year, boolean byDate, int page) {
  public static final int MAX_QUERY = 500;
  public static final int PAGE_SIZE = 10;

  public SearchRequest {
    query = query == null ? "" : query;
    page = Math.max(1, page);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, false, 1);
  }
}
