//! MySQL and SQL Server: each CTE after the CTEs it reads.
//!
//! In `WITH RECURSIVE`, PostgreSQL, SQLite and MariaDB let a CTE read any CTE of its WITH, one
//! written later included. MySQL and SQL Server only let it read those written before it: a
//! later name is a base table there, or an error. So on those two the CTEs of a recursive WITH
//! are written in a stable topological order: the written order wherever it already works,
//! otherwise the first CTE (in written order) whose CTEs are all out goes next. Every CTE of a
//! recursive WITH sees every other, so the order changes no meaning; the placeholders' order
//! follows the text, as the renderer records each one where it writes it. Which CTE reads which
//! is found by the plan (`plan.rs`), once for each CTE.

use super::{facts, scope, Renderer};
use crate::tree::Cte;
use crate::{Dialect, RenderError};

/// The order to write CTEs in.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Order {
    /// As written: no CTE reads one written after it.
    Written,
    /// By these written positions.
    Positions(Vec<usize>),
}

/// Whether CTEs must come after those they read on `dialect`.
pub(super) fn reads_only_earlier(dialect: Dialect) -> bool {
    !facts::support(dialect).ctes_read_later_ctes
}

/// Whether the body of `reader` reads `cte`, a CTE of the same recursive WITH. A CTE reading
/// itself is recursion, not an order.
pub(super) fn reads(reader: &Cte, cte: &Cte) -> bool {
    !std::ptr::eq(reader, cte)
        && !super::query::same_name(&reader.name, &cte.name)
        && scope::statement_mentions(reader.body, &cte.name)
}

/// A stable topological order of `n` CTEs, where `reads(i, j)` tells that the CTE at `i` must
/// come after the one at `j`. `None` for a cycle, which leaves no order.
pub(super) fn order(n: usize, reads: impl Fn(usize, usize) -> bool) -> Option<Order> {
    // The common case, first and without allocating: nothing reads forward.
    if !(0..n).any(|i| (i + 1..n).any(|j| reads(i, j))) {
        return Some(Order::Written);
    }
    let needs: Vec<bool> = (0..n * n).map(|k| reads(k / n, k % n)).collect();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // Each round places one CTE or gives up, so this ends.
        let next = (0..n)
            .find(|&i| !placed[i] && (0..n).all(|j| i == j || placed[j] || !needs[i * n + j]))?;
        placed[next] = true;
        order.push(next);
    }
    Some(Order::Positions(order))
}

/// `order`, or the error for a cycle.
pub(super) fn ordered(order: Option<Order>, dialect: Dialect) -> Result<Order, RenderError> {
    order.ok_or_else(|| {
        RenderError::new(
            "mutual recursion between CTEs",
            dialect,
            "a CTE here reads only the CTEs written before it; \
             merge the CTEs that read each other into one",
        )
    })
}

impl Renderer<'_> {
    /// The order to write the CTEs of a WITH in, or of those of its CTEs that a reference
    /// carries (see `moved.rs`), from what the plan found each CTE reads.
    pub(super) fn cte_order<'c>(
        &self,
        recursive: bool,
        ctes: impl Iterator<Item = &'c Cte>,
    ) -> Result<Order, RenderError> {
        if !recursive || !reads_only_earlier(self.dialect) {
            return Ok(Order::Written);
        }
        let list: Vec<&Cte> = ctes.collect();
        let planned = list
            .iter()
            .map(|c| self.planned_recursive_cte(c))
            .collect::<Result<Vec<_>, _>>()?;
        let reads = |i: usize, j: usize| planned[i].reads.contains(&(list[j] as *const Cte));
        self.ordered(order(list.len(), reads))
    }

    /// `order`, or the error for a cycle.
    pub(super) fn ordered(&self, order: Option<Order>) -> Result<Order, RenderError> {
        ordered(order, self.dialect)
    }
}

#[cfg(test)]
mod tests {
    use super::{order, Order};

    fn of(n: usize, edges: &[(usize, usize)]) -> Option<Order> {
        order(n, |i, j| edges.contains(&(i, j)))
    }

    #[test]
    fn backward_reads_keep_the_written_order() {
        assert_eq!(of(3, &[(1, 0), (2, 0), (2, 1)]), Some(Order::Written));
        assert_eq!(of(0, &[]), Some(Order::Written));
    }

    #[test]
    fn a_forward_read_moves_only_what_it_must() {
        // 0 reads 2: 1 stays first, as it was written before 2.
        assert_eq!(of(3, &[(0, 2)]), Some(Order::Positions(vec![1, 2, 0])));
        assert_eq!(of(2, &[(0, 1)]), Some(Order::Positions(vec![1, 0])));
        assert_eq!(
            of(4, &[(0, 3), (3, 2), (1, 0)]),
            Some(Order::Positions(vec![2, 3, 0, 1]))
        );
    }

    #[test]
    fn a_cycle_has_no_order() {
        assert_eq!(of(2, &[(0, 1), (1, 0)]), None);
        assert_eq!(of(3, &[(0, 2), (2, 1), (1, 0)]), None);
    }
}
