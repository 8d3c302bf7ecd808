use super::model::{Body, Column, Lookup, Relation, RelationKind, Schema};
use super::{ddl, lex, load, source};

/// The schema `sql` defines, or its error as `line: message`.
fn read(sql: &str) -> Result<Schema, String> {
    let mut schema = Schema::default();
    let tokens = lex::tokens(sql).map_err(|e| format!("{}: {}", e.line, e.message))?;
    ddl::apply(&mut schema, "schema.sql", &tokens)
        .map_err(|e| format!("{}: {}", e.line, e.message))?;
    Ok(schema)
}

fn table<'s>(schema: &'s Schema, name: &str) -> &'s Relation {
    let i = schema
        .position(&super::model::Name::new(name, false))
        .unwrap_or_else(|| panic!("no table {name}"));
    &schema.relations[i]
}

/// `name type nullability` for each column of `name`.
fn columns(schema: &Schema, name: &str) -> Vec<String> {
    table(schema, name)
        .columns()
        .expect("a table with columns")
        .iter()
        .map(|Column { name, ty, nullable }| {
            let null = if *nullable { "null" } else { "not null" };
            format!("{} {ty:?} {null}", name.text)
        })
        .collect()
}

#[test]
fn a_create_table_gives_names_types_and_nullability() {
    let schema = read(
        "CREATE TABLE employees (
            id INTEGER PRIMARY KEY,
            name VARCHAR(100) NOT NULL,
            manager_id INTEGER REFERENCES employees (id) ON DELETE SET NULL,
            salary NUMERIC(10, 2) DEFAULT 0 CHECK (salary >= 0),
            hired TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            \"Note\" text
        );",
    )
    .unwrap();
    assert_eq!(
        columns(&schema, "employees"),
        [
            "id Int { unsigned: false } not null",
            "name Text not null",
            "manager_id Int { unsigned: false } null",
            "salary Decimal { precision: Some(10), scale: Some(2) } null",
            "hired TimestampTz not null",
            "Note Text null",
        ]
    );
    let note = &table(&schema, "employees").columns().unwrap()[5].name;
    assert!(note.quoted);
}

#[test]
fn type_names_of_every_dialect_are_read() {
    let schema = read(
        "CREATE TABLE t (
            a INT4, b int8, c BIGINT UNSIGNED, d TINYINT(1), e DOUBLE PRECISION, f REAL,
            g DATETIME2(7), h DATETIMEOFFSET, i UNIQUEIDENTIFIER, j JSONB, k BYTEA,
            l VARBINARY(MAX), m NVARCHAR(MAX), n CHARACTER VARYING(20) CHARACTER SET utf8mb4,
            o BIGSERIAL, p INTEGER[], q TIME WITHOUT TIME ZONE, r BIT, s FLOAT(10), u MEDIUMTEXT,
            v ENUM('a', 'b') NOT NULL, w INTERVAL, x
        )",
    )
    .unwrap();
    let types: Vec<String> = columns(&schema, "t");
    assert_eq!(
        types,
        [
            "a Int { unsigned: false } null",
            "b BigInt { unsigned: false } null",
            "c BigInt { unsigned: true } null",
            "d TinyInt { unsigned: false } null",
            "e Double null",
            "f Double null",
            "g Timestamp null",
            "h TimestampTz null",
            "i Uuid null",
            "j Json null",
            "k Bytes null",
            "l Bytes null",
            "m Text null",
            "n Text null",
            "o BigInt { unsigned: false } not null",
            "p Array(Int { unsigned: false }) null",
            "q Time null",
            "r Bool null",
            "s Real null",
            "u Text null",
            "v Text not null",
            "w Other(\"INTERVAL\") null",
            "x Other(\"\") null",
        ]
    );
}

