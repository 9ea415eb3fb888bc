//! Objects only: serde's derived structs also read a JSON array, filling fields by position, and a
//! struct whose fields all have defaults even reads `[]`. The file check ([`crate::core::io::validate`])
//! refuses an array where an object belongs, so the direct reading of a file must refuse it too, or the
//! two readings would disagree (found by `tests/import_fuzz.rs`).

use serde::de::{value::MapAccessDeserializer, Deserialize, Deserializer, MapAccess, Visitor};
use std::marker::PhantomData;

/// `#[serde(deserialize_with = "objects::only")]` on a field whose struct reads `[]`.
pub fn only<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    struct Only<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Only<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_map(Only(PhantomData))
}

#[cfg(test)]
mod tests {
    use crate::core::model::{Indicator, Life, MeasureSettings, Measurement};

    #[test]
    fn structs_with_only_defaults_read_objects_not_arrays() {
        assert!(serde_json::from_str::<Life>("[]").is_ok(), "serde alone takes the array");
        let indicator =
            |m: &str| format!(r#"{{"id":"i","text":"t","target":{{"text":"1"}},"measurement":{m}}}"#);
        assert!(serde_json::from_str::<Indicator>(&indicator("{}")).is_ok());
        assert!(serde_json::from_str::<Indicator>(&indicator("[]")).is_err());
        let _ = (Measurement::default(), MeasureSettings::default());
    }
}
