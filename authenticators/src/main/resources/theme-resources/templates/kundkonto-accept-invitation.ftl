<#-- An invitation to a customer account, opened from the e-mailed link after logging in. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("kundkontoInvitationTitle")}
    <#elseif section = "form">
        <form id="kundkonto-accept-invitation-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if kundkontoInvitationProblem??>
                <p id="kundkonto-invitation-problem">${msg("kundkontoInvitationProblemHelp")}</p>
                <@buttons.actionGroup>
                    <@buttons.button id="kundkonto-invitation-continue" name="continue" label="kundkontoContinue"/>
                </@buttons.actionGroup>
            <#else>
                <p id="kundkonto-invitation-text">
                    ${msg("kundkontoInvitationText", kundkontoCompanyName, kundkontoCustomerNumber,
                        msg(kundkontoInvitedAdmin?then("kundkontoRoleAdmin", "kundkontoRoleUser")))}
                </p>
                <@buttons.actionGroup>
                    <@buttons.button id="kundkonto-invitation-accept" name="accept" label="kundkontoInvitationAccept"/>
                    <#if isAppInitiatedAction??>
                        <@buttons.button id="kundkonto-cancel" name="cancel-aia" label="kundkontoInvitationDecline" type="secondary"/>
                    </#if>
                </@buttons.actionGroup>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
