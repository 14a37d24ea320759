package nl.bdss.contract.register.domain;

/**
 * Who makes a change, as its token says: the party it acts for and its client id. Both are null when the service
 * runs with security switched off (functional tests only): then nobody is known, so nobody's acceptance is implied.
 */
public record Actor(PartyId party, String clientId) {

    public static final Actor UNKNOWN = new Actor(null, null);

    public boolean is(PartyId other) {
        return party != null && party.equals(other);
    }
}
