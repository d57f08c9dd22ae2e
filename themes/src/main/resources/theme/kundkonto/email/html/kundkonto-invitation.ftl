<#import "template.ftl" as layout>
<@layout.emailLayout>
<#assign validity = (linkExpirationMinutes gte 120)?then(msg("kundkontoHours", (linkExpirationMinutes / 60)?floor?c), msg("kundkontoMinutes", linkExpirationMinutes?c))>
${kcSanitize(msg("kundkontoInvitationBodyHtml", inviterName, companyName, customerNumber, msg("kundkontoRole" + role), link, validity))?no_esc}
<#if newUser>
${kcSanitize(msg("kundkontoInvitationNewUserHtml"))?no_esc}
<#else>
${kcSanitize(msg("kundkontoInvitationExistingUserHtml"))?no_esc}
</#if>
</@layout.emailLayout>
