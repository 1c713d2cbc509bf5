package org.columnist.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param shownFor the query the results are for, when spelling corrections replaced the visitor's
 *     (else null)
 * @param didYouMean a better-spelled query to suggest, when few results came back (else null)
 * @param facets counts per topic ("tags"), industry and year over all matching columns
 */
public record Results(
    String query,
    String shownFor,
    String didYouMean,
    long total,
    int page,
    int pages,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets) {

  /** How many matching columns have {@code value}. */
  public record FacetCount(String value, int count) {}
}
