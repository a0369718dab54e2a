-- A customer lookup by number (every screen-pop and search) reads no contact-point rows: the key
-- index also holds the customer it belongs to, and a customer's contact points are read in their
-- order from an index that holds all that a card shows of them.
DROP INDEX contact_point_key;
CREATE INDEX contact_point_key ON contact_point (kind, address, customer_id);
CREATE INDEX contact_point_of_customer ON contact_point (customer_id, position, kind, address, label);
