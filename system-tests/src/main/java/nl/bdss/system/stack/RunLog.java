package nl.bdss.system.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the run prints, each line stamped with the seconds since the run started; faults are also kept for the summary. */
public final class RunLog {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final List<String> faults = new ArrayList<>();

    public RunLog(PrintStream out) {
        this.out = out;
    }

    /** A line as it is, without the time stamp (the seed line, which scripts and people grep for). */
    public synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    public void say(String format, Object... args) {
        line("      ", String.format(Locale.ROOT, format, args));
    }

    /** A fault as it happens: when and what. */
    public void fault(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        synchronized (faults) {
            faults.add(String.format(Locale.ROOT, "%7.1fs %s", seconds(), text));
        }
        line("FAULT ", text);
    }

    public void phase(String name) {
        line("===== ", name);
    }

    public List<String> faults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private synchronized void line(String tag, String text) {
        out.printf(Locale.ROOT, "[%7.1fs] %s%s%n", seconds(), tag, text);
        out.flush();
    }
}
