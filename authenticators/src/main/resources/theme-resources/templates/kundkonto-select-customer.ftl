<#-- "Byt kund": choose the customer account to work with. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kundkonto-layout.ftl" as kundkonto>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("kundkontoSelectCustomerTitle")}
    <#elseif section = "show-username">
        <@kundkonto.attemptedUsernameLabel/>
    <#elseif section = "form">
        <form id="kundkonto-select-customer-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg('kundkontoSelectCustomerTitle')}">
                <#list kundkontoCustomers as customer>
                    <div class="pf-v5-c-radio pf-v5-u-mb-sm">
                        <input class="pf-v5-c-radio__input" type="radio" name="customerNumber" id="customer-${customer.number}"
                               value="${customer.number}" <#if customer.number == kundkontoSelected>checked</#if>>
                        <label class="pf-v5-c-radio__label" for="customer-${customer.number}">
                            ${customer.name} (${customer.number})
                        </label>
                        <span class="pf-v5-c-radio__description">
                            <#if customer.admin>${msg("kundkontoRoleAdmin")}<#else>${msg("kundkontoRoleUser")}</#if>
                        </span>
                    </div>
                </#list>
            </div>
            <@buttons.actionGroup>
                <@buttons.button id="kundkonto-select-submit" label="kundkontoContinue"/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kundkonto-cancel" name="cancel-aia" label="doCancel" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
