//! `#/pk/<id>/realisasi`: a quarter at a time, the Rencana Aksi and the realisasi of each indicator (with
//! its note and evidence), how it is measured, what flows up from the lower PKs, and the capaian to
//! date; then the realisasi anggaran. Every figure shown comes from `core::measure`.

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::cascade::{self, Source};
use crate::core::measure::period::{plan_check, PlanCheck};
use crate::core::measure::table::{table, Row, Table};
use crate::core::measure::{infer, latest_reported, Aggregation, Polarity, Quarter};
use crate::core::model::element::{ElementId, MeasureField};
use crate::core::model::{Agreement, AgreementId, Amount, IndicatorId};
use crate::core::route::{Page, Route};
use crate::core::text;
use crate::core::typed::{self, FieldValue};
use crate::ui::common::NotFound;
use crate::ui::services::{Document, Drafts, Language, Typing};
use crate::ui::widgets::{QuarterTabs, TextField};
use leptos::prelude::*;
use std::sync::Arc;

/// Changes one agreement's measurement as one undo step (typing in one field merges).
fn edit(
    doc: Document,
    id: &AgreementId,
    group: Option<String>,
    f: impl FnOnce(&mut Agreement) -> bool,
) -> bool {
    doc.change(Msg::ChangeMeasurement, group.as_deref(), |ws| ws.agreement_mut(id).map(f).unwrap_or(false))
}

