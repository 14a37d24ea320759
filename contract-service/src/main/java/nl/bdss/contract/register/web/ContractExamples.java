package nl.bdss.contract.register.web;

/** Request examples for the OpenAPI document: the manual's worked example (manual §4) and changes to it. */
final class ContractExamples {

    /** The document up to the lump sum, and from there on: the examples differ only in the amount. */
    private static final String UP_TO_THE_LUMP_SUM = """
            {
              "reference": "IZA-WEST-2025-001",
              "title": "Samenwerking kwetsbare ouderen Regio West",
              "validFrom": "2025-01-01",
              "validUntil": "2026-12-31",
              "insurers": [
                { "uzovi": "3311", "name": "Zorgverzekeraar A" },
                { "uzovi": "3343", "name": "Zorgverzekeraar B" }
              ],
              "parties": [
                { "key": "hap-west", "name": "Huisartsenpraktijk West", "domain": "ZVW", "sector": "HUISARTSENZORG", "agb": "01012345" },
                { "key": "wijkzorg-noord", "name": "Wijkzorg Noord", "domain": "ZVW", "sector": "WIJKVERPLEGING", "agb": "75750123" },
                { "key": "welzijn-centraal", "name": "Welzijn Centraal", "domain": "WMO" },
                { "key": "jeugdteam-oost", "name": "Jeugdteam Oost", "domain": "JEUGDWET" }
              ],
              "targetGroup": {
                "description": "Thuiswonende kwetsbare ouderen (75+) met multimorbiditeit",
                "characteristics": ["leeftijd 75+", "multimorbiditeit", "thuiswonend"],
                "serviceAreaPostcodes": ["1011", "1012", "1013", "1015", "1016"]
              },
              "activities": [
                { "description": "Maandelijks multidisciplinair wijkoverleg over de doelgroep", "justification": "Afstemming tussen huisarts, wijkverpleging en welzijn voorkomt onnodige opnames" },
                { "description": "Gezamenlijke sociale kaart en verwijsafspraken bijhouden", "justification": "Snellere toeleiding naar passende ondersteuning" }
              ],
              "budget": {
                "lumpSumCents": \
            """;
    private static final String AFTER_THE_LUMP_SUM = """
            ,
                "period": "YEAR",
                "domainSharesBasisPoints": { "WMO": 1000, "JEUGDWET": 2000, "ZVW": 7000 },
                "zvwSectorSharesBasisPoints": { "WIJKVERPLEGING": 5000, "HUISARTSENZORG": 5000 }
              },
              "executionModel": { "type": "MAIN_CONTRACTOR", "mainContractor": "hap-west" },
              "purchasing": {
                "type": "COORDINATED",
                "marketShare": { "basis": "INSURED_COUNT_IN_SERVICE_AREA", "referenceDate": "2025-03-01", "source": "TRUSTED_THIRD_PARTY" }
              },
              "paymentTiming": "IN_ADVANCE",
              "attestations": {
                "zvwCareNeedEstablished": true,
                "coordinationRequiredForComplexity": true,
                "noDoubleFunding": true,
                "doubleFundingMeasure": "Tarief O&I-ketenzorg niet gedeclareerd voor deze doelgroep; wijkverpleegtarief gecorrigeerd",
                "gpFundingChoice": "THIS_PERFORMANCE"
              },
              "agreements": {
                "claimsProcess": "Lumpsum per jaar vooraf, op basis van marktaandelen per peildatum",
                "informationExchange": "Kwartaalrapportage deelnemers en bereik doelgroep",
                "evaluation": "Jaarlijkse evaluatie met patiëntvertegenwoordiging",
                "controlMeasures": "Steekproef verantwoording activiteiten",
                "quality": "Afspraken uit regioplan West"
              }
            }
            """;

    static final String MANUAL_EXAMPLE = UP_TO_THE_LUMP_SUM + "10000000" + AFTER_THE_LUMP_SUM;

