<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kundkontoAccountClaimedBodyHtml", claimantName, claimantEmail + claimantEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber, claimedAt))?no_esc}
</@layout.emailLayout>
