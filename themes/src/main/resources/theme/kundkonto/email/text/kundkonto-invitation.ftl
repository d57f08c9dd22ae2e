<#ftl output_format="plainText">
<#assign validity = (linkExpirationMinutes gte 120)?then(msg("kundkontoHours", (linkExpirationMinutes / 60)?floor?c), msg("kundkontoMinutes", linkExpirationMinutes?c))>
${msg("kundkontoInvitationBody", inviterName, companyName, customerNumber, msg("kundkontoRole" + role), link, validity)}

<#if newUser>${msg("kundkontoInvitationNewUser")}<#else>${msg("kundkontoInvitationExistingUser")}</#if>
