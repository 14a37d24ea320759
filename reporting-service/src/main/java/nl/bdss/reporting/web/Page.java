package nl.bdss.reporting.web;

import java.util.List;

/** One page of a long list: the items, which page of what size, and how many items the whole list has. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
