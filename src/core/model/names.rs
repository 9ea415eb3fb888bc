//! Names follow the cascade: a lower PK's *Pihak Kedua* is its parent PK's *Pihak Pertama*. A draft
//! below follows the parent's Pihak Pertama as it is typed (in the same change, so one undo step); a
//! signed PK below never changes by itself: the difference is flagged and a Perubahan offered. A name
//! typed by hand that differs from the parent's is flagged, and so is a position that does not fit the
//! level (a Kepala Bagian signing as Pihak Pertama under a Kepala Bagian): flagged, never changed.

use super::edit::Field;
use super::normalize::normalize;
use super::{Agreement, AgreementId, Party, Workspace};

/// What is said about a PK's parties against its parent PK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartyFlag {
    /// The Pihak Kedua's name is not the parent PK's Pihak Pertama's (`parent`); empty here counts.
    NameDiffers { parent: String },
    /// The same for the position.
    PositionDiffers { parent: String },
    /// The Pihak Pertama's position is not below its superior's: `first` and `superior` by their words.
    LevelDoesNotFit { first: String, superior: String },
}

/// The rank of a position by its title words: 0 Ketua, 1 Sekretaris, 2 Kepala Bagian, 3 Kepala Sub
/// Bagian; `None` for words the app does not know (nothing is flagged then).
pub fn level(position: &str) -> Option<u8> {
    let words = normalize(position);
    let starts =
        |prefixes: &[&str]| prefixes.iter().any(|p| words == *p || words.starts_with(&format!("{p} ")));
    if starts(&["kepala sub bagian", "kepala subbagian", "kasubag", "kasubbag", "kepala sub bag"]) {
        Some(3)
    } else if starts(&["kepala bagian", "kabag"]) {
        Some(2)
    } else if starts(&["sekretaris"]) {
        Some(1)
    } else if starts(&["ketua"]) {
        Some(0)
    } else {
        None
    }
}

/// Whether two names or positions are the same once spaces, case and punctuation are set aside.
fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

impl Workspace {
    /// The parent PK's Pihak Pertama, which is `id`'s Pihak Kedua by the cascade.
    pub fn parent_party(&self, id: &AgreementId) -> Option<&Party> {
        let parent = self.agreement(id)?.parent.clone()?;
        self.agreement(&parent).map(|p| &p.first_party)
    }

    /// What is flagged about the parties of `id`.
    pub fn party_flags(&self, id: &AgreementId) -> Vec<PartyFlag> {
        let Some(a) = self.agreement(id) else { return Vec::new() };
        let parent = self.parent_party(id);
        let mut out = Vec::new();
        if let Some(p) = parent {
            if !p.name.trim().is_empty() && !same(&a.second_party.name, &p.name) {
                out.push(PartyFlag::NameDiffers { parent: p.name.clone() });
            }
            if !p.position.trim().is_empty() && !same(&a.second_party.position, &p.position) {
                out.push(PartyFlag::PositionDiffers { parent: p.position.clone() });
            }
        }
        let superior = parent
            .map(|p| p.position.as_str())
            .filter(|p| level(p).is_some())
            .unwrap_or(a.second_party.position.as_str());
        if let (Some(first), Some(sup)) = (level(&a.first_party.position), level(superior)) {
            if first <= sup {
                out.push(PartyFlag::LevelDoesNotFit {
                    first: a.first_party.position.clone(),
                    superior: superior.to_string(),
                });
            }
        }
        out
    }

