//! The review of the quarter on the realisasi page (issue 29): where it stands (accepted, returned with
//! its notes, for an earlier version, a new version after a return), its history, the receiving
//! office's form to accept or return it, and reopening an accepted quarter with a reason. Every review
//! is plain core data (`core::model::reviews`), recorded through `Document`.

use crate::core::i18n::{fill, Msg};
use crate::core::measure::Quarter;
use crate::core::model::reviews::{IndicatorNote, Review, Standing, Verdict};
use crate::core::model::{Agreement, AgreementId, IndicatorId};
use crate::core::text;
use crate::ui::services::{clock, Document, Language, NoticeKind, Notices};
use leptos::prelude::*;
use std::sync::Arc;

/// Who reviews, as the field starts: this workspace's own office, else the office it is written for.
fn default_by(doc: Document) -> String {
    doc.ws.with_untracked(|ws| {
        let own = ws.settings.offices.own.trim();
        if own.is_empty() {
            ws.office.clone()
        } else {
            own.to_string()
        }
    })
}

/// The quarter's review: its standing and history for everyone, the form for the receiving office.
#[component]
pub(super) fn QuarterReview(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    quarter: RwSignal<Quarter>,
    standing: Memo<Option<Standing>>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let history: Memo<Vec<Review>> = Memo::new(move |_| {
        let q = quarter.get();
        doc.ws.with(|ws| ws.settings.reviews.history(&owner.get_value(), q).into_iter().cloned().collect())
    });
    // The receiving side: the PK belongs to an office collected from here, or it is a lower PK.
    let reviewer = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref().is_some_and(|a| {
                a.parent.is_some() || doc.ws.with(|ws| crate::core::monitor::collects(ws, a))
            })
        })
    });
    let locked = Memo::new(move |_| standing.with(|s| s.as_ref().is_some_and(Standing::locked)));
    let by = RwSignal::new(default_by(doc));
    let note = RwSignal::new(String::new());
    let notes: RwSignal<Vec<(IndicatorId, String)>> = RwSignal::new(Vec::new());
    let reason = RwSignal::new(String::new());
    let reopening = RwSignal::new(false);
    let indicators = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.objectives
                        .iter()
                        .enumerate()
                        .flat_map(|(si, o)| {
                            o.indicators.iter().enumerate().map(move |(ii, i)| {
                                (i.id.clone(), format!("{}.{} {}", si + 1, ii + 1, i.text))
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let quarter_words = move || text::quarter(quarter.get(), i18n.lang.get());
    let error = move |m: Msg| notices.notify(NoticeKind::Error, i18n.t_now(m).to_string());
    let record = move |verdict: Verdict, whole: String, per: Vec<IndicatorNote>, who: String| -> bool {
        let q = quarter.get_untracked();
        let Some(a) = agreement.get_untracked() else { return false };
        if !a.indicators().any(|(_, i)| i.measurement.report(q).is_some()) {
            let qw = text::quarter(q, i18n.lang.get_untracked());
            notices.notify(NoticeKind::Error, fill(i18n.t_now(Msg::ReviewNothing), &[("quarter", &qw)]));
            return false;
        }
        if who.trim().is_empty() {
            error(Msg::ReviewNeedsBy);
            return false;
        }
        let review = Review {
            agreement: a.id.clone(),
            quarter: q.number(),
            verdict,
            note: whole.trim().to_string(),
            indicators: per,
            by: who.trim().to_string(),
            at: clock::now().stamp(),
            figures: a.quarter_fingerprint(q),
        };
        doc.change(Msg::ChangeReview, None, |ws| ws.settings.reviews.add(review));
        let lang = i18n.lang.get_untracked();
        notices.notify(
            NoticeKind::Success,
            fill(
                i18n.t_now(Msg::ReviewRecorded),
                &[("quarter", &text::quarter(q, lang)), ("verdict", text::review::verdict(verdict, lang))],
            ),
        );
        true
    };
    let decide = move |verdict: Verdict| {
        let per: Vec<IndicatorNote> = notes.with_untracked(|n| {
            indicators.with_untracked(|list| {
                list.iter()
                    .filter_map(|(id, _)| {
                        let text = n.iter().find(|(i, _)| i == id)?.1.trim().to_string();
                        (!text.is_empty()).then(|| IndicatorNote { indicator: id.clone(), note: text })
                    })
                    .collect()
            })
        });
        let whole = note.get_untracked();
        if verdict == Verdict::Returned && whole.trim().is_empty() && per.is_empty() {
            error(Msg::ReviewNeedsNote);
            return;
        }
        if record(verdict, whole, per, by.get_untracked()) {
            note.set(String::new());
            notes.set(Vec::new());
        }
    };
    let reopen = move |_| {
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            error(Msg::ReviewReasonNeeded);
            return;
        }
        if record(Verdict::Reopened, why, Vec::new(), by.get_untracked()) {
            reason.set(String::new());
            reopening.set(false);
        }
    };
    let lines = move || {
        let lang = i18n.lang.get();
        let q = quarter.get();
        standing.with(|s| s.as_ref().map(|s| text::review::standing(s, q, lang)).unwrap_or_default())
    };
    let in_force_notes = move || {
        let lang = i18n.lang.get();
        let r = standing.with(|s| match s {
            Some(Standing::Current(r) | Standing::Earlier(r)) => Some(r.clone()),
            _ => None,
        })?;
        let a = agreement.get();
        Some(text::review::notes(&r, a.as_deref(), lang))
    };
    let tone = move || {
        standing.with(|s| match s {
            Some(Standing::Current(r)) if r.verdict == Verdict::Accepted => "review-status review-accepted",
            Some(Standing::Current(r)) if r.verdict == Verdict::Returned => "review-status review-returned",
            Some(Standing::Earlier(_)) => "review-status review-earlier",
            _ => "review-status",
        })
    };
    view! {
        <section class="quarter-review" id="quarter-review" aria-labelledby="review-title">
            <h2 id="review-title">{move || fill(i18n.t(Msg::ReviewTitle), &[("quarter", &quarter_words())])}</h2>
            <div class=tone id="review-status" role="status">
                {move || lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                {move || in_force_notes().filter(|n| !n.is_empty()).map(|n| view! {
                    <ul class="review-notes" id="review-notes">{n.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                })}
            </div>
            <Show when=move || locked.get()>
                <p class="review-locked" id="review-locked">{move || fill(i18n.t(Msg::ReviewLocked), &[("quarter", &quarter_words())])}</p>
                <Show when=move || !reopening.get()>
                    <button type="button" id="review-reopen" on:click=move |_| reopening.set(true)>
                        {move || fill(i18n.t(Msg::ReviewReopen), &[("quarter", &quarter_words())])}
                    </button>
                </Show>
                <Show when=move || reopening.get()>
                    <div class="review-reopen">
                        <label for="review-reason">{move || i18n.t(Msg::ReviewReopenReason)}</label>
                        <textarea id="review-reason" rows="2" prop:value=move || reason.get()
                            on:input=move |e| reason.set(event_target_value(&e))></textarea>
                        <div class="toolbar">
                            <button type="button" id="review-reopen-confirm" on:click=reopen>{move || i18n.t(Msg::ReviewReopenConfirm)}</button>
                            <button type="button" on:click=move |_| reopening.set(false)>{move || i18n.t(Msg::Cancel)}</button>
                        </div>
                    </div>
                </Show>
            </Show>
            <Show when=move || reviewer.get() && !locked.get()>
                <details class="review-form" id="review-form" open>
                    <summary>{move || fill(i18n.t(Msg::ReviewFormTitle), &[("quarter", &quarter_words())])}</summary>
                    <p class="hint">{move || i18n.t(Msg::ReviewFormHint)}</p>
                    <label for="review-by">{move || i18n.t(Msg::ReviewBy)}</label>
                    <input type="text" id="review-by" prop:value=move || by.get() on:input=move |e| by.set(event_target_value(&e))/>
                    <label for="review-note">{move || i18n.t(Msg::ReviewNote)}</label>
                    <textarea id="review-note" rows="2" prop:value=move || note.get()
                        on:input=move |e| note.set(event_target_value(&e))></textarea>
                    <fieldset class="review-indicators">
                        <legend>{move || i18n.t(Msg::ReviewIndicatorNotes)}</legend>
                        <For each=move || indicators.get() key=|(id, label)| (id.clone(), label.clone()) let:item>
                            {
                                let (id, label) = item;
                                let field = format!("review-note-{}", id.as_str());
                                let read = id.clone();
                                view! {
                                    <label for=field.clone()>{label}</label>
                                    <textarea id=field rows="1" data-indicator=id.as_str().to_string()
                                        prop:value=move || notes.with(|n| n.iter().find(|(i, _)| *i == read).map(|(_, t)| t.clone()).unwrap_or_default())
                                        on:input=move |e| {
                                            let v = event_target_value(&e);
                                            let id = id.clone();
                                            notes.update(|n| match n.iter_mut().find(|(i, _)| *i == id) {
                                                Some(slot) => slot.1 = v,
                                                None => n.push((id, v)),
                                            });
                                        }></textarea>
                                }
                            }
                        </For>
                    </fieldset>
                    <div class="toolbar">
                        <button type="button" id="review-accept" class="primary" on:click=move |_| decide(Verdict::Accepted)>
                            {move || fill(i18n.t(Msg::ReviewAccept), &[("quarter", &quarter_words())])}
                        </button>
                        <button type="button" id="review-return" on:click=move |_| decide(Verdict::Returned)>
                            {move || fill(i18n.t(Msg::ReviewReturn), &[("quarter", &quarter_words())])}
                        </button>
                    </div>
                </details>
            </Show>
            <Show when=move || history.with(|h| !h.is_empty())>
                <details class="review-history" id="review-history">
                    <summary>{move || fill(i18n.t(Msg::ReviewHistory), &[("quarter", &quarter_words()), ("n", &history.with(Vec::len).to_string())])}</summary>
                    <ol>
                        {move || {
                            let lang = i18n.lang.get();
                            let a = agreement.get();
                            let now = a.as_ref().map(|a| a.quarter_fingerprint(quarter.get())).unwrap_or_default();
                            let h = history.get();
                            let last = h.len().saturating_sub(1);
                            h.into_iter().enumerate().map(|(n, r)| {
                                let mut marks = Vec::new();
                                marks.push(if n == last { Msg::ReviewInForce.text(lang) } else { Msg::ReviewSuperseded.text(lang) });
                                if r.figures != now {
                                    marks.push(Msg::ReviewEarlierShort.text(lang));
                                }
                                let notes = text::review::notes(&r, a.as_deref(), lang);
                                view! {
                                    <li class="review-entry">
                                        <strong>{text::review::verdict(r.verdict, lang)}</strong>" — "{text::review::line(&r, lang)}
                                        " ("{marks.join("; ")}")"
                                        {(!notes.is_empty()).then(|| view! { <ul>{notes.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ol>
                </details>
            </Show>
        </section>
    }
}

/// The reviewer's note about one indicator of the quarter, from the return in force (also while the
/// sender corrects it: the notes stay until the quarter is reviewed again).
pub(super) fn indicator_note(standing: &Option<Standing>, id: &IndicatorId) -> Option<String> {
    match standing {
        Some(Standing::Current(r) | Standing::Earlier(r)) if r.verdict == Verdict::Returned => {
            r.note_for(id).map(str::to_string)
        }
        _ => None,
    }
}
