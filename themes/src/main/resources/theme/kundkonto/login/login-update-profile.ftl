<#-- "Uppdatera uppgifter" (UPDATE_PROFILE, also kc_action=UPDATE_PROFILE): the user-profile fields,
     "Mina kommuner" searchable (js/kundkonto-multiselect.js), in keycloak.v2's look. -->
<#import "template.ftl" as layout>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
    <#if section = "header">
        ${msg("loginProfileTitle")}
    <#elseif section = "form">
        <form id="kc-update-profile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@userProfileCommons.userProfileFormFields/>
            <@buttons.actionGroup>
                <@buttons.button id="kundkonto-update-profile-submit" label="doSubmit"/>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kundkonto-cancel" name="cancel-aia" label="doCancel" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
