-- Data quality at the point of contact: a duplicate merged into another customer stays as a row
-- (ids in old links, exports and the audit log still mean something) pointing at the customer that
-- carries on; matching and suggestions leave it out. Salutations are kept in one spelling each.
ALTER TABLE customer ADD COLUMN merged_into BIGINT REFERENCES customer (id);
ALTER TABLE customer ADD COLUMN salutation VARCHAR(8) NOT NULL DEFAULT '';

-- duplicate suggestions look for similar names at the same postcode
CREATE INDEX customer_postcode ON customer (postcode);
