<#-- Customer verification: customer number + last four digits of the organisation number. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('customerNumber','orgDigits'); section>
    <#if section = "header">
        <#if kundkontoAddCustomer??>${msg("kundkontoAddCustomerTitle")}<#else>${msg("kundkontoVerifyTitle")}</#if>
    <#elseif section = "form">
        <p id="kundkonto-verify-intro" class="kundkonto-intro">${msg("kundkontoVerifyIntro")}</p>
        <form id="kundkonto-verify-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="customerNumber" label=msg("kundkontoCustomerNumber") value=(customerNumber!'') required=true autofocus=true autocomplete="off"/>
            <#-- Four digits, shown as typed: not a password (they are printed on every invoice and in the
                 company register; the guess throttle protects them, not secrecy), so type="text" and no
                 password manager offers to save them as the site's password and later fill them into the
                 login form; inputmode="numeric" gives phones the digit keypad. -->
            <#assign digitsError = messagesPerField.get('orgDigits')>
            <@field.group name="orgDigits" label=msg("kundkontoOrgDigits") error=digitsError required=true>
                <span class="${properties.kcInputClass} <#if digitsError?has_content>${properties.kcError}</#if>">
                    <input id="orgDigits" name="orgDigits" value="" type="text" inputmode="numeric" pattern="[0-9]{4}" maxlength="4"
                           autocomplete="off" spellcheck="false" aria-required="true"
                           <#if digitsError?has_content>aria-invalid="true" aria-describedby="input-error-orgDigits"</#if>/>
                    <@field.errorIcon error=digitsError/>
                </span>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="kundkonto-verify-submit" label="kundkontoContinue"/>
                <#if kundkontoAddCustomer??>
                    <@buttons.button id="kundkonto-cancel" name="cancel-aia" label="doCancel" type="secondary" formnovalidate="formnovalidate"/>
                <#else>
                    <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span>${msg("kundkontoFirstLoginAdmin")}</span>
    </#if>
</@layout.registrationLayout>
