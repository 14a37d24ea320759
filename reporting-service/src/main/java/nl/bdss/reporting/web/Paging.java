package nl.bdss.reporting.web;

import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;

/** Checks of the query parameters shared by the read endpoints; a bad one is a 400 naming the parameter. */
public final class Paging {

    /** The largest page a client can ask for; the CSV exports give the whole list. */
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static int year(int year) {
        if (year < 2000 || year > 2200) {
            throw invalid("year", "a calendar year between 2000 and 2200, was " + year);
        }
        return year;
    }

    public static int page(int page) {
        if (page < 0) {
            throw invalid("page", "0 or more, was " + page);
        }
        return page;
    }

    public static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "between 1 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    /** The row offset of a page. */
    public static long offset(int page, int size) {
        return (long) page(page) * size(size);
    }

    static ProblemException invalid(String parameter, String rule) {
        return new ProblemException(Problem.invalidRequest(parameter, parameter + ": " + rule));
    }
}
