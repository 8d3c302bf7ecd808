CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    manager_id INTEGER REFERENCES employees (id)
);
CREATE TABLE teams (id INTEGER PRIMARY KEY, title TEXT);
