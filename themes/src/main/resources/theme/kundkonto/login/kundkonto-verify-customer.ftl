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
            <@field.password name="orgDigits" label=msg("kundkontoOrgDigits") required=true autocomplete="off"/>
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
