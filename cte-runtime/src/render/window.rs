//! Window specifications: `OVER (PARTITION BY ... ORDER BY ... [frame])`.

use super::expr::{Level, Pos, Side};
use super::facts::Takes;
use super::query::OrderOf;
use super::typing::Typing;
use super::{Renderer, Res};
use crate::tree::{FrameBound, FrameUnits, WindowFrame, WindowSpec};

impl Renderer<'_> {
    pub(super) fn window_spec(&mut self, w: &WindowSpec) -> Res {
        let mut space = "";
        if !w.partition_by.is_empty() {
            self.write("PARTITION BY ");
            self.comma_separated(w.partition_by, Self::expr)?;
            space = " ";
        }
        if !w.order_by.is_empty() {
            self.write(space);
            self.write("ORDER BY ");
            self.order_by_items(w.order_by, OrderOf::Window)?;
            space = " ";
        }
        if let Some(frame) = &w.frame {
            self.write(space);
            self.window_frame(frame)?;
        }
        Ok(())
    }

    fn window_frame(&mut self, frame: &WindowFrame) -> Res {
        self.write(match frame.units {
            FrameUnits::Rows => "ROWS ",
            FrameUnits::Range => "RANGE ",
            FrameUnits::Groups if self.support().groups_frame => "GROUPS ",
            FrameUnits::Groups => {
                return Err(self.unsupported("GROUPS window frame", "use a ROWS or RANGE frame"))
            }
        });
        match &frame.end {
            Some(end) => {
                self.write("BETWEEN ");
                self.frame_bound(frame.units, &frame.start)?;
                self.write(" AND ");
                self.frame_bound(frame.units, end)
            }
            None => self.frame_bound(frame.units, &frame.start),
        }
    }

    fn frame_bound(&mut self, units: FrameUnits, bound: &FrameBound) -> Res {
        let (offset, direction) = match bound {
            FrameBound::CurrentRow => {
                self.write("CURRENT ROW");
                return Ok(());
            }
            FrameBound::Preceding(offset) => (offset, " PRECEDING"),
            FrameBound::Following(offset) => (offset, " FOLLOWING"),
        };
        match offset {
            None => self.write("UNBOUNDED"),
            Some(e) => {
                if let (FrameUnits::Range, Takes::No { help }) =
                    (units, self.support().range_offset)
                {
                    return Err(self.unsupported("RANGE frame with an offset", help));
                }
                self.typed(Typing::Inferred)
                    .operand(e, Level::Unary, Side::Left, Pos::Value)?
            }
        }
        self.write(direction);
        Ok(())
    }
}
