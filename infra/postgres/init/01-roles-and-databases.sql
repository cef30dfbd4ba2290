-- One database per service, owned by its migrator role (DDL); the service runs as its app role (DML only).
-- Idempotent: run by the local start script on every start and by docker-entrypoint-initdb.d once.
-- Passwords are for loopback development only; production takes them from its secret store.
\set ON_ERROR_STOP on
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', r, r)
FROM unnest(ARRAY[
  'registry_intake_migrator','registry_intake_app','case_management_migrator','case_management_app',
  'offers_migrator','offers_app','subsidies_migrator','subsidies_app',
  'reporting_migrator','reporting_app','dfpa_migrator','dfpa_app']) AS r
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec

-- Tests create their own throw-away databases: the migrator roles may do so, nothing more.
SELECT format('ALTER ROLE %I CREATEDB', r) FROM unnest(ARRAY[
  'registry_intake_migrator','case_management_migrator','offers_migrator','subsidies_migrator',
  'reporting_migrator','dfpa_migrator']) AS r \gexec

-- A migrator is a member of its app role: it may end that role's sessions, as dropping a test database
-- WITH (FORCE) must (a killed test process leaves them behind). It gains nothing else: it owns the schema already.
SELECT format('GRANT %I TO %I', r || '_app', r || '_migrator') FROM unnest(ARRAY[
  'registry_intake','case_management','offers','subsidies','reporting','dfpa']) AS r \gexec

SELECT format('CREATE DATABASE %I OWNER %I', d, d || '_migrator')
FROM unnest(ARRAY['registry_intake','case_management','offers','subsidies','reporting','dfpa']) AS d
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC; GRANT CONNECT ON DATABASE %I TO %I', d, d, d || '_app')
FROM unnest(ARRAY['registry_intake','case_management','offers','subsidies','reporting','dfpa']) AS d \gexec
