package nl.bdss.problem;

/** A refusal decided in a web adapter (a header, a query parameter, the caller's party), answered as its problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
