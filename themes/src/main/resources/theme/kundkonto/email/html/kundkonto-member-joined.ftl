<#import "template.ftl" as layout>
<@layout.emailLayout>
<#if role == "Pending">
${kcSanitize(msg("kundkontoMemberWaitingBodyHtml", newcomerName, newcomerEmail, companyName, customerNumber))?no_esc}
<#else>
${kcSanitize(msg("kundkontoMemberJoinedBodyHtml", newcomerName, newcomerEmail, companyName, customerNumber, msg("kundkontoRole" + role)))?no_esc}
</#if>
</@layout.emailLayout>
