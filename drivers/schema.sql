-- The tables the driver tests create, as the macros check queries against them
-- ([package.metadata.cte] in Cargo.toml). Columns whose type a test chooses at run time
-- (one value type per test, or the integer type each engine has) are declared without a
-- type, so that nothing is assumed of them.

CREATE TABLE employee (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(40) NOT NULL,
    manager_id INTEGER
);

CREATE TABLE kinds (
    b BOOLEAN,
    i BIGINT,
    f DOUBLE PRECISION,
    t TEXT,
    y BLOB,
    n INTEGER,
    d DECIMAL(10, 2),
    -- PostgreSQL's test only.
    s SMALLINT
);

CREATE TABLE ints (id INTEGER PRIMARY KEY, t, s SMALLINT, m, i INTEGER, b BIGINT);

CREATE TABLE vals (id INTEGER NOT NULL, x);

CREATE TABLE visitors (product_id INTEGER, day, count INTEGER);

-- Never created: the tests read it for the server's error.
CREATE TABLE no_such_table (id INTEGER);

-- The locking test's rows, which two sessions must both see.
CREATE TABLE lock_probe (id INTEGER NOT NULL PRIMARY KEY, note TEXT);

-- The upsert tests: `stock` has one unique key, `tagged` a second one.
CREATE TABLE stock (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INTEGER NOT NULL);

CREATE TABLE tagged (id INTEGER NOT NULL PRIMARY KEY, tag VARCHAR(20) NOT NULL UNIQUE);
