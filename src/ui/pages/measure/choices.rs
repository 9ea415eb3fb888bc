//! The choices beside an indicator's realisasi: a lower PK's value to take, how the indicator is
//! measured, and the reason when the Rencana Aksi does not lead to the target.

use super::edit;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::cascade::{self, Source};
use crate::core::measure::period::{plan_check, PlanCheck};
use crate::core::measure::{infer, Aggregation, Polarity, Quarter};
use crate::core::model::element::{ElementId, MeasureField};
use crate::core::model::{AgreementId, IndicatorId};
use crate::ui::services::{Document, Language};
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// When the lower PKs report values that are not added, one button per value to take it.
#[component]
pub(super) fn Choices(
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
pub(super) fn MethodChoice(
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
pub(super) fn PlanCheckLine(
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
