<#ftl output_format="plainText">
${msg("kundkontoAccountClaimedBody", claimantName, claimantEmail + claimantEmailVerified?then("", " " + msg("kundkontoEmailUnverified")), companyName, customerNumber, claimedAt)}
