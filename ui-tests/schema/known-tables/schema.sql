-- Tables, a view, and the statements a migration also holds.
CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    manager_id INTEGER REFERENCES employees (id)
);
CREATE INDEX employees_manager ON employees (manager_id);
CREATE TABLE "Teams" (id INTEGER PRIMARY KEY, lead INTEGER);
ALTER TABLE "Teams" RENAME TO teams;
CREATE VIEW managers AS SELECT DISTINCT manager_id AS id FROM employees;
