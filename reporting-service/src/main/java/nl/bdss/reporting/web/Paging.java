package nl.bdss.reporting.web;

/** Checks of the query parameters shared by the read endpoints. */
public final class Paging {

    private Paging() {
    }

    public static int year(int year) {
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year: a calendar year between 2000 and 2200, was " + year);
        }
        return year;
    }

    public static int page(int page) {
        if (page < 0) {
            throw new IllegalArgumentException("page: 0 or more, was " + page);
        }
        return page;
    }

    /** The largest page a client can ask for; the CSV exports give the whole list. */
    public static final int MAX_SIZE = 500;

    public static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: between 1 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    /** The row offset of a page. */
    public static long offset(int page, int size) {
        return (long) page(page) * size(size);
    }
}
