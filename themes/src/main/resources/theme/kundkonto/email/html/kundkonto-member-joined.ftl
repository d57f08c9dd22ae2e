<#import "template.ftl" as layout>
<@layout.emailLayout>
<#if role == "Pending">
${kcSanitize(msg("kundkontoMemberWaitingBodyHtml", newcomerName, newcomerEmail + newcomerEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber))?no_esc}
<#else>
${kcSanitize(msg("kundkontoMemberJoinedBodyHtml", newcomerName, newcomerEmail + newcomerEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber, msg("kundkontoRole" + role)))?no_esc}
</#if>
</@layout.emailLayout>
