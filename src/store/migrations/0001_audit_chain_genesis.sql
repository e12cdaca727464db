-- The audit chain starts from a fixed genesis: sequence 0 and a hash of 64 zeros.
INSERT INTO "audit_chain_head" ("id", "seq", "hash")
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
ON CONFLICT ("id") DO NOTHING;
