<#ftl output_format="plainText">
${msg("kundkontoOtpResetNoticeBody", realmName)}
