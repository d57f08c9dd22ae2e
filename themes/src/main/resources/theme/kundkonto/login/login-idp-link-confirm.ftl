<#-- Fork of base login-idp-link-confirm.ftl: first BankID login with an e-mail that has an account — says that linking takes that account's password, and names the BankID link. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("confirmLinkIdpTitle")}
    <#elseif section = "form">
        <form id="kc-idp-link-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="kundkonto-link-help">${msg("kundkontoLinkBankIdHelp")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="linkAccount" name="submitAction" label="kundkontoLinkBankId" value="linkAccount"/>
                <#if !hideReviewButton?has_content>
                    <@buttons.button id="updateProfile" name="submitAction" label="confirmLinkIdpReviewProfile" type="secondary" value="updateProfile"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
