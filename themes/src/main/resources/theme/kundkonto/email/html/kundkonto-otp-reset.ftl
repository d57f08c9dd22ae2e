<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kundkontoOtpResetBodyHtml", link, linkExpirationMinutes, realmName))?no_esc}
</@layout.emailLayout>
