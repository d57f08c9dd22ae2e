<#ftl output_format="plainText">
${msg("kundkontoOtpResetBody", link, linkExpirationMinutes, realmName)}
