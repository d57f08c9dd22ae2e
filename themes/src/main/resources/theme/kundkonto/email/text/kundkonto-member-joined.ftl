<#ftl output_format="plainText">
<#if role == "Pending">
${msg("kundkontoMemberWaitingBody", newcomerName, newcomerEmail, companyName, customerNumber)}
<#else>
${msg("kundkontoMemberJoinedBody", newcomerName, newcomerEmail, companyName, customerNumber, msg("kundkontoRole" + role))}
</#if>
