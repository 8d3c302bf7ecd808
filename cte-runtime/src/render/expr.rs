//! Expressions.
//!
//! Precedence differs between engines (SQLite's `||` binds tighter than `*`, PostgreSQL's
//! looser than `+`; MySQL's `NOT` and `IS` sit elsewhere again), so an operand is written bare
//! only when it binds strictly tighter than its operator on every engine, or is the left
//! operand of the same left-associative operator. Everything else gets parentheses.
//! `Expr::Nested` keeps the parentheses the user wrote.
//!
//! Division: on PostgreSQL, SQLite and SQL Server an integer divided by an integer truncates;
//! on MySQL and MariaDB `/` always yields a DECIMAL (`7 / 2` is `3.5000`). So on those two,
//! `/` is written `DIV` when both operands are integers for certain (integer literals, integer
//! casts, COUNT, and arithmetic on those), `/` when either is certainly not an integer (a
//! decimal literal, a DECIMAL/REAL/DOUBLE cast, AVG), and refused when the types are unknown
//! (`stock / 2` on a column): `CAST(stock AS INTEGER) / 2` or `stock / 2.0` say which.

use super::facts::{self, ConcatForm};
use super::typing::{typed_like_a_value, Typing};
use super::{Renderer, Res};
use crate::tree::{BinaryOp, DataType, Expr, Function, FunctionArgs, Literal, UnaryOp};

/// Where an expression stands. Only SQL Server tells them apart: it has no boolean values, so
/// a predicate in value position and a value in predicate position both need rewriting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pos {
    /// WHERE, HAVING, ON, CASE WHEN, and the operands of AND, OR, NOT.
    Predicate,
    /// Everywhere else.
    Value,
}

/// How tightly a rendered expression binds, loosest first. `Concat` and the arithmetic
/// levels do not compare: their order differs between engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Level {
    Or,
    And,
    Not,
    /// Comparisons, IS [NOT] NULL, [NOT] BETWEEN, [NOT] IN, [NOT] LIKE.
    Compare,
    Concat,
    Add,
    Mul,
    Unary,
    Atom,
}

/// Whether an operand at `child` level can be written bare under an operator at `parent`.
fn binds_tighter(child: Level, parent: Level) -> bool {
    let arithmetic = |l| matches!(l, Level::Add | Level::Mul);
    if (child == Level::Concat && arithmetic(parent))
        || (parent == Level::Concat && arithmetic(child))
    {
        return false;
    }
    child > parent
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

fn op_level(op: BinaryOp) -> Level {
    match op {
        BinaryOp::Or => Level::Or,
        BinaryOp::And => Level::And,
        BinaryOp::Eq
        | BinaryOp::NotEq
        | BinaryOp::Lt
        | BinaryOp::LtEq
        | BinaryOp::Gt
        | BinaryOp::GtEq => Level::Compare,
        BinaryOp::Concat => Level::Concat,
        BinaryOp::Plus | BinaryOp::Minus => Level::Add,
        BinaryOp::Multiply | BinaryOp::Divide | BinaryOp::Modulo => Level::Mul,
    }
}

fn op_text(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Plus => " + ",
        BinaryOp::Minus => " - ",
        BinaryOp::Multiply => " * ",
        BinaryOp::Divide => " / ",
        BinaryOp::Modulo => " % ",
        BinaryOp::Concat => " || ",
        BinaryOp::Eq => " = ",
        BinaryOp::NotEq => " <> ",
        BinaryOp::Lt => " < ",
        BinaryOp::LtEq => " <= ",
        BinaryOp::Gt => " > ",
        BinaryOp::GtEq => " >= ",
        BinaryOp::And => " AND ",
        BinaryOp::Or => " OR ",
    }
}

/// The position the operands of `op` stand in.
fn operand_pos(op: BinaryOp) -> Pos {
    match op {
        BinaryOp::And | BinaryOp::Or => Pos::Predicate,
        _ => Pos::Value,
    }
}

