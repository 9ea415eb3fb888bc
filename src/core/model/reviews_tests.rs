use super::*;
use crate::core::model::testing::*;

fn q1() -> Quarter {
    Quarter::ALL[0]
}

/// Buru's PK with two indicators, TW I reported.
fn buru() -> Workspace {
    let mut a = agreement("buru", None, 2024);
    a.objectives = vec![objective(
        "s",
        "S",
        vec![indicator("i1", "A", "4 Lap", None), indicator("i2", "B", "100%", None)],
    )];
    let mut ws = workspace(vec![a]);
    report(&mut ws, "buru", "i1", 1, "1 Lap", "");
    report(&mut ws, "buru", "i2", 1, "80%", "");
    ws
}

fn review(ws: &Workspace, verdict: Verdict, at: &str, by: &str, note: &str) -> Review {
    let a = ws.agreement(&aid("buru")).unwrap();
    Review {
        agreement: aid("buru"),
        quarter: 1,
        verdict,
        note: note.into(),
        indicators: vec![],
        by: by.into(),
        at: at.into(),
        figures: a.quarter_fingerprint(q1()),
    }
}

#[test]
fn the_fingerprint_is_of_the_quarter_only() {
    let ws = buru();
    let a = ws.agreement(&aid("buru")).unwrap().clone();
    let before = a.quarter_fingerprint(q1());
    assert_eq!(before.len(), 16);
    // Another quarter's figures, or the notes of the PK, do not change TW I's fingerprint.
    let mut other = buru();
    report(&mut other, "buru", "i1", 2, "2 Lap", "");
    other.agreement_mut(&aid("buru")).unwrap().notes = "catatan".into();
    assert_eq!(other.agreement(&aid("buru")).unwrap().quarter_fingerprint(q1()), before);
    // A value, a note or evidence of TW I does.
    let mut changed = buru();
    report(&mut changed, "buru", "i2", 1, "85%", "");
    assert_ne!(changed.agreement(&aid("buru")).unwrap().quarter_fingerprint(q1()), before);
    let mut noted = buru();
    report(&mut noted, "buru", "i2", 1, "80%", "bukti menyusul");
    assert_ne!(noted.agreement(&aid("buru")).unwrap().quarter_fingerprint(q1()), before);
    // Where it came from is not a figure.
    let mut imported = a.clone();
    imported.origin = Some(crate::core::model::Origin { file: "x.json".into(), ..Default::default() });
    assert_eq!(imported.quarter_fingerprint(q1()), before);
}

#[test]
fn histories_merge_without_loss_or_duplicates() {
    let ws = buru();
    let returned = review(&ws, Verdict::Returned, "2024-04-25T09:00:00+09:00", "KPU Provinsi Maluku", "x");
    let accepted = review(&ws, Verdict::Accepted, "2024-05-02T10:00:00+09:00", "KPU Provinsi Maluku", "");
    let mut here = Reviews::default();
    here.add(returned.clone());
    // The same review from two imports is one; the other is added.
    let file = vec![returned.clone(), accepted.clone(), returned.clone()];
    assert_eq!(here.new_in(&file), [&accepted]);
    here.merge(&file);
    here.merge(&file);
    assert_eq!(here.all(), [returned.clone(), accepted.clone()]);
    // A review of a PK not held here is kept (and shown once the PK arrives).
    let mut stranger = accepted.clone();
    stranger.agreement = aid("tual");
    here.merge(std::slice::from_ref(&stranger));
    assert_eq!(here.all().len(), 3);
    assert_eq!(here.in_force(&aid("tual"), q1()), Some(&stranger));
    // A file of Buru's PK carries Buru's reviews only.
    assert_eq!(here.of_agreements(&[aid("buru")]).all(), [returned, accepted]);
}

#[test]
fn the_newest_review_is_in_force_whatever_the_order_or_offset() {
    let ws = buru();
    // Two browsers: Ambon at 10:00 WIT (01:00 UTC) accepts, Jakarta at 08:30 WIB (01:30 UTC) returns.
    let ambon = review(&ws, Verdict::Accepted, "2024-05-02T10:00:00+09:00", "Ambon", "");
    let jakarta = review(&ws, Verdict::Returned, "2024-05-02T08:30:00+07:00", "Jakarta", "cek");
    for order in [vec![ambon.clone(), jakarta.clone()], vec![jakarta.clone(), ambon.clone()]] {
        let mut r = Reviews::default();
        r.merge(&order);
        assert_eq!(r.history(&aid("buru"), q1()), [&ambon, &jakarta], "both kept, in time order");
        assert_eq!(r.in_force(&aid("buru"), q1()), Some(&jakarta));
        let a = ws.agreement(&aid("buru")).unwrap();
        assert_eq!(r.standing(a, q1()).returned(), Some(&jakarta));
        assert_eq!(r.index().standing(a, q1()), r.standing(a, q1()), "the index says the same");
    }
}

#[test]
fn a_review_of_other_figures_is_for_an_earlier_version() {
    let mut ws = buru();
    let returned = review(&ws, Verdict::Returned, "2024-04-25T09:00:00+09:00", "Prov", "TW I kurang");
    ws.settings.reviews.add(returned.clone());
    let standing = |ws: &Workspace| ws.settings.reviews.standing(ws.agreement(&aid("buru")).unwrap(), q1());
    assert_eq!(standing(&ws), Standing::Current(returned.clone()));
    assert!(!standing(&ws).resent());
    // The sender corrects: the return is for an earlier version, the new figures are a new version.
    report(&mut ws, "buru", "i2", 1, "85%", "");
    assert_eq!(standing(&ws), Standing::Earlier(returned.clone()));
    assert!(standing(&ws).resent());
    assert_eq!(standing(&ws).returned(), None, "never applied to the new figures");
    // An acceptance of the old figures does not lock the new ones.
    let mut old = buru();
    let accepted = review(&old, Verdict::Accepted, "2024-05-01T09:00:00+09:00", "Prov", "");
    old.settings.reviews.add(accepted);
    report(&mut old, "buru", "i1", 1, "2 Lap", "");
    assert!(!standing(&old).locked());
    assert!(!standing(&old).resent(), "an earlier acceptance is not a return");
}

#[test]
fn an_accepted_quarter_is_locked_until_reopened() {
    let mut ws = buru();
    let accepted = review(&ws, Verdict::Accepted, "2024-05-02T10:00:00+09:00", "Prov", "");
    ws.settings.reviews.add(accepted);
    let mut edited = ws.clone();
    report(&mut edited, "buru", "i1", 1, "2 Lap", "");
    assert!(breaks_a_lock(&ws, &edited), "TW I's figure");
    let mut next = ws.clone();
    report(&mut next, "buru", "i1", 2, "2 Lap", "");
    assert!(!breaks_a_lock(&ws, &next), "TW II is open");
    let mut renamed = ws.clone();
    renamed.agreement_mut(&aid("buru")).unwrap().notes = "catatan".into();
    assert!(!breaks_a_lock(&ws, &renamed), "not a figure of TW I");
    // Reopened with a reason (a review of its own): the quarter can change again.
    let mut reopened = ws.clone();
    let reason = review(&ws, Verdict::Reopened, "2024-05-03T08:00:00+09:00", "Buru", "salah ketik");
    reopened.settings.reviews.add(reason);
    assert!(!breaks_a_lock(&ws, &reopened));
    let mut edited = reopened.clone();
    report(&mut edited, "buru", "i1", 1, "2 Lap", "");
    assert!(!breaks_a_lock(&reopened, &edited));
}
