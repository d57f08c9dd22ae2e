<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kundkontoVerificationLockedBodyHtml", companyName, customerNumber))?no_esc}
</@layout.emailLayout>