/// Whether `e` is a predicate (a truth value in SQL Server's sense).
pub(super) fn is_predicate(e: &Expr) -> bool {
    match e {
        Expr::Binary { op, .. } => matches!(op_level(*op), Level::Or | Level::And | Level::Compare),
        Expr::Unary {
            op: UnaryOp::Not, ..
        }
        | Expr::IsNull { .. }
        | Expr::Between { .. }
        | Expr::InList { .. }
        | Expr::InListParam { .. }
        | Expr::InSubquery { .. }
        | Expr::Like { .. }
        | Expr::Exists { .. } => true,
        Expr::Nested(inner) => is_predicate(inner),
        Expr::Unary { .. }
        | Expr::Literal(_)
        | Expr::Param(_)
        | Expr::Column(_)
        | Expr::Subquery(_)
        | Expr::Case { .. }
        | Expr::Cast { .. }
        | Expr::Function(_) => false,
    }
}

impl Renderer<'_> {
    /// An expression in value position.
    pub(super) fn expr(&mut self, e: &Expr) -> Res {
        self.typed(Typing::Value).expr_at(e, Pos::Value)
    }

    /// An expression in predicate position: WHERE, HAVING, ON, CASE WHEN.
    pub(super) fn predicate(&mut self, e: &Expr) -> Res {
        self.typed(Typing::Inferred).expr_at(e, Pos::Predicate)
    }

    /// An expression at `pos`; a parameter written here is typed as [`Renderer::typed`] set
    /// last (the typing applies to this expression only, not to its operands).
    pub(super) fn expr_at(&mut self, e: &Expr, pos: Pos) -> Res {
        let typing = std::mem::replace(&mut self.typing, Typing::Value);
        if !self.support().boolean_values {
            match (pos, is_predicate(e)) {
                (Pos::Value, true) => return self.mssql_predicate_as_value(e),
                (Pos::Predicate, false) => return self.mssql_value_as_predicate(e),
                _ => {}
            }
        }
        match e {
            Expr::Literal(lit) => self.literal(lit),
            Expr::Param(i) => self.param(*i, typing),
            Expr::Column(name) => {
                match name.0 {
                    [qualifier, column] if self.excluded_as_values && is_excluded(qualifier) => {
                        self.write("VALUES(");
                        self.ident(column);
                        self.write(")");
                    }
                    _ => self.object_name(name),
                }
                Ok(())
            }
            Expr::Unary { op, expr } => self.unary(*op, expr),
            Expr::Binary {
                left,
                op: BinaryOp::Concat,
                right,
            } => self.concat(left, right),
            Expr::Binary {
                left,
                op: BinaryOp::Divide,
                right,
            } if !self.support().integer_division => self.mysql_divide(left, right),
            Expr::Binary { left, op, right } => {
                let level = op_level(*op);
                let pos = operand_pos(*op);
                let (left_typing, right_typing) = match level {
                    Level::Or | Level::And => (Typing::Inferred, Typing::Inferred),
                    Level::Add | Level::Mul => (
                        Self::arithmetic_typing(right),
                        Self::arithmetic_typing(left),
                    ),
                    _ => (Typing::Value, Typing::Value),
                };
                self.typed(left_typing)
                    .operand(left, level, Side::Left, pos)?;
                self.write(op_text(*op));
                self.typed(right_typing)
                    .operand(right, level, Side::Right, pos)
            }
            Expr::IsNull { expr, negated } => {
                self.typed(Typing::Undetermined).operand(
                    expr,
                    Level::Compare,
                    Side::Left,
                    Pos::Value,
                )?;
                self.write(if *negated { " IS NOT NULL" } else { " IS NULL" });
                Ok(())
            }
            Expr::Between {
                expr,
                negated,
                low,
                high,
            } => {
                self.operand(expr, Level::Compare, Side::Left, Pos::Value)?;
                self.write(if *negated {
                    " NOT BETWEEN "
                } else {
                    " BETWEEN "
                });
                self.operand(low, Level::Compare, Side::Right, Pos::Value)?;
                self.write(" AND ");
                self.operand(high, Level::Compare, Side::Right, Pos::Value)
            }
            Expr::InList {
                expr,
                list,
                negated,
            } => {
                self.operand(expr, Level::Compare, Side::Left, Pos::Value)?;
                self.write(if *negated { " NOT IN (" } else { " IN (" });
                self.comma_separated(*list, Self::expr)?;
                self.write(")");
                Ok(())
            }
            Expr::InListParam {
                expr,
                param,
                negated,
            } => self.in_list_param(expr, *param, *negated),
            Expr::InSubquery {
                expr,
                subquery,
                negated,
            } => {
                self.operand(expr, Level::Compare, Side::Left, Pos::Value)?;
                self.write(if *negated { " NOT IN " } else { " IN " });
                self.in_subquery(subquery)
            }
            Expr::Like {
                expr,
                negated,
                pattern,
            } => self.like(expr, *negated, pattern),
            Expr::Exists { subquery, negated } => {
                self.write(if *negated { "NOT EXISTS " } else { "EXISTS " });
                self.subquery(subquery)
            }
            Expr::Subquery(q) => self.subquery(q),
            Expr::Case {
                operand,
                whens,
                else_result,
            } => {
                self.write("CASE");
                if let Some(operand) = operand {
                    self.write(" ");
                    self.expr(operand)?;
                }
                // A simple CASE compares values; a searched CASE tests predicates.
                let (when_pos, when_typing) = if operand.is_some() {
                    (Pos::Value, Typing::Value)
                } else {
                    (Pos::Predicate, Typing::Inferred)
                };
                for (when, then) in whens.iter() {
                    self.write(" WHEN ");
                    self.typed(when_typing).expr_at(when, when_pos)?;
                    self.write(" THEN ");
                    self.expr(then)?;
                }
                if let Some(else_result) = else_result {
                    self.write(" ELSE ");
                    self.expr(else_result)?;
                }
                self.write(" END");
                Ok(())
            }
            Expr::Cast { expr, data_type } => self.cast(expr, *data_type),
            Expr::Function(f) => self.function(f),
            Expr::Nested(inner) => {
                self.write("(");
                self.typed(typing).expr_at(inner, pos)?;
                self.write(")");
                Ok(())
            }
        }
    }

    /// How tightly `e` binds once rendered in this dialect at `pos`.
    pub(super) fn level(&self, e: &Expr, pos: Pos) -> Level {
        if !self.support().boolean_values {
            match (pos, is_predicate(e)) {
                // CASE WHEN p THEN 1 ...
                (Pos::Value, true) => return Level::Atom,
                // v = 1
                (Pos::Predicate, false) => return Level::Compare,
                _ => {}
            }
        }
        match e {
            Expr::Binary {
                op: BinaryOp::Concat,
                ..
            } => match facts::concat_form(self.dialect) {
                ConcatForm::Function => Level::Atom,
                ConcatForm::Plus => Level::Add,
                ConcatForm::Operator => Level::Concat,
            },
            Expr::Binary { op, .. } => op_level(*op),
            Expr::Unary {
                op: UnaryOp::Not, ..
            } => Level::Not,
            Expr::Unary { .. } => Level::Unary,
            Expr::IsNull { .. }
            | Expr::Between { .. }
            | Expr::InList { .. }
            | Expr::InListParam { .. }
            | Expr::InSubquery { .. }
            | Expr::Like { .. } => Level::Compare,
            // A negative number written inline for a log.
            Expr::Param(_) if self.inline.is_some() => Level::Unary,
            Expr::Literal(_)
            | Expr::Param(_)
            | Expr::Column(_)
            | Expr::Exists { .. }
            | Expr::Subquery(_)
            | Expr::Case { .. }
            | Expr::Cast { .. }
            | Expr::Function(_)
            | Expr::Nested(_) => Level::Atom,
        }
    }

    /// An operand of an operator at `parent` level, parenthesised unless that is needless on
    /// every engine.
    pub(super) fn operand(&mut self, e: &Expr, parent: Level, side: Side, pos: Pos) -> Res {
        let child = self.level(e, pos);
        let associative = matches!(
            parent,
            Level::Or | Level::And | Level::Add | Level::Mul | Level::Concat
        );
        let bare =
            binds_tighter(child, parent) || (child == parent && side == Side::Left && associative);
        if bare {
            self.expr_at(e, pos)
        } else {
            self.write("(");
            self.expr_at(e, pos)?;
            self.write(")");
            Ok(())
        }
    }

    fn unary(&mut self, op: UnaryOp, e: &Expr) -> Res {
        let (text, pos, typing) = match op {
            UnaryOp::Not => ("NOT ", Pos::Predicate, Typing::Inferred),
            // No space, but never `--` (a comment): any operand that is not an atom gets
            // parentheses.
            UnaryOp::Minus => ("-", Pos::Value, Typing::Undetermined),
            UnaryOp::Plus => ("+", Pos::Value, Typing::Undetermined),
        };
        self.write(text);
        self.typed(typing)
            .operand(e, Level::Unary, Side::Right, pos)
    }

    /// `a / b` on MySQL/MariaDB: `DIV` for integers, as PostgreSQL divides them.
    fn mysql_divide(&mut self, left: &Expr, right: &Expr) -> Res {
        let text = match (numeric_kind(left), numeric_kind(right)) {
            (Some(Kind::Integer), Some(Kind::Integer)) => " DIV ",
            (Some(Kind::Fractional), _) | (_, Some(Kind::Fractional)) => " / ",
            _ => {
                return Err(self.unsupported(
                    "/ on operands of unknown type",
                    "integers divide to a decimal here but truncate elsewhere; write \
                     CAST(a AS INTEGER) / b for integer division or a / 2.0 for exact division",
                ))
            }
        };
        self.operand(left, Level::Mul, Side::Left, Pos::Value)?;
        self.write(text);
        self.operand(right, Level::Mul, Side::Right, Pos::Value)
    }

    /// `CAST(x AS type)`, with each dialect's type name.
    pub(super) fn cast(&mut self, e: &Expr, ty: DataType) -> Res {
        match facts::cast(self.dialect, ty)? {
            facts::Cast::As(name) => self.cast_operand("CAST(", e, &format!(" AS {name})")),
            facts::Cast::TruncatedText(n) => {
                self.cast_operand("SUBSTR(CAST(", e, &format!(" AS TEXT), 1, {n})"))
            }
            facts::Cast::RoundedNumeric(scale) => {
                self.cast_operand("ROUND(CAST(", e, &format!(" AS NUMERIC), {scale})"))
            }
            facts::Cast::RealRoundedInteger(name) => {
                let rounded = format!(") AS {name}) ELSE CAST(");
                self.cast_operand("CASE WHEN typeof(", e, ") = 'real' THEN CAST(ROUND(")?;
                self.cast_operand("", e, &rounded)?;
                self.cast_operand("", e, &format!(" AS {name}) END"))
            }
            facts::Cast::RoundedInteger(name) => {
                self.cast_operand("CAST(ROUND(", e, &format!(", 0) AS {name})"))
            }
            facts::Cast::WideInteger => {
                self.cast_operand("CAST(CAST(", e, " AS DECIMAL(19, 0)) AS SIGNED)")
            }
            facts::Cast::Function(name) => {
                self.write(name);
                self.cast_operand("(", e, ")")
            }
        }
    }

    /// `before`, the operand of a cast, `after`.
    fn cast_operand(&mut self, before: &str, e: &Expr, after: &str) -> Res {
        self.write(before);
        self.expr_typed(e, Typing::Inferred)?;
        self.write(after);
        Ok(())
    }

    /// `x [NOT] LIKE p`, with `\` as the escape character on every engine.
    fn like(&mut self, e: &Expr, negated: bool, pattern: &Expr) -> Res {
        self.typed(Typing::Inferred)
            .operand(e, Level::Compare, Side::Left, Pos::Value)?;
        self.write(if negated { " NOT LIKE " } else { " LIKE " });
        if self.support().like_bracket_classes {
            self.mssql_like_pattern(pattern)?;
        } else {
            self.typed(Typing::Inferred).operand(
                pattern,
                Level::Compare,
                Side::Right,
                Pos::Value,
            )?;
        }
        if facts::like_needs_escape_clause(self.dialect) {
            self.write(" ESCAPE ");
            self.string("\\")?;
        }
        Ok(())
    }

    fn function(&mut self, f: &Function) -> Res {
        self.function_name(&f.name);
        self.write("(");
        match f.args {
            FunctionArgs::Star => self.write("*"),
            FunctionArgs::List { distinct, args } => {
                if distinct {
                    self.write("DISTINCT ");
                }
                // Most functions type their arguments; the few whose result type comes from
                // the arguments leave a parameter untyped.
                let typing = if typed_like_a_value(f) {
                    Typing::Value
                } else {
                    Typing::Inferred
                };
                self.comma_separated(args, |r, arg| r.expr_typed(arg, typing))?;
            }
        }
        self.write(")");
        if let Some(over) = &f.over {
            self.write(" OVER (");
            self.window_spec(over)?;
            self.write(")");
        }
        Ok(())
    }
}