#[test]
fn constraints_that_make_columns_not_null() {
    let schema = read(
        "CREATE TABLE a (x INT, y INT, z INT, PRIMARY KEY (x, \"y\"));
         CREATE TABLE b (x INT GENERATED ALWAYS AS IDENTITY, y INT IDENTITY(1, 1),
                         z INT AUTO_INCREMENT UNIQUE KEY, w INT UNIQUE KEY, v INT KEY);
         CREATE TABLE c (x INT, CONSTRAINT pk PRIMARY KEY CLUSTERED (x), KEY idx (x),
                         INDEX (x), key VARCHAR(3));",
    )
    .unwrap();
    assert_eq!(
        columns(&schema, "a"),
        [
            "x Int { unsigned: false } not null",
            "y Int { unsigned: false } not null",
            "z Int { unsigned: false } null",
        ]
    );
    let nullable: Vec<bool> = table(&schema, "b")
        .columns()
        .unwrap()
        .iter()
        .map(|c| c.nullable)
        .collect();
    assert_eq!(nullable, [false, false, false, true, false]);
    assert_eq!(
        columns(&schema, "c"),
        ["x Int { unsigned: false } not null", "key Text null"]
    );
}

#[test]
fn alter_table_changes_the_columns() {
    let schema = read(
        "CREATE TABLE users (id INT NOT NULL, name TEXT, email TEXT, age INT);
         ALTER TABLE users ADD COLUMN created DATE NOT NULL DEFAULT CURRENT_DATE;
         ALTER TABLE users DROP COLUMN age, RENAME COLUMN name TO full_name;
         ALTER TABLE ONLY public.users ALTER COLUMN email SET NOT NULL;
         ALTER TABLE users ALTER COLUMN id TYPE BIGINT, ADD CONSTRAINT u UNIQUE (email);
         ALTER TABLE users ALTER COLUMN id DROP NOT NULL;
         ALTER TABLE users MODIFY COLUMN full_name VARCHAR(200) NOT NULL;
         ALTER TABLE users CHANGE email mail VARCHAR(80) NULL;
         ALTER TABLE users ADD a INT, b TEXT NOT NULL;
         ALTER TABLE IF EXISTS nothing ADD COLUMN z INT;
         ALTER TABLE users RENAME TO people;",
    )
    .unwrap();
    assert!(matches!(schema.relation("users", false), Lookup::Missing));
    assert_eq!(
        columns(&schema, "people"),
        [
            "id BigInt { unsigned: false } null",
            "full_name Text not null",
            "mail Text null",
            "created Date not null",
            "a Int { unsigned: false } null",
            "b Text not null",
        ]
    );
}

#[test]
fn drop_rename_and_views() {
    let schema = read(
        "CREATE TABLE a (x INT); CREATE TABLE b (y INT); CREATE TABLE c (z INT);
         DROP TABLE IF EXISTS a, missing CASCADE;
         RENAME TABLE b TO bb;
         CREATE OR REPLACE VIEW v (n) AS SELECT z FROM c;
         CREATE VIEW v2 AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r;
         CREATE TABLE copy AS SELECT * FROM c;
         CREATE INDEX i ON c (z);
         CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN CREATE TABLE nope (x int); END; $body$ LANGUAGE plpgsql;
         CREATE TRIGGER tr AFTER INSERT ON c BEGIN INSERT INTO c VALUES (1); DELETE FROM c; END;
         INSERT INTO c VALUES (1);",
    )
    .unwrap();
    let names: Vec<(&str, RelationKind)> = schema
        .relations
        .iter()
        .map(|r| (r.name.text.as_str(), r.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("bb", RelationKind::Table),
            ("c", RelationKind::Table),
            ("v", RelationKind::View),
            ("v2", RelationKind::View),
            ("copy", RelationKind::Table),
        ]
    );
    let Body::Query { columns, query, .. } = &table(&schema, "v").body else {
        panic!("a view has a query");
    };
    assert_eq!(columns.as_ref().map(Vec::len), Some(1));
    assert!(query[0].is("SELECT"));
}

#[test]
fn lookups_follow_the_name_rule() {
    let schema = read("CREATE TABLE Users (id INT); CREATE TABLE \"Orders\" (id INT);").unwrap();
    // An unquoted name folds: `users` and `USERS` are `Users`.
    assert!(matches!(schema.relation("USERS", false), Lookup::Found(_)));
    // A quoted one is exact: `orders` unquoted is `orders`, which PostgreSQL tells apart.
    assert!(matches!(schema.relation("Orders", true), Lookup::Found(_)));
    assert!(matches!(
        schema.relation("orders", false),
        Lookup::Ambiguous(_)
    ));
    assert!(matches!(schema.relation("order", false), Lookup::Missing));
}

