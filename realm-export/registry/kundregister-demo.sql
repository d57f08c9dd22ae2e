-- Demo customer registry for the embedded default (H2) and for tests (H2 and PostgreSQL).
-- In production the ERP owns this table, or a view with the same columns.
-- Idempotent: safe to run on every start.
CREATE TABLE IF NOT EXISTS customer_registry (
    customer_number VARCHAR(12)  NOT NULL PRIMARY KEY,
    org_number      VARCHAR(13)  NOT NULL,
    company_name    VARCHAR(255) NOT NULL,
    active          BOOLEAN      NOT NULL,
    contact_email   VARCHAR(254)               -- optional: told when the customer account is first claimed
);

-- Registries seeded before contact_email existed get the column (NULL: no contact).
ALTER TABLE customer_registry ADD COLUMN IF NOT EXISTS contact_email VARCHAR(254);

MERGE INTO customer_registry AS t
USING (VALUES
    ('01020304', '112233-4400',   'Företaget AB',                     TRUE),
    ('01020305', '556677-8899',   'Nedlagda Bolaget AB',              FALSE),
    ('02030405', '556012-3456',   'Sopbolaget i Norr AB',             TRUE),
    ('03040506', '19800101-1231', 'Anna Andersson Trädgård',          TRUE),
    ('04050607', '556098-7652',   'Återvinning Syd AB',               TRUE),
    ('05060708', '556111-2227',   'Byggservice Mälardalen AB',        TRUE)
) AS s (customer_number, org_number, company_name, active)
ON t.customer_number = s.customer_number
WHEN NOT MATCHED THEN
    INSERT (customer_number, org_number, company_name, active)
    VALUES (s.customer_number, s.org_number, s.company_name, s.active);

-- Two demo customers with a contact address, the others without.
UPDATE customer_registry SET contact_email = 'kontakt@foretaget.se' WHERE customer_number = '01020304' AND contact_email IS NULL;
UPDATE customer_registry SET contact_email = 'faktura@sopbolaget.se' WHERE customer_number = '02030405' AND contact_email IS NULL;
