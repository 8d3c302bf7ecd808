//! A 50-table schema for the expansion bench, as migration files of a mixed-dialect project
//! would write it: type names of all five dialects, NOT NULL, PRIMARY KEY in the column and in
//! the table constraints, REFERENCES and FOREIGN KEY, DEFAULT, CHECK, UNIQUE, quoted names,
//! indexes (which the reader skips), a few ALTER TABLEs and a view. The same text on every run.
//!
//! `employee` is the table of the 30-line org chart query (`queries.rs`); it stands late among
//! the tables, as the schema's lookups are in order of creation.

/// Tables in order of creation: the name as written in the DDL, the tables it references, and
/// how many of the ordinary columns below it takes.
const TABLES: [(&str, &[&str], usize); 50] = [
    ("currency", &[], 3),
    ("region", &[], 2),
    ("country", &["region", "currency"], 4),
    ("address", &["country"], 6),
    ("company", &["address"], 7),
    ("office", &["company", "address"], 4),
    ("department", &["company"], 5),
    ("department_budget", &["department", "currency"], 4),
    ("job_title", &[], 3),
    ("app_user", &[], 8),
    ("role", &[], 3),
    ("user_role", &["app_user", "role"], 2),
    ("permission", &[], 3),
    ("role_permission", &["role", "permission"], 1),
    ("customer", &["company"], 9),
    ("customer_address", &["customer", "address"], 3),
    ("supplier", &["company", "address"], 6),
    ("product_category", &[], 4),
    ("product", &["product_category", "supplier"], 10),
    ("product_price", &["product", "currency"], 4),
    ("warehouse", &["address"], 4),
    ("inventory", &["warehouse", "product"], 5),
    ("\"Order\"", &["customer", "currency"], 8),
    ("order_line", &["\"Order\"", "product"], 6),
    ("shipment", &["\"Order\"", "warehouse"], 6),
    ("shipment_item", &["shipment", "order_line"], 3),
    ("invoice", &["\"Order\"", "customer"], 7),
    ("invoice_line", &["invoice", "order_line"], 5),
    ("payment", &["invoice"], 7),
    ("refund", &["payment"], 5),
    ("exchange_rate", &["currency"], 4),
    ("tax_rate", &["country"], 4),
    ("coupon", &[], 6),
    ("cart", &["customer"], 4),
    ("cart_item", &["cart", "product"], 3),
    ("review", &["product", "customer"], 6),
    ("employee", &["department", "office", "job_title"], 0),
    ("salary_history", &["employee", "currency"], 4),
    ("project", &["department"], 7),
    ("task", &["project", "employee"], 9),
    ("task_comment", &["task", "app_user"], 4),
    ("timesheet", &["employee", "task"], 5),
    ("[dbo].[audit_log]", &["app_user"], 7),
    ("session", &["app_user"], 5),
    ("notification", &["app_user"], 6),
    ("email_template", &[], 5),
    ("`setting`", &[], 4),
    ("feature_flag", &[], 5),
    ("tag", &[], 2),
    ("task_tag", &["task", "tag"], 1),
];

/// Ordinary columns: each table takes a run of them, starting further along for each table.
const COLUMNS: [&str; 32] = [
    "name VARCHAR(120) NOT NULL",
    "code CHAR(8) NOT NULL UNIQUE",
    "description TEXT",
    "status VARCHAR(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed'))",
    "created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP",
    "updated_at TIMESTAMPTZ",
    "amount NUMERIC(12, 2) NOT NULL DEFAULT 0",
    "quantity INTEGER NOT NULL CHECK (quantity >= 0)",
    "note NVARCHAR(400)",
    "is_active BOOLEAN NOT NULL DEFAULT TRUE",
    "score DOUBLE PRECISION",
    "metadata JSONB",
    "external_ref UUID UNIQUE",
    "sort_order SMALLINT NOT NULL DEFAULT 0",
    "valid_from DATE NOT NULL",
    "valid_to DATE",
    "weight_kg DECIMAL(8, 3)",
    "flags TINYINT(1) NOT NULL DEFAULT 0",
    "payload LONGBLOB",
    "rate FLOAT(24)",
    "opened DATETIME2(7)",
    "closed_at DATETIME",
    "counter BIGINT UNSIGNED NOT NULL DEFAULT 0",
    "labels TEXT[]",
    "checksum BYTEA",
    "guid UNIQUEIDENTIFIER",
    "settings JSON",
    "local_time TIME WITHOUT TIME ZONE",
    "kind ENUM('a', 'b', 'c') NOT NULL",
    "price MONEY",
    "title_text CHARACTER VARYING(200) COLLATE \"C\"",
    "offset_at DATETIMEOFFSET",
];