    /**
     * The manual's example with a reference date per contract year (R11) and its monthly meeting held as a hybrid
     * meeting (R13): only the group-bound part is paid, determined by the agenda.
     */
    static final String YEARLY_REFERENCE_DATES = """
            {
              "reference": "IZA-WEST-2025-001",
              "title": "Samenwerking kwetsbare ouderen Regio West",
              "validFrom": "2025-01-01",
              "validUntil": "2026-12-31",
              "insurers": [
                { "uzovi": "3311", "name": "Zorgverzekeraar A" },
                { "uzovi": "3343", "name": "Zorgverzekeraar B" }
              ],
              "parties": [
                { "key": "hap-west", "name": "Huisartsenpraktijk West", "domain": "ZVW", "sector": "HUISARTSENZORG", "agb": "01012345" },
                { "key": "wijkzorg-noord", "name": "Wijkzorg Noord", "domain": "ZVW", "sector": "WIJKVERPLEGING", "agb": "75750123" },
                { "key": "welzijn-centraal", "name": "Welzijn Centraal", "domain": "WMO" },
                { "key": "jeugdteam-oost", "name": "Jeugdteam Oost", "domain": "JEUGDWET" }
              ],
              "targetGroup": {
                "description": "Thuiswonende kwetsbare ouderen (75+) met multimorbiditeit",
                "characteristics": ["leeftijd 75+", "multimorbiditeit", "thuiswonend"],
                "serviceAreaPostcodes": ["1011", "1012", "1013", "1015", "1016"]
              },
              "activities": [
                { "description": "Maandelijks multidisciplinair wijkoverleg over de doelgroep", "justification": "Afstemming tussen huisarts, wijkverpleging en welzijn voorkomt onnodige opnames",
                  "hybridMeeting": true, "onlyGroupBoundCoordinationPaid": true,
                  "groupBoundPartDetermination": "Het deel van de agenda over de doelgroep, volgens de notulen" },
                { "description": "Gezamenlijke sociale kaart en verwijsafspraken bijhouden", "justification": "Snellere toeleiding naar passende ondersteuning" }
              ],
              "budget": {
                "lumpSumCents": 10000000,
                "period": "YEAR",
                "domainSharesBasisPoints": { "WMO": 1000, "JEUGDWET": 2000, "ZVW": 7000 },
                "zvwSectorSharesBasisPoints": { "WIJKVERPLEGING": 5000, "HUISARTSENZORG": 5000 }
              },
              "executionModel": { "type": "MAIN_CONTRACTOR", "mainContractor": "hap-west" },
              "purchasing": {
                "type": "COORDINATED",
                "marketShare": { "basis": "INSURED_COUNT_IN_SERVICE_AREA", "referenceDates": { "2025": "2025-03-01", "2026": "2026-03-01" }, "source": "TRUSTED_THIRD_PARTY" }
              },
              "paymentTiming": "IN_ADVANCE",
              "attestations": {
                "zvwCareNeedEstablished": true,
                "coordinationRequiredForComplexity": true,
                "noDoubleFunding": true,
                "doubleFundingMeasure": "Tarief O&I-ketenzorg niet gedeclareerd voor deze doelgroep; wijkverpleegtarief gecorrigeerd",
                "gpFundingChoice": "THIS_PERFORMANCE"
              },
              "agreements": {
                "claimsProcess": "Lumpsum per jaar vooraf, op basis van marktaandelen per peildatum",
                "informationExchange": "Kwartaalrapportage deelnemers en bereik doelgroep",
                "evaluation": "Jaarlijkse evaluatie met patiëntvertegenwoordiging",
                "controlMeasures": "Steekproef verantwoording activiteiten",
                "quality": "Afspraken uit regioplan West"
              }
            }
            """;

    static final String AMENDMENT = "{ \"effectiveFrom\": \"2026-01-01\", \"contract\": "
            + UP_TO_THE_LUMP_SUM + "12000000" + AFTER_THE_LUMP_SUM + "}";

    static final String TERMINATION = """
            { "endDate": "2025-12-31" }
            """;

    static final String ACCEPT = """
            { "decision": "ACCEPT" }""";

    static final String DECLINE = """
            { "decision": "DECLINE", "reason": "Het budget voor wijkverpleging dekt de afgesproken overleggen niet" }""";

    private ContractExamples() {
    }
}