#[test]
fn comments_strings_and_quotes_are_read() {
    let schema = read(
        "-- a comment; CREATE TABLE no (x INT);
         /* a /* nested */ comment; */
         # MySQL's comment; CREATE TABLE no2 (x INT);
         CREATE TABLE `select` (`a``b` TEXT DEFAULT 'it''s; fine', [c d] INT DEFAULT E'\\'', e TEXT DEFAULT $$;$$);",
    )
    .unwrap();
    assert_eq!(schema.relations.len(), 1);
    assert_eq!(
        columns(&schema, "select"),
        [
            "a`b Text null",
            "c d Int { unsigned: false } null",
            "e Text null"
        ]
    );
}

#[test]
fn unreadable_statements_name_their_line() {
    let cases = [
        ("CREATE TABLE t;", "1: expected `(` and the table's columns, or AS and a query, found the end of the statement"),
        ("\nCREATE TABLE t (a INT", "2: this `(` is never closed"),
        ("CREATE TABLE t (a INT, a TEXT);", "1: the column `a` is declared twice"),
        ("CREATE TABLE t (a INT);\n\nCREATE TABLE t (b INT);", "3: `t` is created again; it was created at schema.sql:1: drop it first, or add IF NOT EXISTS"),
        ("ALTER TABLE t ADD COLUMN b INT;", "1: no earlier statement of the schema creates `t`; the schema files are read in file-name order"),
        ("CREATE TABLE t (a INT);\nALTER TABLE t DROP COLUMN b;", "2: `t` has no column `b` at this point of the schema"),
        ("CREATE TABLE t (a INT);\nALTER TABLE t ADD a TEXT;", "2: the table already has a column `a`"),
        ("CREATE TABLE t (a INT, , b INT);", "1: expected a column's name, found `,`"),
        ("CREATE TABLE t ('a' INT);", "1: expected a column's name, found a string"),
        ("CREATE TABLE t (a TEXT DEFAULT 'x);", "1: this string is never closed"),
        ("CREATE VIEW v (a, 1) AS SELECT 1, 2;", "1: expected a column's name, found `1`"),
        ("DROP TABLE t;", "1: no earlier statement of the schema creates `t`; the schema files are read in file-name order"),
        ("CREATE VIEW v AS SELECT 1; DROP TABLE v;", "1: `v` is not a table"),
    ];
    for (sql, expected) in cases {
        let error = read(sql).err().unwrap_or_else(|| panic!("read: {sql}"));
        assert_eq!(error, expected, "{sql}");
    }
}

#[test]
fn the_setting_is_read_from_cargo_toml() {
    let header =
        "[package]\nname = \"app\"\n\n[package.metadata.cte]\nschema = \"migrations\" # the DDL\n";
    assert_eq!(source::setting(header).as_deref(), Some("migrations"));
    let dotted = "[package]\nname = \"app\"\nmetadata.cte.schema = 'db/schema.sql'\n";
    assert_eq!(source::setting(dotted).as_deref(), Some("db/schema.sql"));
    let in_metadata = "[package.metadata]\ncte.schema = \"s.sql\"\n";
    assert_eq!(source::setting(in_metadata).as_deref(), Some("s.sql"));
    let elsewhere = "[dependencies]\nschema = \"1\"\n[package.metadata.other]\nschema = \"x\"\n";
    assert_eq!(source::setting(elsewhere), None);
}

/// An empty scratch folder of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("cte-schema-tests-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_folder_is_read_in_file_name_order() {
    let dir = scratch("folder");
    let migrations = dir.join("migrations");
    std::fs::create_dir_all(migrations.join("2024-01-01_create")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package.metadata.cte]\nschema = \"migrations\"\n",
    )
    .unwrap();
    std::fs::write(
        migrations.join("2024-01-01_create/up.sql"),
        "CREATE TABLE t (a INT);",
    )
    .unwrap();
    std::fs::write(
        migrations.join("2024-01-01_create/down.sql"),
        "DROP TABLE t;",
    )
    .unwrap();
    std::fs::write(migrations.join("V2__add.sql"), "ALTER TABLE t ADD b INT;").unwrap();
    std::fs::write(
        migrations.join("V10__rename.sql"),
        "ALTER TABLE t RENAME b TO c;",
    )
    .unwrap();
    std::fs::write(migrations.join("V11__x.down.sql"), "DROP TABLE t;").unwrap();
    std::fs::write(migrations.join("notes.txt"), "not SQL").unwrap();
    let loaded = load(&dir).unwrap().unwrap();
    assert_eq!(
        columns(&loaded.schema, "t"),
        [
            "a Int { unsigned: false } null",
            "c Int { unsigned: false } null"
        ]
    );
    assert_eq!(loaded.files.len(), 3);

    std::fs::write(
        migrations.join("V12__bad.sql"),
        "\n\nCREATE TABLE u (x INT,);",
    )
    .unwrap();
    let error = load(&dir).unwrap_err();
    assert_eq!(error.file, "migrations/V12__bad.sql");
    assert_eq!(error.line, Some(3));
    assert_eq!(
        error.to_syn().to_string(),
        "cannot read the schema (migrations/V12__bad.sql:3): expected a column's name, found the end of the statement"
    );
}

