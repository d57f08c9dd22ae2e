<#-- Registration form: keycloak.v2's user-profile fields, the verified customer shown on top,
     and the portal's wording on the submit button. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#import "register-commons.ftl" as registerCommons>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
    <#if section = "header">
        ${msg("kundkontoRegisterTitle")}
    <#elseif section = "form">
        <#if kundkontoCustomer??>
            <div id="kundkonto-verified-customer" class="pf-v5-c-alert pf-m-inline pf-m-success kundkonto-verified-customer">
                <p class="pf-v5-c-alert__title">${msg("kundkontoVerifiedCustomer", kundkontoCustomer.companyName, kundkontoCustomer.customerNumber)}</p>
            </div>
        </#if>
        <form id="kc-register-form" class="${properties.kcFormClass!}" action="${url.registrationAction}" method="post" novalidate="novalidate">
            <@userProfileCommons.userProfileFormFields; callback, attribute>
                <#if callback = "afterField">
                    <#if passwordRequired?? && (attribute.name == 'username' || (attribute.name == 'email' && realm.registrationEmailAsUsername))>
                        <@field.password name="password" required=true label=msg("password") autocomplete="new-password" />
                        <@field.password name="password-confirm" required=true label=msg("passwordConfirm") autocomplete="new-password" />
                    </#if>
                </#if>
            </@userProfileCommons.userProfileFormFields>

            <@registerCommons.termsAcceptance/>

            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input id="kundkonto-register-submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" value="${msg("kundkontoCreateAccount")}"/>
            </div>

            <div class="${properties.kcFormGroupClass!} pf-v5-c-login__main-footer-band">
                <div id="kc-form-options" class="${properties.kcFormOptionsClass!} pf-v5-c-login__main-footer-band-item">
                    <span><a href="${url.loginUrl}">${msg("backToLogin")}</a></span>
                </div>
            </div>
        </form>

        <@validator.templates/>
        <@validator.script field="password"/>
    </#if>
</@layout.registrationLayout>