/// `#/pk/<id>/realisasi`.
#[component]
pub fn MeasurePage(id: AgreementId) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let lookup = id.clone();
    let agreement: Memo<Option<Arc<Agreement>>> =
        Memo::new(move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    let quarter = RwSignal::new(
        agreement
            .with_untracked(|a| a.as_deref().and_then(|a| latest_reported([a])))
            .unwrap_or(Quarter::ALL[0]),
    );
    // The whole PK's measurement (cheap: one PK); each row below only re-renders when its own row changes.
    let measured: Memo<Option<Table>> = Memo::new(move |_| {
        let q = quarter.get();
        let a = agreement.get()?;
        Some(doc.ws.with(|ws| table(ws, &a, q)))
    });
    let ids = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref()
                .map(|a| a.indicators().map(|(_, i)| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let title = move || agreement.with(|a| a.as_ref().map(|a| a.title().to_string()).unwrap_or_default());
    // The agreement's id, for the parts below that change it.
    let owner = StoredValue::new(id.clone());
    let back = id.clone();
    let lkj = id.clone();
    view! {
        <Show when=move || agreement.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <section class="page measure-page" id="measure-page" aria-labelledby="measure-title">
                <div class="toolbar no-print">
                    <a class="button-link" href=Route::staff(Page::Agreement { id: back.clone(), edit: false }).href()>
                        {move || i18n.t(Msg::BackToDocument)}
                    </a>
                    <a class="button-link" id="lkj-link" href=Route::staff(Page::Lkj { id: lkj.clone() }).href()>
                        {move || i18n.t(Msg::LkjAction)}
                    </a>
                </div>
                <h1 id="measure-title">{move || fill(i18n.t(Msg::MeasureTitle), &[("title", &title())])}</h1>
                <p class="lead">{move || i18n.t(Msg::MeasureIntro)}</p>
                <QuarterTabs quarter/>
                <p class="measure-status" id="measure-status" role="status">{move || {
                    let lang = i18n.lang.get();
                    let q = text::quarter(quarter.get(), lang);
                    match measured.with(|t| t.as_ref().map(Table::missing)).unwrap_or(0) {
                        0 => fill(Msg::AllReportedHere.text(lang), &[("quarter", &q)]),
                        n => fill(Msg::NotReportedCount.text(lang), &[("n", &n.to_string()), ("quarter", &q)]),
                    }
                }}</p>
                <ol class="measure-list" id="measure-list">
                    <For each=move || ids.get() key=|id| id.clone() let:indicator>
                        <IndicatorMeasure agreement owner measured quarter indicator/>
                    </For>
                </ol>
                <super::measure_paste::PasteActuals agreement owner quarter/>
                <BudgetActual agreement owner measured quarter/>
            </section>
        </Show>
    }
}

/// One indicator: its inputs for the quarter and what they make.
#[component]
fn IndicatorMeasure(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
    indicator: IndicatorId,
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
                    readonly=Signal::derive(move || agreement.with(|a| a.as_ref().is_some_and(|a| a.is_locked())))/>
                <TextField id=id_for(MeasureField::Actual) label=Msg::ColActual
                    value=typed_value(actual_draft, report_text(|r| r.value.text().to_string()))
                    issue=typed_issue(actual_draft)
                    on_input=on_typed(MeasureField::Actual, Msg::ColActual, actual_session) on_blur=end(actual_session)
                    hint=Signal::derive(move || flow_hint(doc, i18n, flow.get()))/>
                <TextField id=id_for(MeasureField::Note) label=Msg::ColNote multiline=true value=report_text(|r| r.note.clone())
                    on_input=on(Agreement::set_actual_note, MeasureField::Note)/>
                <TextField id=id_for(MeasureField::Evidence) label=Msg::ColEvidence value=report_text(|r| r.evidence.clone())
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

/// When the lower PKs report values that are not added, one button per value to take it.
#[component]
fn Choices(
    flow: Memo<Option<cascade::Flow>>,
    iid: StoredValue<IndicatorId>,
    owner: StoredValue<AgreementId>,
    quarter: RwSignal<Quarter>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    move || {
        let f = flow.get().filter(|f| f.source == Source::Choose)?;
        let lang = i18n.lang.get();
        Some(view! {
            <div class="measure-choices" role="group">
                <p>{Msg::SourceChoose.text(lang)}</p>
                {f.below.into_iter().map(|(from, value)| {
                    let title = doc.ws.with(|ws| ws.agreement(&from).map(|a| a.title().to_string()).unwrap_or_default());
                    let label = fill(Msg::TakeValue.text(lang), &[("value", &value.display(lang)), ("title", &title)]);
                    let text = value.text().to_string();
                    view! {
                        <button type="button" class="small take-value" on:click=move |_| {
                            let (id, q) = (iid.get_value(), quarter.get_untracked());
                            edit(doc, &owner.get_value(), None, |a| a.set_actual(&id, q, &text));
                        }>{label}</button>
                    }
                }).collect_view()}
            </div>
        })
    }
}

/// Polarity and aggregation: automatic (inferred) unless chosen.
#[component]
fn MethodChoice(
    stored: Memo<Option<crate::core::model::Indicator>>,
    iid: StoredValue<IndicatorId>,
    owner: StoredValue<AgreementId>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let pol_id = ElementId::Measure(iid.get_value(), MeasureField::Polarity).to_string();
    let agg_id = ElementId::Measure(iid.get_value(), MeasureField::Aggregation).to_string();
    let polarity_value = move || {
        stored.with(|i| match i.as_ref().and_then(|i| i.measurement.polarity.clone()) {
            None => "auto",
            Some(Polarity::Higher) => "higher",
            Some(Polarity::Lower) => "lower",
            Some(Polarity::Range) => "range",
            Some(Polarity::Scale(_)) => "scale",
        })
    };
    let aggregation_value = move || {
        stored.with(|i| match i.as_ref().and_then(|i| i.measurement.aggregation) {
            None => "auto",
            Some(Aggregation::Sum) => "sum",
            Some(Aggregation::Last) => "last",
            Some(Aggregation::Average) => "average",
        })
    };
    let set_polarity = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        let id = iid.get_value();
        let scale = stored.with_untracked(|i| i.as_ref().and_then(|i| infer::scale_of(&i.target)));
        let p = match v.as_str() {
            "higher" => Some(Polarity::Higher),
            "lower" => Some(Polarity::Lower),
            "range" => Some(Polarity::Range),
            "scale" => scale.map(Polarity::Scale),
            _ => None,
        };
        edit(doc, &owner.get_value(), None, |a| a.set_polarity(&id, p));
    };
    let set_aggregation = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        let id = iid.get_value();
        let g = match v.as_str() {
            "sum" => Some(Aggregation::Sum),
            "last" => Some(Aggregation::Last),
            "average" => Some(Aggregation::Average),
            _ => None,
        };
        edit(doc, &owner.get_value(), None, |a| a.set_aggregation(&id, g));
    };
    let has_scale = move || stored.with(|i| i.as_ref().is_some_and(|i| infer::scale_of(&i.target).is_some()));
    view! {
        <details class="measure-method-choice">
            <summary>{move || i18n.t(Msg::MeasuredAs)}</summary>
            <div class="form-grid">
                <div class="field">
                    <label for=pol_id.clone()>{move || i18n.t(Msg::MeasuredAs)}</label>
                    <select id=pol_id.clone() prop:value=polarity_value on:change=set_polarity>
                        <option value="auto">{move || fill(i18n.t(Msg::Automatic), &[("value", "…")])}</option>
                        <option value="higher">{move || i18n.t(Msg::PolarityHigher)}</option>
                        <option value="lower">{move || i18n.t(Msg::PolarityLower)}</option>
                        <option value="range">{move || i18n.t(Msg::PolarityRange)}</option>
                        <Show when=has_scale>
                            <option value="scale">{move || fill(i18n.t(Msg::PolarityScale), &[("scale", "…")])}</option>
                        </Show>
                    </select>
                </div>
                <div class="field">
                    <label for=agg_id.clone()>{move || i18n.t(Msg::YearValue)}</label>
                    <select id=agg_id.clone() prop:value=aggregation_value on:change=set_aggregation>
                        <option value="auto">{move || fill(i18n.t(Msg::Automatic), &[("value", "…")])}</option>
                        <option value="sum">{move || i18n.t(Msg::AggSum)}</option>
                        <option value="last">{move || i18n.t(Msg::AggLast)}</option>
                        <option value="average">{move || i18n.t(Msg::AggAverage)}</option>
                    </select>
                </div>
            </div>
        </details>
    }
}

/// When the Rencana Aksi does not lead to the PK target: say so and ask for the reason (never blocks).
#[component]
fn PlanCheckLine(
    stored: Memo<Option<crate::core::model::Indicator>>,
    iid: StoredValue<IndicatorId>,
    owner: StoredValue<AgreementId>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let check = Memo::new(move |_| {
        stored.with(|i| {
            i.as_ref().map(|i| plan_check(&i.target, &i.measurement, cascade::method(i).aggregation))
        })
    });
    let note = Signal::derive(move || {
        stored.with(|i| i.as_ref().map(|i| i.measurement.plan_note.clone()).unwrap_or_default())
    });
    let field_id = ElementId::Measure(iid.get_value(), MeasureField::PlanNote);
    move || match check.get() {
        Some(PlanCheck::Differs { leads_to }) => {
            let lang = i18n.lang.get();
            let target =
                stored.with_untracked(|i| i.as_ref().map(|i| i.target.display(lang)).unwrap_or_default());
            Some(view! {
                <div class="plan-check" role="status">
                    <p>{fill(Msg::PlanDiffers.text(lang), &[("leads", &leads_to.display(lang)), ("target", &target)])}</p>
                    <TextField id=field_id.clone() label=Msg::PlanReason value=note
                        on_input=Callback::new(move |v: String| {
                            let id = iid.get_value();
                            let group = Some(ElementId::Measure(id.clone(), MeasureField::PlanNote).key_in(&owner.get_value()));
                            edit(doc, &owner.get_value(), group, |a| a.set_plan_note(&id, &v));
                        })/>
                </div>
            })
        }
        _ => None,
    }
}

/// The realisasi anggaran of the quarter, per program, with what was spent to date and its share.
#[component]
fn BudgetActual(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let count = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.budget.len()).unwrap_or(0)));
    view! {
        <section class="measure-budget" aria-labelledby="measure-budget-title">
            <h2 id="measure-budget-title">{move || i18n.t(Msg::BudgetActualTitle)}</h2>
            <ol class="budget-lines">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <BudgetActualLine agreement owner measured quarter index/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn BudgetActualLine(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
    index: usize,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let unsaved = expect_context::<Drafts>();
    let line = Memo::new(move |_| agreement.with(|a| a.as_ref().and_then(|a| a.budget.get(index).cloned())));
    let agreement_id = move || owner.get_value();
    let element = move || ElementId::BudgetActual(index, quarter.get());
    let invalid = Memo::new(move |_| unsaved.draft_text(&agreement_id(), &element()));
    // What the user is typing, as typed, while the field has focus: the stored amount is shown formatted
    // only once it loses it (`1000` shown back as `1.000` mid-typing became `1.0000`, read as 1).
    let typing = RwSignal::new(None::<String>);
    let session: Typing = StoredValue::new(Default::default());
    let value = Signal::derive(move || {
        let lang = i18n.lang.get();
        let q = quarter.get();
        invalid.get().or_else(|| typing.get()).unwrap_or_else(|| {
            line.with(|l| l.as_ref().map(|l| l.actual[q.index()].input_text(lang)).unwrap_or_default())
        })
    });
    let issue = Signal::derive(move || {
        let lang = i18n.lang.get();
        invalid.get().and_then(|t| Amount::parse(&t).err()).map(|e| text::amount_error(e, lang))
    });
    let summary = move || {
        let lang = i18n.lang.get();
        let q = text::quarter(quarter.get(), lang);
        measured.with(|t| {
            let b = t.as_ref()?.budget.get(index)?;
            let from_below =
                if b.from_below { format!(" ({})", Msg::BudgetFromBelow.text(lang)) } else { String::new() };
            let differs = (!b.differs.is_empty()).then(|| {
                let quarters: Vec<String> = b.differs.iter().map(|q| text::quarter(*q, lang)).collect();
                let below = b.children_spent.map(|s| format::rupiah(s, lang)).unwrap_or_default();
                format!(
                    " {}",
                    fill(
                        Msg::BudgetDiffersBelow.text(lang),
                        &[("quarters", &quarters.join(", ")), ("below", &below)]
                    )
                )
            });
            Some(format!(
                "{}: {}{from_below} · {}: {}{}",
                fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]),
                text::spent_to_date(b, quarter.get(), lang, "—"),
                Msg::ColAbsorption.text(lang),
                b.percent.map(|p| format::percent2(p, lang)).unwrap_or_else(|| "—".into()),
                differs.unwrap_or_default(),
            ))
        })
    };
    let on_input = Callback::new(move |v: String| {
        let (q, id) = (quarter.get_untracked(), agreement_id());
        let el = element();
        let stored =
            line.with_untracked(|l| l.as_ref().map(|l| l.actual[q.index()].clone()).unwrap_or_default());
        let before = FieldValue::BudgetActual { line: index, quarter: q, amount: stored };
        let parsed = Amount::parse(&v);
        if let Some(amount) = unsaved.keystroke(
            session,
            id.clone(),
            el.clone(),
            Msg::BudgetActualTitle,
            v.clone(),
            before,
            parsed,
        ) {
            typing.set(Some(v));
            edit(doc, &id, Some(el.key_in(&id)), |a| a.set_budget_actual(index, q, amount));
        }
    });
    let on_blur = Callback::new(move |()| {
        typing.set(None);
        session.update_value(|s| s.end());
    });
    view! {
        <li class="budget-actual">
            <p class="program"><strong>{move || line.with(|l| l.as_ref().map(|l| l.program.clone()).unwrap_or_default())}</strong>
                " — "{move || line.with(|l| l.as_ref().map(|l| l.amount.display(i18n.lang.get())).unwrap_or_default())}</p>
            {move || {
                let id = element();
                view! { <TextField id label=Msg::BudgetActualQuarter value issue on_input on_blur/> }
            }}
            <p class="hint budget-actual-summary">{summary}</p>
        </li>
    }
}