    /// Sets a field of `id`; a field of its Pihak Pertama is followed by the lower PKs still editable
    /// whose Pihak Kedua showed the value before (or nothing): a name typed by hand otherwise stays,
    /// and signed PKs never change (they show the difference). Returns whether anything changed.
    pub fn set_field_following(&mut self, id: &AgreementId, field: Field, value: &str) -> bool {
        let Some(a) = self.agreement(id) else { return false };
        let below = match field {
            Field::FirstName => Field::SecondName,
            Field::FirstPosition => Field::SecondPosition,
            _ => return self.agreement_mut(id).is_some_and(|a| a.set_field(field, value)),
        };
        let before = a.field(field).to_string();
        if !self.agreement_mut(id).is_some_and(|a| a.set_field(field, value)) {
            return false;
        }
        let followers: Vec<AgreementId> = self
            .children(id)
            .filter(|c| !c.is_locked())
            .filter(|c| c.field(below).trim().is_empty() || c.field(below) == before)
            .map(|c| c.id.clone())
            .collect();
        for c in followers {
            if let Some(c) = self.agreement_mut(&c) {
                c.set_field(below, value);
            }
        }
        true
    }

    /// Takes the parent PK's Pihak Pertama (name and position) as `id`'s Pihak Kedua.
    pub fn take_parent_party(&mut self, id: &AgreementId) -> bool {
        let Some(p) = self.parent_party(id).cloned() else { return false };
        self.agreement_mut(id).is_some_and(|a| {
            let name = a.set_field(Field::SecondName, &p.name);
            let position = a.set_field(Field::SecondPosition, &p.position);
            name || position
        })
    }
}

