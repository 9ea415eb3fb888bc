//! The importer never panics: random text, and the real dataset cut, flipped and reshaped at random
//! places, either reads or is refused with a reason; what reads can be previewed, merged and written back.

use kinerja::core::io::diff::classify;
use kinerja::core::io::file::{self, WriteOptions};
use kinerja::core::io::merge::{apply, Choice, Incoming};
use kinerja::core::model::{IdGen, Origin};
use kinerja::core::seed;
use proptest::prelude::*;
use serde_json::Value;

/// Read, and when it reads, preview and merge into the dataset, then write and read the result.
fn exercise(text: &str) {
    let result = file::read(text);
    assert_eq!(result, file::read_checked(text), "the direct and the checked reading agree");
    let stepwise = match kinerja::core::io::steps::FileReading::new(text) {
        Ok(mut steps) => {
            while steps.step(3) {}
            steps.finish()
        }
        Err(at_once) => *at_once,
    };
    assert_eq!(result, stepwise, "reading in steps gives the same");
    if let Err(file::FileError::Invalid(problems)) = &result {
        // Every problem is found by validation, never left to the model's deserialisation.
        assert!(problems.iter().all(|p| !p.path.contains(" at line ")), "{problems:?}");
    }
    let Ok(loaded) = result else { return };
    let ws = seed::workspace().unwrap();
    let incoming: Vec<_> = loaded.workspace.agreements.iter().map(|a| a.as_ref()).collect();
    let statuses = classify(&ws, &incoming, None);
    let items: Vec<Incoming> = incoming
        .iter()
        .zip(&statuses)
        .map(|(a, s)| Incoming {
            agreement: (*a).clone(),
            origin: Origin::default(),
            choice: Choice::default_for(s),
            take: Vec::new(),
            unchanged_here: false,
        })
        .collect();
    let (merged, _) = apply(&ws, &items, &mut IdGen::new("f"));
    let _ = kinerja::core::rollup::rollup(&merged, 2024, None);
    let written = file::write(&merged, None, &WriteOptions::default());
    if let Err(e) = file::read(&written) {
        panic!("what was merged can always be written and read back: {e:?}");
    }
}

/// Replaces the node at position `pick` (in a walk of the tree) with `replacement`, or removes it from
/// its object or list when there is none.
fn replace_nth(v: &mut Value, pick: &mut usize, replacement: &Option<Value>) -> bool {
    if *pick == 0 {
        *v = replacement.clone().unwrap_or(Value::Null);
        return true;
    }
    *pick -= 1;
    match v {
        Value::Array(items) => {
            for k in 0..items.len() {
                if *pick == 0 && replacement.is_none() {
                    items.remove(k);
                    return true;
                }
                if replace_nth(&mut items[k], pick, replacement) {
                    return true;
                }
            }
            false
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if *pick == 0 && replacement.is_none() {
                    map.remove(&k);
                    return true;
                }
                if map.get_mut(&k).is_some_and(|i| replace_nth(i, pick, replacement)) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::from),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"id": "kpu-maluku-2024-sekretaris"})),
        Just(Value::from("-99999999999999999999999")),
        Just(Value::from("<img src=x onerror=alert(1)>")),
    ]
}

/// Found by fuzzing (`at = 39977, c = '\t'`): the comma between two agreements flipped into a tab was
/// read in steps although it is not JSON.
#[test]
fn a_missing_comma_between_agreements_is_refused_in_steps_too() {
    assert!(seed::JSON.contains("\n    },\n    {"));
    exercise(&seed::JSON.replacen("\n    },\n    {", "\n    }\t\n    {", 1));
    exercise(&seed::JSON.replacen("\n    },\n    {", "\n    },,\n    {", 1));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,300}") {
        exercise(&text);
    }

    #[test]
    fn a_truncated_dataset_never_panics(cut in 0usize..seed::JSON.len()) {
        let mut end = cut;
        while !seed::JSON.is_char_boundary(end) { end -= 1; }
        exercise(&seed::JSON[..end]);
    }

    #[test]
    fn a_flipped_character_never_panics(at in 0usize..seed::JSON.len(), c in any::<char>()) {
        let mut s: Vec<char> = seed::JSON.chars().collect();
        let i = at % s.len();
        s[i] = c;
        exercise(&s.into_iter().collect::<String>());
    }

    #[test]
    fn a_reshaped_dataset_never_panics(picks in proptest::collection::vec((0usize..4000, proptest::option::weighted(0.7, any_json())), 1..4)) {
        let mut v: Value = serde_json::from_str(seed::JSON).unwrap();
        for (pick, replacement) in picks {
            let mut p = pick;
            replace_nth(&mut v, &mut p, &replacement);
        }
        exercise(&v.to_string());
    }
}
