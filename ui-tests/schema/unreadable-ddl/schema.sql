CREATE TABLE employees (id INTEGER PRIMARY KEY);

-- A column list that never closes.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL;