impl Agreement {
    /// Whether its Pihak Kedua is the given party (as the cascade wants it).
    pub fn second_party_is(&self, p: &Party) -> bool {
        same(&self.second_party.name, &p.name) && same(&self.second_party.position, &p.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Msg;
    use crate::core::model::history::History;
    use crate::core::model::testing::*;

    fn cascade() -> Workspace {
        let mut kabag = agreement("kabag", None, 2024);
        kabag.first_party = Party { name: String::new(), position: "Kepala Bagian Umum".into() };
        let mut follows = agreement("kasubag-1", Some("kabag"), 2024);
        follows.first_party.position = "Kepala Sub Bagian Keuangan".into();
        follows.second_party = Party { name: String::new(), position: "Kepala Bagian Umum".into() };
        let mut typed = agreement("kasubag-2", Some("kabag"), 2024);
        typed.first_party.position = "Kepala Sub Bagian Logistik".into();
        typed.second_party = Party { name: "Orang Lain".into(), position: "Kepala Bagian Umum".into() };
        let mut signed = agreement("kasubag-3", Some("kabag"), 2024);
        signed.first_party.position = "Kepala Sub Bagian Umum".into();
        signed.second_party = Party { name: "Nama Lama".into(), position: "Kepala Bagian Umum".into() };
        signed.objectives = vec![objective("s", "S", vec![indicator("i", "I", "75%", None)])];
        signed.sign("2024-01-02", false).unwrap();
        workspace(vec![kabag, follows, typed, signed])
    }

    fn second(ws: &Workspace, id: &str) -> Party {
        ws.agreement(&aid(id)).unwrap().second_party.clone()
    }

    #[test]
    fn drafts_below_follow_the_name_as_it_is_typed_in_one_undo_step() {
        let before = cascade();
        let mut ws = before.clone();
        let mut history = History::default();
        // Typed a character at a time, as the editor does, each step in the field's typing group.
        for text in ["B", "Bu", "Budi"] {
            let was = ws.clone();
            assert!(ws.set_field_following(&aid("kabag"), Field::FirstName, text));
            history.record(&was, &ws, Msg::ChangeField, Some("kabag/firstname"));
        }
        assert_eq!(second(&ws, "kasubag-1").name, "Budi", "the empty name followed");
        assert_eq!(second(&ws, "kasubag-2").name, "Orang Lain", "a name typed by hand stays");
        assert_eq!(second(&ws, "kasubag-3").name, "Nama Lama", "a signed PK never changes by itself");
        assert!(!crate::core::model::life::breaks_a_signature(&before, &ws));
        let undone = history.undo(&ws).expect("one step");
        assert_eq!(undone, before, "the parent's name and its followers come back in one step");
        assert!(history.undo(&undone).is_none(), "only one step was recorded");
        // The position follows the same way.
        ws.set_field_following(&aid("kabag"), Field::FirstPosition, "Kepala Bagian Umum dan Logistik");
        assert_eq!(second(&ws, "kasubag-1").position, "Kepala Bagian Umum dan Logistik");
        assert_eq!(second(&ws, "kasubag-2").position, "Kepala Bagian Umum dan Logistik");
        assert_eq!(second(&ws, "kasubag-3").position, "Kepala Bagian Umum");
    }

    #[test]
    fn differences_from_the_parent_are_flagged_and_taken_on_request() {
        let mut ws = cascade();
        ws.set_field_following(&aid("kabag"), Field::FirstName, "Budi");
        assert_eq!(ws.party_flags(&aid("kasubag-1")), vec![]);
        assert_eq!(ws.party_flags(&aid("kasubag-2")), vec![PartyFlag::NameDiffers { parent: "Budi".into() }]);
        assert_eq!(ws.party_flags(&aid("kasubag-3")), vec![PartyFlag::NameDiffers { parent: "Budi".into() }]);
        assert!(ws.take_parent_party(&aid("kasubag-2")));
        assert_eq!(ws.party_flags(&aid("kasubag-2")), vec![]);
        assert!(!ws.take_parent_party(&aid("kasubag-2")), "nothing left to take");
        // Spaces, case and punctuation are not a difference.
        ws.agreement_mut(&aid("kasubag-2")).unwrap().second_party.name = " budi. ".into();
        assert_eq!(ws.party_flags(&aid("kasubag-2")), vec![]);
        // A top PK has nothing to follow.
        assert_eq!(ws.party_flags(&aid("kabag")), vec![]);
    }

    #[test]
    fn a_position_that_does_not_fit_the_level_is_flagged_never_changed() {
        assert_eq!(level("Ketua Komisi Pemilihan Umum Provinsi Maluku"), Some(0));
        assert_eq!(level("Sekretaris Komisi Pemilihan Umum Provinsi Maluku"), Some(1));
        assert_eq!(level("Kepala Bagian Perencanaan, Data dan Informasi"), Some(2));
        assert_eq!(level("Kepala Sub Bagian Data dan Informasi"), Some(3));
        assert_eq!(level("Kasubag Keuangan"), Some(3));
        assert_eq!(level("Kepala Subbagian Umum"), Some(3));
        assert_eq!(level("Analis Kebijakan"), None);
        let mut ws = cascade();
        ws.agreement_mut(&aid("kasubag-1")).unwrap().first_party.position =
            "Kepala Bagian Perencanaan".into();
        let flags = ws.party_flags(&aid("kasubag-1"));
        assert_eq!(
            flags,
            vec![PartyFlag::LevelDoesNotFit {
                first: "Kepala Bagian Perencanaan".into(),
                superior: "Kepala Bagian Umum".into()
            }]
        );
        assert_eq!(
            ws.agreement(&aid("kasubag-1")).unwrap().first_party.position,
            "Kepala Bagian Perencanaan"
        );
        // The built-in data: the one Kepala Sub Bagian PK whose Pihak Pertama is printed "Kepala Bagian
        // Perencanaan"; and the two whose Pihak Kedua is empty under a Kepala Bagian without a name.
        let seed = crate::core::seed::workspace().unwrap();
        let flagged: Vec<(String, PartyFlag)> = seed
            .agreements
            .iter()
            .flat_map(|a| seed.party_flags(&a.id).into_iter().map(move |f| (a.id.0.clone(), f)))
            .collect();
        assert_eq!(
            flagged,
            vec![(
                "kpu-maluku-2024-kasubag-perencanaan".to_string(),
                PartyFlag::LevelDoesNotFit {
                    first: "Kepala Bagian Perencanaan".into(),
                    superior: "Kepala Bagian Perencanaan, Data dan Informasi".into()
                }
            )]
        );
    }
}
