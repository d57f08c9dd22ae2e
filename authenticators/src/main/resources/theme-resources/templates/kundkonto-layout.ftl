<#-- Small pieces the pack's pages (and the kundkonto theme's forks) share on top of keycloak.v2's template.ftl. -->

<#-- keycloak.v2's registrationLayout shows the signed-in person in a read-only field (id kc-attempted-username)
     whose visible label points at id "username", so the field has no accessible name (axe "label"). A page
     that shows the username calls this in its "show-username" section, the template's hook just before
     that field: the same text as the visible label, for screen readers, tied to the field's real id. -->
<#macro attemptedUsernameLabel>
    <label for="kc-attempted-username" class="pf-v5-screen-reader"><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></label>
</#macro>
