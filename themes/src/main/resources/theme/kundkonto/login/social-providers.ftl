<#-- Fork of keycloak.v2 social-providers.ftl: BankID gets the wording Swedish services use ("Logga in med BankID"), others their display name, under "eller". -->
<#macro show social>
  <div class="${properties.kcLoginMainFooterBand!}">
      <span class="${properties.kcLoginMainFooterBandItem!} ${properties.kcLoginMainFooterHelperText!}">${msg("kundkontoOr")}</span>
  </div>
  <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
      <ul class="${properties.kcFormSocialAccountListClass!}">
          <#list social.providers as p>
              <li class="${properties.kcFormSocialAccountListItemClass!}">
                  <a id="social-${p.alias}" class="${properties.kcFormSocialAccountListButtonClass!}" type="button" href="${p.loginUrl}">
                      <span class="${properties.kcFormSocialAccountNameClass!}">${(p.alias == "bankid")?then(msg("kundkontoLoginWithBankId"), p.displayName!)}</span>
                  </a>
              </li>
          </#list>
      </ul>
  </div>
</#macro>
