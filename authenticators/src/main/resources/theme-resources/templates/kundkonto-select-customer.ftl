<#-- "Byt kund": choose the customer account to work with. With many accounts a search (answered by the
     server, so the page stays small) over a short list, the recently used first; works without JavaScript,
     kundkonto-picker.js makes it search while typing. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kundkonto-layout.ftl" as kundkonto>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("kundkontoSelectCustomerTitle")}
    <#elseif section = "show-username">
        <@kundkonto.attemptedUsernameLabel/>
    <#elseif section = "form">
        <#if kundkontoSearchable>
            <form id="kundkonto-search-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" role="search" novalidate="novalidate">
                <input type="hidden" name="kundkontoSearchSubmit" value="search">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="kundkonto-search" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("kundkontoPickerSearchLabel")}</span></label>
                    <div class="pf-v5-c-input-group">
                        <div class="pf-v5-c-input-group__item pf-m-fill">
                            <span class="pf-v5-c-form-control">
                                <input id="kundkonto-search" name="kundkontoSearch" type="search" value="${kundkontoSearch}"
                                       maxlength="100" autocomplete="off" aria-describedby="kundkonto-search-hint">
                            </span>
                        </div>
                        <div class="pf-v5-c-input-group__item">
                            <button id="kundkonto-search-submit" class="pf-v5-c-button pf-m-control" type="submit">${msg("kundkontoPickerSearch")}</button>
                        </div>
                    </div>
                    <p id="kundkonto-search-hint" class="pf-v5-c-form__helper-text">${msg("kundkontoPickerSearchHint")}</p>
                </div>
            </form>
        </#if>
        <form id="kundkonto-select-customer-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kundkontoSearch" value="${kundkontoSearch}">
            <#if kundkontoSearchable>
                <p id="kundkonto-search-status" role="status" aria-live="polite"><#if kundkontoStatus?has_content>${msg(kundkontoStatus, kundkontoShown?c, kundkontoMatching?c)}</#if></p>
            </#if>
            <div id="kundkonto-results" class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg('kundkontoSelectCustomerTitle')}">
                <#list kundkontoCustomers as customer>
                    <div class="pf-v5-c-radio pf-v5-u-mb-sm">
                        <input class="pf-v5-c-radio__input" type="radio" name="customerNumber" id="customer-${customer.number}"
                               value="${customer.number}" <#if customer.number == kundkontoSelected>checked</#if>>
                        <label class="pf-v5-c-radio__label" for="customer-${customer.number}">
                            ${customer.name} (${customer.number})
                        </label>
                        <span class="pf-v5-c-radio__description">
                            <#if customer.admin>${msg("kundkontoRoleAdmin")}<#else>${msg("kundkontoRoleUser")}</#if><#if kundkontoSearchable && customer.recent> · ${msg("kundkontoPickerRecent")}</#if>
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
        <#if kundkontoSearchable>
            <script src="${url.resourcesPath}/js/kundkonto-picker.js" defer></script>
        </#if>
    </#if>
</@layout.registrationLayout>