/// The primary key column, in the style of one dialect or another.
const IDS: [&str; 5] = [
    "id BIGSERIAL PRIMARY KEY",
    "id INTEGER PRIMARY KEY AUTOINCREMENT",
    "id INT AUTO_INCREMENT PRIMARY KEY",
    "id BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY",
    "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
];

/// The table the org chart query reads.
const EMPLOYEE: &str = "CREATE TABLE employee (
    id BIGINT NOT NULL,
    manager_id BIGINT REFERENCES employee (id),
    department_id BIGINT NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    office_id INT REFERENCES office (id),
    job_title_id INT,
    name VARCHAR(100) NOT NULL,
    title VARCHAR(100) NOT NULL,
    email VARCHAR(255) NOT NULL UNIQUE,
    salary NUMERIC(12, 2) NOT NULL,
    hired_on DATE NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT employee_pk PRIMARY KEY (id),
    CONSTRAINT employee_title_fk FOREIGN KEY (job_title_id) REFERENCES job_title (id)
);
CREATE INDEX employee_manager ON employee (manager_id);
";

/// Migrations after the tables: columns added, renamed, retyped and dropped, and a view.
const LATER: &str = "
ALTER TABLE customer ADD COLUMN loyalty_points INTEGER NOT NULL DEFAULT 0;
ALTER TABLE product RENAME COLUMN description TO summary;
ALTER TABLE invoice ALTER COLUMN amount SET NOT NULL, ADD COLUMN due_on DATE;
ALTER TABLE session DROP COLUMN IF EXISTS metadata;
ALTER TABLE employee ADD COLUMN phone VARCHAR(40);
CREATE VIEW active_employee (id, name, title, department_id) AS
    SELECT id, name, title, department_id FROM employee WHERE active = TRUE;
CREATE UNIQUE INDEX customer_code ON customer (code);
";

/// The schema as a migrations folder: one file per ten tables (each table with the indexes
/// of its referencing columns), then one of the later migrations. Names and texts.
pub fn migrations() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (chunk, tables) in TABLES.chunks(10).enumerate() {
        let mut sql = String::from("-- Tables of the application.\n\n");
        for (k, (table, parents, count)) in tables.iter().enumerate() {
            sql.push_str(&create_table(chunk * 10 + k, table, parents, *count));
            sql.push('\n');
        }
        files.push((format!("{:04}_tables.sql", chunk + 1), sql));
    }
    files.push((
        format!("{:04}_later.sql", files.len() + 1),
        LATER.to_owned(),
    ));
    files
}

/// The whole schema as one text.
pub fn schema_sql() -> String {
    migrations().into_iter().map(|(_, sql)| sql).collect()
}

/// The `i`th table's statement, and the indexes of its referencing columns.
fn create_table(i: usize, table: &str, parents: &[&str], count: usize) -> String {
    if table == "employee" {
        return EMPLOYEE.to_owned();
    }
    let mut items = vec![IDS[i % IDS.len()].to_owned()];
    for parent in parents {
        let column = format!("{}_id", parent.trim_matches('"'));
        items.push(format!(
            "{column} BIGINT NOT NULL REFERENCES {parent} (id) ON DELETE CASCADE"
        ));
    }
    items.extend((0..count).map(|k| COLUMNS[(i * 5 + k) % COLUMNS.len()].to_owned()));
    if i % 4 == 0 {
        let first = items[1].split(' ').next().unwrap_or("id").to_owned();
        items.push(format!("CONSTRAINT uq_{i} UNIQUE ({first})"));
    }
    let if_not_exists = if i % 3 == 0 { "IF NOT EXISTS " } else { "" };
    let mut sql = format!(
        "CREATE TABLE {if_not_exists}{table} (\n    {}\n);\n",
        items.join(",\n    ")
    );
    for parent in parents {
        let column = format!("{}_id", parent.trim_matches('"'));
        sql.push_str(&format!(
            "CREATE INDEX ix_{i}_{column} ON {table} ({column});\n"
        ));
    }
    sql
}
