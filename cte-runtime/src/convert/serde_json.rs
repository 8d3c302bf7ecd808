//! `serde_json::Value` as a parameter and a column (feature `serde_json`): [`Value::Json`], its
//! text.

use super::plain::{param_by_value_from, read_as, read_json};
use super::{IntoParam, ValueError};
use crate::param::known_kind;
use crate::Value;

impl From<::serde_json::Value> for Value {
    fn from(v: ::serde_json::Value) -> Self {
        Value::Json(v.to_string())
    }
}

impl From<&::serde_json::Value> for Value {
    fn from(v: &::serde_json::Value) -> Self {
        Value::Json(v.to_string())
    }
}

param_by_value_from!(::serde_json::Value);
known_kind!(Json: ::serde_json::Value);

fn read(v: &Value, target: &'static str) -> Result<::serde_json::Value, ValueError> {
    let text = read_json(v, target)?;
    ::serde_json::from_str(text)
        .map_err(|_| ValueError::invalid(text, "text", target, "not valid JSON"))
}

read_as!(::serde_json::Value, read);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_converts_both_ways() {
        let doc = ::serde_json::json!({"a": [1, 2.5, "it's"], "b": null});
        let v = Value::from(&doc);
        assert_eq!(v, Value::Json(r#"{"a":[1,2.5,"it's"],"b":null}"#.into()));
        assert_eq!(::serde_json::Value::try_from(v), Ok(doc));
        assert!(::serde_json::Value::try_from(Value::Text("{".into())).is_err());
    }
}
