//! A stream of typed rows over an async driver's stream of rows: each row is read into the
//! [`TypedQuery`]'s row type as it arrives, so a large result never sits in memory at once.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::DriverError;
use crate::{TypedQuery, Value};

/// The rows of a [`select_as!`](crate::select_as) query as a `Stream` of `Result<R, _>`, read
/// from the connection as it is polled (`tokio-postgres`'s `cte_fetch`, `sqlx::fetch`): `S`
/// is the driver's stream of `Result<T, E>`, with `T` its row type.
pub struct TypedRows<'q, S, T, E, R> {
    rows: Pin<Box<S>>,
    query: &'q TypedQuery<R>,
    values: fn(&T) -> Result<Vec<Value>, E>,
}

impl<'q, S, T, E, R> TypedRows<'q, S, T, E, R>
where
    S: Stream<Item = Result<T, E>>,
{
    /// Reads each row of `rows` into `query`'s row type, its columns read by `values`.
    pub(crate) fn new(
        rows: S,
        query: &'q TypedQuery<R>,
        values: fn(&T) -> Result<Vec<Value>, E>,
    ) -> Self {
        TypedRows {
            rows: Box::pin(rows),
            query,
            values,
        }
    }
}

impl<S, T, E, R> Stream for TypedRows<'_, S, T, E, R>
where
    S: Stream<Item = Result<T, E>>,
{
    type Item = Result<R, DriverError<E>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        match this.rows.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(row))) => {
                let decoded = (this.values)(&row)
                    .map_err(DriverError::Driver)
                    .and_then(|values| Ok(this.query.decode_row(values)?));
                Poll::Ready(Some(decoded))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(DriverError::Driver(e)))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

// The driver's stream is pinned on the heap; the rest is plain data.
impl<S, T, E, R> Unpin for TypedRows<'_, S, T, E, R> {}
