<#ftl output_format="plainText">
<#if role == "Pending">
${msg("kundkontoMemberWaitingBody", newcomerName, newcomerEmail + newcomerEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber)}
<#else>
${msg("kundkontoMemberJoinedBody", newcomerName, newcomerEmail + newcomerEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber, msg("kundkontoRole" + role))}
</#if>
