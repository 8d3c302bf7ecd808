//! The benchmark queries, written once as tokens and handed to a macro: `select!` for the
//! render and execution benches, `quote!` for the expansion bench, `stringify!` for the
//! generated crates of the build-time bench. `$param` names the variable bound as a parameter.

/// A tree walk with a depth limit, ordered by the path from the root.
#[allow(unused_macros)]
macro_rules! hierarchy {
    ($m:ident, $max_depth:ident) => {
        $m! {
            WITH RECURSIVE hierarchy(id, parent_id, depth, path) AS (
                SELECT id, parent_id, 0, CAST(name AS TEXT)
                FROM nodes
                WHERE parent_id IS NULL
                UNION ALL
                SELECT n.id, n.parent_id, h.depth + 1, h.path || "/" || n.name
                FROM nodes n
                JOIN hierarchy h ON n.parent_id = h.id
                WHERE h.depth < {$max_depth}
            )
            SELECT id, parent_id, depth, path FROM hierarchy ORDER BY path
        }
    };
}

/// The two-stage query of the PostgreSQL manual's WITH section, dividing by `10.0` where the
/// manual has `10`: on MySQL and MariaDB `/` of integers gives a decimal where the others
/// truncate, so cte refuses `/` on operands of unknown type there and asks for `10.0` or a cast.
#[allow(unused_macros)]
macro_rules! regional_sales {
    ($m:ident) => {
        $m! {
            WITH regional_sales AS (
                SELECT region, SUM(amount) AS total_sales
                FROM orders
                GROUP BY region
            ), top_regions AS (
                SELECT region
                FROM regional_sales
                WHERE total_sales > (SELECT SUM(total_sales) / 10.0 FROM regional_sales)
            )
            SELECT region,
                   product,
                   SUM(quantity) AS product_units,
                   SUM(amount) AS product_sales
            FROM orders
            WHERE region IN (SELECT region FROM top_regions)
            GROUP BY region, product
        }
    };
}

/// A 30-line recursive CTE: an org chart with a running payroll, joined to per-manager
/// aggregates, with CASE, LIKE, COALESCE, two parameters and a LIMIT.
#[allow(unused_macros)]
macro_rules! org_chart_30_lines {
    ($m:ident, $max_depth:ident, $pattern:ident) => {
        $m! {
            WITH RECURSIVE
                chart(id, manager_id, name, title, depth, path, payroll) AS (
                    SELECT e.id, e.manager_id, e.name, e.title, 0, CAST(e.name AS TEXT), e.salary
                    FROM employee e
                    WHERE e.manager_id IS NULL AND e.active = TRUE
                    UNION ALL
                    SELECT e.id, e.manager_id, e.name, e.title, c.depth + 1,
                           c.path || " / " || e.name, c.payroll + e.salary
                    FROM employee e
                    JOIN chart c ON e.manager_id = c.id
                    WHERE c.depth < {$max_depth} AND e.active = TRUE
                ),
                team(manager_id, headcount, payroll) AS (
                    SELECT manager_id, COUNT(*), SUM(salary)
                    FROM employee
                    WHERE active = TRUE
                    GROUP BY manager_id
                )
            SELECT c.id, c.name, c.title, c.depth, c.path,
                   COALESCE(t.headcount, 0) AS reports,
                   COALESCE(t.payroll, 0) AS team_payroll,
                   CASE WHEN t.headcount IS NULL THEN "individual"
                        WHEN t.headcount < 5 THEN "lead"
                        ELSE "manager" END AS role
            FROM chart c
            LEFT JOIN team t ON t.manager_id = c.id
            WHERE c.name LIKE {$pattern}
            ORDER BY c.path
            LIMIT 100
        }
    };
}
