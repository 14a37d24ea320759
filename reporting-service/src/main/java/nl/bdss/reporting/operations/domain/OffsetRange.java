package nl.bdss.reporting.operations.domain;

/** The offsets a partition holds: from the earliest still kept to the end (the next offset to be written). */
public record OffsetRange(long earliest, long end) {

    public long size() {
        return end - earliest;
    }
}
