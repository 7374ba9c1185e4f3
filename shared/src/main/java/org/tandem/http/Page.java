package org.tandem.http;

import java.util.List;

/** One page of a list: {@code {"items": [...], "nextCursor": "..."|null}}. */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
