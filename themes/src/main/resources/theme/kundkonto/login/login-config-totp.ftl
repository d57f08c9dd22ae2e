<#-- Fork of keycloak.v2 login-config-totp.ftl: the offer after registration (a passkey instead, or "Hoppa över tvåfaktorsautentisering"), the replace-the-app mode of the e-mailed reset, and the portal's wording. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Keycloak's "you need to set up the authenticator to activate your account" would contradict the skip button. -->
<#assign hideWarning = (kundkontoSkippable?? || kundkontoReplacingOtp??) && message?? && message.type = 'warning'>
<@layout.registrationLayout displayRequiredFields=false displayMessage=!hideWarning && !messagesPerField.existsError('totp','userLabel'); section>
    <#if section = "header">
        ${msg("kundkontoTotpTitle")}
    <#elseif section = "form">
        <p class="kundkonto-intro"><#if kundkontoReplacingOtp??>${msg("kundkontoOtpReplaceIntro")}<#elseif kundkontoPasskeyOffered??>${msg("kundkontoSecondFactorIntro")}<#else>${msg("kundkontoTotpIntro")}</#if></p>
        <#if kundkontoPasskeyOffered??>
            <h2 class="kundkonto-choice-heading">${msg("kundkontoPasskeyHeading")}</h2>
            <p>${msg("kundkontoPasskeyIntro")}</p>
            <form id="kundkonto-offer-passkey-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@buttons.button id="kundkonto-choose-passkey" name="kundkontoPasskey" label="kundkontoPasskeyChoose" type="secondary" fullWidth=false/>
            </form>
            <h2 class="kundkonto-choice-heading">${msg("kundkontoTotpHeading")}</h2>
        </#if>
        <ol id="kc-totp-settings" class="pf-v5-c-list pf-v5-u-mb-md">
            <li>
                <p>${msg("loginTotpStep1")}</p>
                <ul id="kc-totp-supported-apps">
                    <#list totp.supportedApplications as app><li>${msg(app)}</li></#list>
                </ul>
            </li>
            <#if mode?? && mode = "manual">
                <li>
                    <p>${msg("loginTotpManualStep2")}</p>
                    <p><span id="kc-totp-secret-key">${totp.totpSecretEncoded}</span></p>
                    <p><a href="${totp.qrUrl}" id="mode-barcode">${msg("loginTotpScanBarcode")}</a></p>
                </li>
            <#else>
                <li>
                    <p>${msg("loginTotpStep2")}</p>
                    <img id="kc-totp-secret-qr-code" src="data:image/png;base64, ${totp.totpSecretQrCode}" alt="${msg('kundkontoTotpQrAlt')}"><br/>
                    <p><a href="${totp.manualUrl}" id="mode-manual">${msg("loginTotpUnableToScan")}</a></p>
                </li>
            </#if>
            <li><p>${msg("kundkontoTotpStep3")}</p></li>
        </ol>

        <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="kc-totp-settings-form" method="post" novalidate="novalidate">
            <@field.input name="totp" label=msg("kundkontoTotpCode") required=true autocomplete="one-time-code" autofocus=true/>
            <input type="hidden" id="totpSecret" name="totpSecret" value="${totp.totpSecret}"/>
            <#if mode??><input type="hidden" id="mode" name="mode" value="${mode}"/></#if>
            <#if kundkontoReplacingOtp??>
                <#-- The old authenticator is about to go: no need to tell two apart. -->
                <input type="hidden" name="userLabel" value="${msg("kundkontoOtpNewDeviceLabel", kundkontoNewOtpAddedAt)}"/>
            <#elseif totp.otpCredentials?size gte 1>
                <@field.input name="userLabel" label=msg("loginTotpDeviceName") required=true/>
            </#if>
            <@buttons.actionGroup>
                <@buttons.button id="saveTOTPBtn" label="kundkontoTotpVerify"/>
                <#if kundkontoSkippable??>
                    <@buttons.button id="kundkonto-skip-totp" name="kundkontoSkip" label="kundkontoTotpSkip" type="secondary" formnovalidate="formnovalidate"/>
                </#if>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="cancelTOTPBtn" name="cancel-aia" label="doCancel" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
