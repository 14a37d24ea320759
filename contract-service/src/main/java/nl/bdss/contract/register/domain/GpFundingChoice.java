package nl.bdss.contract.register.domain;

/** R12: a collaboration with GPs is funded by this performance or by the GP O&amp;I performances, never a mix. */
public enum GpFundingChoice {
    THIS_PERFORMANCE, O_AND_I
}
