<#ftl output_format="plainText">
${msg("kundkontoVerificationLockedBody", companyName, customerNumber)}
