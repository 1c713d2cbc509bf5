package org.columnist.queue;

/** One saved version of a column's draft, as archive-file text. */
public record Draft(int version, String text, String savedBy, String savedAt) {}