/// What is certain about the numeric type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Integer,
    /// DECIMAL, REAL or DOUBLE.
    Fractional,
}

/// The numeric kind of `e` when the tree alone tells it; `None` for columns, parameters and
/// anything else whose type only the database knows.
pub(super) fn numeric_kind(e: &Expr) -> Option<Kind> {
    numeric_kind_with(e, &|_| None)
}

/// [`numeric_kind`], with the kind of each parameter from `param` (which knows the values).
pub(super) fn numeric_kind_with(e: &Expr, param: &dyn Fn(&Expr) -> Option<Kind>) -> Option<Kind> {
    match e {
        Expr::Param(_) => param(e),
        // Up to 18 digits is a BIGINT everywhere; longer is NUMERIC on PostgreSQL.
        Expr::Literal(Literal::Integer(digits)) if digits.len() <= 18 => Some(Kind::Integer),
        Expr::Literal(Literal::Decimal(_)) => Some(Kind::Fractional),
        Expr::Cast { data_type, .. } => match data_type {
            DataType::SmallInt | DataType::Integer | DataType::BigInt => Some(Kind::Integer),
            DataType::Decimal { .. } | DataType::Real | DataType::Double => Some(Kind::Fractional),
            _ => None,
        },
        Expr::Function(f) => {
            let [name] = f.name.0 else { return None };
            if name.raw {
                None
            } else if name.value.eq_ignore_ascii_case("COUNT") {
                Some(Kind::Integer)
            } else if name.value.eq_ignore_ascii_case("AVG") {
                Some(Kind::Fractional)
            } else {
                None
            }
        }
        Expr::Nested(inner)
        | Expr::Unary {
            op: UnaryOp::Minus | UnaryOp::Plus,
            expr: inner,
        } => numeric_kind_with(inner, param),
        Expr::Binary {
            left,
            op:
                BinaryOp::Plus
                | BinaryOp::Minus
                | BinaryOp::Multiply
                | BinaryOp::Divide
                | BinaryOp::Modulo,
            right,
        } => match (
            numeric_kind_with(left, param),
            numeric_kind_with(right, param),
        ) {
            (Some(Kind::Integer), Some(Kind::Integer)) => Some(Kind::Integer),
            (Some(Kind::Fractional), _) | (_, Some(Kind::Fractional)) => Some(Kind::Fractional),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `qualifier` is `excluded`, the name an upsert's DO UPDATE reads the row proposed for
/// insertion by (unquoted, so in any case).
pub(super) fn is_excluded(qualifier: &crate::tree::Ident) -> bool {
    !qualifier.raw && qualifier.value.eq_ignore_ascii_case("excluded")
}
