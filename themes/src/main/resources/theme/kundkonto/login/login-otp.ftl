<#-- Fork of keycloak.v2 login-otp.ftl: adds "Använd en återställningskod" and "Använd din nyckel (passkey)" (the flow's other second factors, one press away), "Återställ tvåfaktorsautentisering" (lost phone) and lists several authenticator apps as radio buttons (keyboard-usable) instead of clickable divs. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kundkonto-layout.ftl" as kundkonto>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section = "header">
        ${msg("kundkontoOtpTitle")}
    <#elseif section = "show-username">
        <@kundkonto.attemptedUsernameLabel/>
    <#elseif section = "form">
        <form id="kc-otp-login-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="${otpLogin.selectedCredentialId!''}">
            <#if otpLogin.userOtpCredentials?size gt 1>
                <div class="${properties.kcFormGroupClass!}" role="radiogroup">
                    <#list otpLogin.userOtpCredentials as otpCredential>
                        <label class="pf-v5-c-radio">
                            <input class="pf-v5-c-radio__input" type="radio" name="kundkontoOtpDevice" value="${otpCredential.id}"
                                   onchange="document.getElementById('selectedCredentialId').value=this.value"
                                   <#if otpCredential.id == (otpLogin.selectedCredentialId!'')>checked</#if>>
                            <span class="pf-v5-c-radio__label">${otpCredential.userLabel}</span>
                        </label>
                    </#list>
                </div>
            </#if>
            <@field.input name="otp" label=msg("kundkontoTotpCode") autocomplete="one-time-code" fieldName="totp" autofocus=true/>
            <@buttons.loginButton/>
        </form>
        <#if auth?has_content>
            <#list auth.authenticationSelections as other>
                <#assign otherAuthenticator = other.authenticationExecution.authenticator!"">
                <#if otherAuthenticator = "auth-recovery-authn-code-form" || otherAuthenticator = "webauthn-authenticator-passwordless">
                    <form id="kundkonto-other-way-${otherAuthenticator}" action="${url.loginAction}" method="post" novalidate="novalidate">
                        <input type="hidden" name="authenticationExecution" value="${other.authExecId}">
                        <#if otherAuthenticator = "auth-recovery-authn-code-form">
                            <@buttons.button id="kundkonto-use-recovery-code" label="kundkontoUseRecoveryCode" type="link" fullWidth=false/>
                        <#else>
                            <@buttons.button id="kundkonto-use-passkey" label="kundkontoUsePasskey" type="link" fullWidth=false/>
                        </#if>
                    </form>
                </#if>
            </#list>
        </#if>
        <#if kundkontoOtpResetAvailable??>
            <form id="kundkonto-reset-otp-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                <p>${msg("kundkontoOtpLostPhone")}</p>
                <@buttons.button id="kundkonto-reset-otp" name="kundkontoResetOtp" label="kundkontoOtpReset" type="link" fullWidth=false/>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
