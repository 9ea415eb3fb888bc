//! Small hand-built agreements for native tests.

use super::measurement::Polarity;
use super::*;

/// An agreement id.
pub fn aid(s: &str) -> AgreementId {
    AgreementId::new(s)
}

pub fn agreement(id: &str, parent: Option<&str>, year: i32) -> Agreement {
    Agreement {
        id: AgreementId::new(id),
        year,
        office: "KPU Contoh".into(),
        unit: "Sekretariat".into(),
        first_party: Party { name: format!("Nama {id}"), position: format!("Jabatan {id}") },
        second_party: Party { name: "Atasan".into(), position: "Jabatan atasan".into() },
        parent: parent.map(AgreementId::new),
        place: "Ambon".into(),
        date: "Januari 2024".into(),
        objectives: vec![],
        budget: vec![],
        notes: String::new(),
        origin: None,
        life: Default::default(),
        predecessor: None,
        transcribed_from: String::new(),
    }
}

pub fn workspace(agreements: Vec<Agreement>) -> Workspace {
    Workspace {
        office: "KPU Contoh".into(),
        notes: String::new(),
        agreements: agreements.into_iter().map(Arc::new).collect(),
        settings: Default::default(),
        letterhead: Default::default(),
        renstra: Vec::new(),
    }
}

/// An indicator with a target; `parent` links it to a parent indicator id (with the given text).
pub fn indicator(id: &str, text: &str, target: &str, parent: Option<(&str, &str)>) -> Indicator {
    Indicator {
        id: IndicatorId::new(id),
        text: text.into(),
        target: Target::new(target),
        parent: parent.map(|(pid, ptext)| ParentLink { id: IndicatorId::new(pid), text: ptext.into() }),
        measurement: Default::default(),
        predecessor: None,
    }
}

pub fn objective(id: &str, text: &str, indicators: Vec<Indicator>) -> Objective {
    Objective { id: ObjectiveId::new(id), text: text.into(), indicators }
}

pub fn line(program: &str, amount: &str) -> BudgetLine {
    BudgetLine::new(program, Amount::parse(amount).expect("test amount"))
}

/// Reports a realisasi (with a note) for quarter `q` (1–4) of indicator `i` of agreement `a`.
pub fn report(ws: &mut Workspace, a: &str, i: &str, q: u8, value: &str, note: &str) {
    let ind = ws
        .agreement_mut(&aid(a))
        .and_then(|a| a.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()).find(|x| x.id.0 == i))
        .expect("the test's indicator");
    ind.measurement.actual[usize::from(q) - 1] = Some(super::measurement::Report {
        value: Target::new(value),
        note: note.into(),
        ..Default::default()
    });
}

/// The reason for a Perubahan, with no words or basis, dated `date` (ISO).
pub fn change(reason: life::Reason, date: &str) -> life::Change {
    life::Change { reason, text: String::new(), basis: String::new(), date: date.into() }
}

/// An IKU with its targets per year.
pub fn iku(id: &str, text: &str, polarity: Polarity, targets: &[(i32, &str)], end: &str) -> renstra::Iku {
    renstra::Iku {
        id: IndicatorId::new(id),
        text: text.into(),
        unit: Target::new(end).quantity().map_or("Opini".into(), |q| q.unit.clone()),
        polarity,
        targets: targets
            .iter()
            .map(|(y, t)| renstra::YearTarget { year: *y, target: Target::new(*t) })
            .collect(),
        end_target: Target::new(end),
        links: Vec::new(),
    }
}

/// A Renstra of `office` for five years from `start`, with one sasaran strategis holding `iku`.
pub fn renstra(office: &str, start: i32, iku: Vec<renstra::Iku>) -> renstra::Renstra {
    let mut r = renstra::Renstra::new(office, start);
    r.current.decree = renstra::Decree { number: "12/2025".into(), date: format!("{start}-03-01") };
    r.current.goals = vec![renstra::Goal { text: "Meningkatnya partisipasi pemilih".into(), iku }];
    r
}
