<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kundkontoOtpResetNoticeBodyHtml", realmName))?no_esc}
</@layout.emailLayout>
