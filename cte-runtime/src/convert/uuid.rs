//! `uuid::Uuid` as a parameter and a column (feature `uuid`): [`Value::Uuid`].

use ::uuid::Uuid;

use super::plain::{param_by_value_from, read_as, read_uuid};
use super::{IntoParam, ValueError};
use crate::param::known_kind;
use crate::Value;

impl From<Uuid> for Value {
    fn from(v: Uuid) -> Self {
        Value::Uuid(v.into_bytes())
    }
}

impl From<&Uuid> for Value {
    fn from(v: &Uuid) -> Self {
        Value::Uuid(v.into_bytes())
    }
}

param_by_value_from!(Uuid);
known_kind!(Uuid: Uuid);

fn read(v: &Value, target: &'static str) -> Result<Uuid, ValueError> {
    read_uuid(v, target).map(Uuid::from_bytes)
}

read_as!(Uuid, read);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_convert_both_ways() {
        let id = Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8);
        assert_eq!(Uuid::try_from(Value::from(id)), Ok(id));
        assert_eq!(Uuid::try_from(Value::Text(id.to_string())), Ok(id));
        assert_eq!(Uuid::try_from(Value::Bytes(id.as_bytes().to_vec())), Ok(id));
        assert!(Uuid::try_from(Value::Text("nope".into())).is_err());
    }
}