#[test]
fn without_the_setting_there_is_no_schema() {
    let dir = scratch("none");
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    assert!(load(&dir).unwrap().is_none());
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package.metadata.cte]\nschema = \"missing.sql\"\n",
    )
    .unwrap();
    let error = load(&dir).unwrap_err();
    assert_eq!(error.file, "missing.sql");
    assert!(
        error.message.contains("[package.metadata.cte]"),
        "{}",
        error.message
    );
}

#[test]
fn the_entry_points_for_benchmarks_read_what_the_macros_read() {
    let sql = "CREATE TABLE a (x INT); CREATE TABLE b (y INT); CREATE VIEW v AS SELECT x FROM a;";
    assert_eq!(crate::read_schema_sql(sql), Ok(3));
    assert_eq!(
        crate::read_schema_sql("\nCREATE TABLE u (x INT,);"),
        Err("cannot read the schema (schema.sql:2): expected a column's name, found the end of the statement".into())
    );

    let dir = scratch("entry-points");
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package.metadata.cte]\nschema = \"schema.sql\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("schema.sql"), sql).unwrap();
    assert_eq!(crate::schema_in_crate(&dir), Ok(3));
    assert_eq!(crate::schema_in_crate(&dir), Ok(3));
    // A changed file is read again, whatever the file system's clock resolution.
    let file = std::fs::File::options()
        .write(true)
        .truncate(true)
        .open(dir.join("schema.sql"))
        .unwrap();
    std::io::Write::write_all(&mut &file, b"CREATE TABLE a (x INT);").unwrap();
    file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000))
        .unwrap();
    drop(file);
    assert_eq!(crate::schema_in_crate(&dir), Ok(1));

    let query = quote::quote!(SELECT a.z FROM a);
    let expanded = crate::select_in_crate(query.clone(), &dir).to_string();
    assert!(expanded.contains("compile_error"), "{expanded}");
    let typed = quote::quote!(Row, SELECT a.z FROM a);
    let expanded = crate::select_as_in_crate(typed, &dir).to_string();
    assert!(expanded.contains("compile_error"), "{expanded}");
    let elsewhere = crate::select_in_crate(query, &scratch("entry-points-none")).to_string();
    assert!(!elsewhere.contains("compile_error"), "{elsewhere}");
}

#[test]
fn a_dollar_that_opens_no_string_is_read_once() {
    // `$name` with no closing `$name$` is a character and a word, not a string: reading goes on.
    let schema = read("CREATE TABLE d (a INT); SELECT $abc + $1;").unwrap();
    assert_eq!(columns(&schema, "d"), ["a Int { unsigned: false } null"]);
}
