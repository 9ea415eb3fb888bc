//! One indicator on the realisasi page: its inputs for the quarter (realisasi, note, evidence,
//! last year's) and what they make, with where the quarter's value comes from.

use super::choices::{Choices, MethodChoice, PlanCheckLine};
use super::edit;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::cascade::{self, Source};
use crate::core::measure::table::{Row, Table};
use crate::core::measure::Quarter;
use crate::core::model::element::{ElementId, MeasureField};
use crate::core::model::{Agreement, AgreementId, IndicatorId};
use crate::core::text;
use crate::core::typed::{self, FieldValue};
use crate::ui::services::{Document, Drafts, Language, Typing};
use crate::ui::widgets::TextField;
use leptos::prelude::*;
use std::sync::Arc;

/// One indicator: its inputs for the quarter and what they make.
#[component]
pub(super) fn IndicatorMeasure(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
    indicator: IndicatorId,
    /// Where the quarter stands after its reviews (a returned quarter's note for this indicator).
    standing: Memo<Option<crate::core::model::reviews::Standing>>,
    /// The quarter was accepted by a review: its realisasi are read-only.
    locked: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let unsaved = expect_context::<Drafts>();
    let iid = StoredValue::new(indicator.clone());
    let key = indicator.0.clone();
    let row: Memo<Option<Row>> = Memo::new(move |_| {
        let id = iid.get_value();
        measured.with(|t| t.as_ref().and_then(|t| t.rows.iter().find(|r| r.id == id).cloned()))
    });
    // The indicator as stored, and what flows into it this quarter.
    let stored = Memo::new(move |_| {
        let id = iid.get_value();
        agreement.with(|a| a.as_ref().and_then(|a| a.find_indicator(&id).cloned()))
    });
    // Read from the PK's table: a walk of the cascade per indicator built the workspace's links again
    // for each of them on every change.
    let flow = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.flow.clone())));
    let agreement_id = move || owner.get_value();
    let group = move |field: MeasureField| {
        Some(ElementId::MeasureAt(iid.get_value(), field, quarter.get_untracked()).key_in(&agreement_id()))
    };
    let report_text = move |f: fn(&crate::core::measure::Report) -> String| {
        Signal::derive(move || {
            let q = quarter.get();
            stored.with(|i| i.as_ref().and_then(|i| i.measurement.report(q).map(f)).unwrap_or_default())
        })
    };
    let plan_text = Signal::derive(move || {
        let q = quarter.get();
        stored.with(|i| {
            i.as_ref()
                .and_then(|i| i.measurement.planned(q).map(|t| t.text().to_string()))
                .unwrap_or_default()
        })
    });
    let id_for = move |field| ElementId::Measure(iid.get_value(), field);
    let on = move |f: fn(&mut Agreement, &IndicatorId, Quarter, &str) -> bool, field: MeasureField| {
        Callback::new(move |v: String| {
            let (id, q) = (iid.get_value(), quarter.get_untracked());
            edit(doc, &agreement_id(), group(field), |a| f(a, &id, q, &v));
        })
    };
    // Last year's realisasi: typed here when last year's PK is not in the data.
    let previous_text = Signal::derive(move || {
        stored
            .with(|i| i.as_ref().and_then(|i| i.measurement.previous.as_ref().map(|t| t.text().to_string())))
            .unwrap_or_default()
    });
    let previous_hint = Signal::derive(move || {
        let lang = i18n.lang.get();
        row.with(|r| {
            let r = r.as_ref()?;
            match (&r.previous, r.previous_entered) {
                (Some(_), true) => Some(Msg::PreviousEntered.text(lang).to_string()),
                (Some(p), false) => {
                    Some(fill(Msg::PreviousFromPk.text(lang), &[("value", &p.display(lang))]))
                }
                (None, _) => Some(Msg::PreviousNone.text(lang).to_string()),
            }
        })
    });
    // Committed only when understood whole, like the quarter's realisasi.
    let previous_session: Typing = StoredValue::new(Default::default());
    let previous_element = move || ElementId::Measure(iid.get_value(), MeasureField::Previous);
    let previous_draft = Memo::new(move |_| unsaved.draft_text(&agreement_id(), &previous_element()));
    let on_previous = Callback::new(move |v: String| {
        let id = iid.get_value();
        let text = stored.with_untracked(|i| {
            i.as_ref().and_then(|i| i.measurement.previous.as_ref().map(|t| t.text().to_string()))
        });
        let before = FieldValue::Previous { indicator: id.clone(), text: text.unwrap_or_default() };
        let parsed = typed::target(&v);
        let label = Msg::ColPreviousEntry;
        if unsaved
            .keystroke(previous_session, agreement_id(), previous_element(), label, v.clone(), before, parsed)
            .is_some()
        {
            let group = Some(previous_element().key_in(&agreement_id()));
            edit(doc, &agreement_id(), group, |a| a.set_previous(&id, &v));
        }
    });
    // The Rencana Aksi and the realisasi are committed only when their whole text is understood
    // (core::typed): `82,` on the way to `82,5%` stays unsaved text of that quarter's field.
    let draft_element = move |field, q| ElementId::MeasureAt(iid.get_value(), field, q);
    let draft_of = move |field: MeasureField| {
        Memo::new(move |_| unsaved.draft_text(&agreement_id(), &draft_element(field, quarter.get())))
    };
    let (plan_draft, actual_draft) = (draft_of(MeasureField::Plan), draft_of(MeasureField::Actual));
    let typed_value = move |draft: Memo<Option<String>>, stored: Signal<String>| {
        Signal::derive(move || draft.get().unwrap_or_else(|| stored.get()))
    };
    let typed_issue = move |draft: Memo<Option<String>>| {
        Signal::derive(move || {
            draft.get().and_then(|t| typed::target(&t).err()).map(|e| text::typed_error(e, i18n.lang.get()))
        })
    };
    let on_typed = move |field: MeasureField, label: Msg, session: Typing| {
        Callback::new(move |v: String| {
            let (id, q) = (iid.get_value(), quarter.get_untracked());
            let text = stored.with_untracked(|i| {
                i.as_ref().map(|i| match field {
                    MeasureField::Plan => {
                        i.measurement.planned(q).map(|t| t.text().to_string()).unwrap_or_default()
                    }
                    _ => i.measurement.report(q).map(|r| r.value.text().to_string()).unwrap_or_default(),
                })
            });
            let text = text.unwrap_or_default();
            let before = match field {
                MeasureField::Plan => FieldValue::Plan { indicator: id.clone(), quarter: q, text },
                _ => FieldValue::Actual { indicator: id.clone(), quarter: q, text },
            };
            let parsed = typed::target(&v);
            let element = draft_element(field, q);
            if unsaved.keystroke(session, agreement_id(), element, label, v.clone(), before, parsed).is_some()
            {
                let set =
                    if field == MeasureField::Plan { Agreement::set_plan } else { Agreement::set_actual };
                edit(doc, &agreement_id(), group(field), |a| set(a, &id, q, &v));
            }
        })
    };
    let (plan_session, actual_session): (Typing, Typing) =
        (StoredValue::new(Default::default()), StoredValue::new(Default::default()));
    let end = |session: Typing| Callback::new(move |()| session.update_value(|s| s.end()));
    let method_line = move || {
        let lang = i18n.lang.get();
        stored.with(|i| {
            let i = i.as_ref()?;
            let m = cascade::method(i);
            let pol = text::polarity(&m.polarity, lang);
            let agg = text::aggregation(m.aggregation, lang).to_string();
            let auto = |chosen: bool, text: String| {
                if chosen {
                    text
                } else {
                    fill(Msg::Automatic.text(lang), &[("value", &text)])
                }
            };
            Some(format!(
                "{}: {} · {}: {}",
                Msg::MeasuredAs.text(lang),
                auto(i.measurement.polarity.is_some(), pol),
                Msg::YearValue.text(lang),
                auto(i.measurement.aggregation.is_some(), agg)
            ))
        })
    };
    let number = move || row.with(|r| r.as_ref().map(|r| r.number.clone()).unwrap_or_default());
    let text = move || stored.with(|i| i.as_ref().map(|i| i.text.clone()).unwrap_or_default());
    let target =
        move || stored.with(|i| i.as_ref().map(|i| i.target.display(i18n.lang.get())).unwrap_or_default());
    view! {
        <li class="measure-indicator" data-indicator=key.clone()>
            <h3 class="measure-heading"><span class="num">{number}</span>" "{text}</h3>
            <p class="measure-facts">{move || i18n.t(Msg::ColTarget)}": "<strong>{target}</strong></p>
            <p class="measure-method hint">{method_line}</p>
            <MethodChoice stored iid owner/>
            <fieldset class="measure-fields">
                <legend class="measure-quarter">{move || text::quarter(quarter.get(), i18n.lang.get())}</legend>
                <TextField id=id_for(MeasureField::Plan) label=Msg::ColPlan value=typed_value(plan_draft, plan_text)
                    issue=typed_issue(plan_draft)
                    on_input=on_typed(MeasureField::Plan, Msg::ColPlan, plan_session) on_blur=end(plan_session)
                    readonly=Signal::derive(move || agreement.with(|a| a.as_ref().is_some_and(|a| a.is_locked())))
                    // Read-only without saying why looked like a broken field (the tester typed into it).
                    hint=Signal::derive(move || {
                        agreement
                            .with(|a| a.as_ref().is_some_and(|a| a.is_locked()))
                            .then(|| i18n.t(Msg::PlanLockedHint).to_string())
                    })/>
                {move || {
                    let id = iid.get_value();
                    standing.with(|s| super::review::indicator_note(s, &id)).map(|n| view! {
                        <p class="review-indicator-note">{fill(i18n.t(Msg::IndicatorReturnedNote), &[("note", &n)])}</p>
                    })
                }}
                <TextField id=id_for(MeasureField::Actual) label=Msg::ColActual readonly=locked
                    value=typed_value(actual_draft, report_text(|r| r.value.text().to_string()))
                    issue=typed_issue(actual_draft)
                    on_input=on_typed(MeasureField::Actual, Msg::ColActual, actual_session) on_blur=end(actual_session)
                    hint=Signal::derive(move || flow_hint(doc, i18n, flow.get()))/>
                <TextField id=id_for(MeasureField::Note) label=Msg::ColNote multiline=true value=report_text(|r| r.note.clone()) readonly=locked
                    on_input=on(Agreement::set_actual_note, MeasureField::Note)/>
                <TextField id=id_for(MeasureField::Evidence) label=Msg::ColEvidence value=report_text(|r| r.evidence.clone()) readonly=locked
                    on_input=on(Agreement::set_evidence, MeasureField::Evidence)/>
            </fieldset>
            <TextField id=id_for(MeasureField::Previous) label=Msg::ColPreviousEntry
                value=Signal::derive(move || previous_draft.get().unwrap_or_else(|| previous_text.get()))
                issue=Signal::derive(move || {
                    previous_draft.get().and_then(|t| typed::target(&t).err()).map(|e| text::typed_error(e, i18n.lang.get()))
                })
                on_input=on_previous on_blur=Callback::new(move |()| previous_session.update_value(|s| s.end()))
                hint=previous_hint/>
            <Choices flow iid owner quarter/>
            <PlanCheckLine stored iid owner/>
            {move || {
                let lang = i18n.lang.get();
                let odd: Vec<String> = row.with(|r| r.as_ref().map(|r| r.odd.iter().map(|o| text::odd(o, lang)).collect()).unwrap_or_default());
                (!odd.is_empty()).then(|| view! {
                    <ul class="measure-odd" role="status">{odd.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                })
            }}
            <p class="measure-result" role="status">{move || {
                let lang = i18n.lang.get();
                let q = text::quarter(quarter.get(), lang);
                row.with(|r| r.as_ref().map(|r| {
                    // The year to date says which quarter it runs through (an earlier one when this is not reported).
                    let through = r.through.map(|t| text::quarter(t, lang)).unwrap_or_else(|| q.clone());
                    let actual = r.actual.as_ref().map(|t| t.display(lang)).unwrap_or_else(|| "—".into());
                    format!(
                        "{}: {} · {}: {} · {}: {}{}",
                        fill(Msg::ColToDate.text(lang), &[("quarter", &through)]), actual,
                        text::compared_with(r, quarter.get(), lang), r.target_to_date.display(lang),
                        Msg::ColCapaian.text(lang), text::capaian(r.capaian, lang),
                        r.predikat.as_ref().map(|p| format!(" · {}: {p}", Msg::ColPredikat.text(lang))).unwrap_or_default(),
                    )
                }))
            }}</p>
        </li>
    }
}

/// Where the quarter's value comes from, under the realisasi field.
fn flow_hint(doc: Document, i18n: Language, flow: Option<cascade::Flow>) -> Option<String> {
    let lang = i18n.lang.get();
    let flow = flow?;
    let title = |id: &AgreementId| {
        doc.ws.with(|ws| ws.agreement(id).map(|a| a.title().to_string()).unwrap_or_default())
    };
    let values = || {
        flow.below
            .iter()
            .map(|(a, v)| format!("{} ({})", v.display(lang), title(a)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if flow.disagrees {
        return Some(fill(Msg::Disagrees.text(lang), &[("values", &values())]));
    }
    match &flow.source {
        Source::Carried { from } => Some(format!(
            "{} — {}",
            flow.value.as_ref().map(|v| v.display(lang)).unwrap_or_default(),
            fill(Msg::SourceCarried.text(lang), &[("title", &title(from))])
        )),
        Source::Summed { parts } => Some(format!(
            "{} — {}",
            flow.value.as_ref().map(|v| v.display(lang)).unwrap_or_default(),
            fill(Msg::SourceSummed.text(lang), &[("n", &parts.to_string())])
        )),
        _ => None,
    }
}
