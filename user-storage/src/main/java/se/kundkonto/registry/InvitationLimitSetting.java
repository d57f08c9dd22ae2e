package se.kundkonto.registry;

/**
 * The invitation budget's setting on the Kundregister federation (next to the join policy): how many
 * invitations one customer account may send in any 24 hours. Kept apart from the guess limits so the
 * two can change independently.
 */
public final class InvitationLimitSetting {

    public static final String NAME = "invitationsPerDay";
    public static final int DEFAULT = 50;
    public static final String LABEL = "Max invitations per customer account per 24 hours";
    public static final String HELP =
            "How many invitations the Admins of one customer account may send together in any 24 hours "
                    + "(default " + DEFAULT
                    + "). Further invitations are refused with HTTP 429 'too_many_invitations' until the oldest "
                    + "is a day old. Stops a rogue or hijacked Admin account from mass-mailing through the realm. Counted cluster-wide.";

    private InvitationLimitSetting() {}
}
