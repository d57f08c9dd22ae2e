package se.kundkonto.api;

import org.keycloak.models.OrganizationInvitationModel;

/** A pending invitation: who, and until when its link works (Unix time, seconds). */
record Invitation(String id, String email, long expiresAt) {

    static Invitation of(OrganizationInvitationModel invitation) {
        return new Invitation(invitation.getId(), invitation.getEmail(), invitation.getExpiresAt());
    }
}
