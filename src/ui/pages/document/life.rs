//! The PK's status and versions on its page: sign a draft, make a Perubahan (with its reason), sign or
//! cancel it, see every signed version with its fingerprint. Not printed (the print carries its own
//! version line and fingerprint).

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::canonical::short;
use crate::core::model::life::{parse_date, signing_date_expected, Change, LifeError, Reason};
use crate::core::model::{Agreement, AgreementId, Stage};
use crate::core::route::{Page, Route};
use crate::core::text::life;
use crate::ui::common::{ConfirmButton, TableScroll};
use crate::ui::services::{browser, clock};
use crate::ui::services::{Document, Language, Nav, NoticeKind, Notices};
use leptos::prelude::*;
use std::sync::Arc;

fn today() -> String {
    clock::today().iso()
}

/// Status, actions and the list of signed versions.
#[component]
pub fn LifePanel(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let public = move || nav.route.with(|r| r.public);
    let stage = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.stage())));
    // A draft transcribed from a document signed on paper (the built-in data).
    let on_paper = move || {
        stage.get() == Some(Stage::Draft)
            && agreement.with(|a| a.as_ref().is_some_and(|a| !a.transcribed_from.trim().is_empty()))
    };
    let id = move || agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone()));
    view! {
        <section class="life no-print" id="life" aria-labelledby="life-title">
            <h2 id="life-title">{move || i18n.t(Msg::LifeTitle)}</h2>
            // The public reads the version in force, or that the PK was signed on paper (a transcription),
            // never that it can be edited; staff read where the PK is in its life.
            <p id="stage" class=move || match stage.get() {
                Some(Stage::Signed(_)) => "stage signed",
                Some(Stage::Revising(_)) if public() => "stage signed",
                Some(Stage::Revising(_)) => "stage revising",
                Some(Stage::Draft) if public() && on_paper() => "stage paper",
                _ => "stage draft",
            }>
                {move || agreement.with(|a| a.as_ref().map(|a| {
                    if public() { life::public_stage(a, i18n.lang.get()) } else { life::stage(a, i18n.lang.get()) }
                }))}
            </p>
            <Show when=move || !public() && on_paper()>
                <p id="paper-note">{move || agreement.with(|a| a.as_ref().map(|a| life::public_stage(a, i18n.lang.get())))}</p>
            </Show>
            <Show when=move || agreement.with(|a| a.as_ref().is_some_and(|a| a.untrusted()))>
                <p class="problem" id="untrusted" role="alert">{move || i18n.t(Msg::Untrusted)}</p>
            </Show>
            {move || agreement.with(|a| a.as_ref().and_then(|a| life::flagged(a, i18n.lang.get()))).map(|text| view! {
                <p class="problem" id="versions-flagged">{text}</p>
            })}
            {move || agreement.with(|a| a.as_ref().and_then(|a| a.in_force().map(|v| short(&v.fingerprint)))).map(|fp| view! {
                <p class="fingerprint"><span id="fingerprint-current">{move || fill(i18n.t(Msg::FingerprintLine), &[("fp", &fp)])}</span>
                    " "<small>{move || i18n.t(Msg::FingerprintHint)}</small></p>
            })}
            <Show when=move || !public()>
                <PartyDiffers agreement/>
            </Show>
            <Show when=move || !public()>
                {move || match stage.get() {
                    Some(Stage::Draft) => view! { <SignForm agreement/> }.into_any(),
                    Some(Stage::Signed(n)) => view! { <ReviseForm agreement next=n + 1/> }.into_any(),
                    Some(Stage::Revising(_)) => view! { <SignForm agreement/> }.into_any(),
                    None => ().into_any(),
                }}
            </Show>
            <Versions agreement/>
            <Show when=move || !public()>
                {move || id().zip(agreement.with(|a| a.as_ref().map(|a| a.year))).map(|(id, year)| view! {
                    <crate::ui::pages::next_year::NextYear year root=Some(id)/>
                })}
            </Show>
        </section>
    }
}

/// A Pihak Kedua that is not the parent PK's Pihak Pertama (the names follow the cascade): for a signed
/// PK, with the Perubahan that changes it (the form below); for a draft, a link to the field.
#[component]
fn PartyDiffers(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    use crate::core::model::names::PartyFlag;
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let flags = Memo::new(move |_| {
        let Some(id) = agreement.with(|a| a.as_ref().map(|a| a.id.clone())) else { return Vec::new() };
        let flags = doc.ws.with(|ws| ws.party_flags(&id));
        flags.into_iter().filter(|f| !matches!(f, PartyFlag::LevelDoesNotFit { .. })).collect::<Vec<_>>()
    });
    let locked = move || agreement.with(|a| a.as_ref().is_some_and(|a| a.is_locked()));
    let fix = move || {
        let id = agreement.with(|a| a.as_ref().map(|a| a.id.clone()))?;
        let field =
            crate::core::model::element::ElementId::Field(crate::core::model::edit::Field::SecondName);
        Some(crate::core::route::with_focus(&Route::staff(Page::Agreement { id, edit: true }).href(), &field))
    };
    view! {
        <Show when=move || !flags.with(Vec::is_empty)>
            <div class="problem" id="party-differs">
                {move || {
                    let lang = i18n.lang.get();
                    flags.get().iter().map(|f| view! { <p>{crate::core::text::names::party_flag(f, lang)}</p> }).collect_view()
                }}
                <p>{move || if locked() {
                    i18n.t(Msg::PartySignedOffer).into_any()
                } else {
                    view! { <a class="fix-link" href=fix>{move || i18n.t(Msg::FixHere)}</a> }.into_any()
                }}</p>
            </div>
        </Show>
    }
}

/// Signs the draft, or the Perubahan being prepared (with the confirmation it may need).
#[component]
fn SignForm(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let date = RwSignal::new(today());
    let confirmed = RwSignal::new(false);
    let realised =
        Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.realised_changes()).unwrap_or_default()));
    let revising = move || {
        agreement.with(|a| {
            a.as_ref().and_then(|a| match a.stage() {
                Stage::Revising(n) => Some(n),
                _ => None,
            })
        })
    };
    // A date outside the PK's year (or the December before) is asked about first, never refused.
    let unusual = RwSignal::new(false);
    let sign = move || {
        unusual.set(false);
        let Some(id) = agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone())) else { return };
        let on = date.get_untracked();
        let ok = confirmed.get_untracked();
        let result = doc.change(Msg::SignAction, None, |ws| {
            ws.agreement_mut(&id).map_or(Err(LifeError::NotSigned), |a| a.sign(&on, ok))
        });
        let lang = i18n.lang.get_untracked();
        match result {
            Ok(()) => {
                let fp = doc.ws.with_untracked(|ws| {
                    ws.agreement(&id).and_then(|a| a.in_force().map(|v| short(&v.fingerprint)))
                });
                notices.notify(
                    NoticeKind::Success,
                    fill(Msg::Signed.text(lang), &[("fp", &fp.unwrap_or_default())]),
                );
                browser::focus("stage");
            }
            Err(e) => notices.notify(NoticeKind::Error, life::error(&e, lang).to_string()),
        }
    };
    let ask_or_sign = move |_| {
        let year = agreement.with_untracked(|a| a.as_ref().map(|a| a.year)).unwrap_or_default();
        // A date that is not a date is left to `sign`, which says so.
        let on = date.get_untracked();
        if parse_date(&on).is_some() && !signing_date_expected(&on, year) {
            unusual.set(true);
            request_animation_frame(|| browser::focus("sign-date-confirm"));
        } else {
            sign();
        }
    };
    let question = move || {
        let lang = i18n.lang.get();
        let year = agreement.with(|a| a.as_ref().map(|a| a.year)).unwrap_or_default();
        fill(
            Msg::SignDateUnusual.text(lang),
            &[("date", &format::day(&date.get(), lang)), ("year", &year.to_string())],
        )
    };
    let cancel = Callback::new(move |_| {
        let Some(id) = agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone())) else { return };
        if doc.change(Msg::CancelRevision, None, |ws| {
            ws.agreement_mut(&id).is_some_and(|a| a.cancel_revision())
        }) {
            notices.notify(NoticeKind::Success, i18n.t_now(Msg::RevisionCancelled).to_string());
        }
    });
    view! {
        <div class="life-form" id="sign-form">
            <Show when=move || realised.with(|r| !r.is_empty())>
                <div class="realised" id="realised">
                    <h3>{move || i18n.t(Msg::RealisedTitle)}</h3>
                    <ul>{move || realised.get().iter().map(|r| view! { <li>{life::realised(r, i18n.lang.get())}</li> }).collect_view()}</ul>
                    <label class="check"><input type="checkbox" id="realised-confirm" prop:checked=move || confirmed.get()
                        on:change=move |e| confirmed.set(event_target_checked(&e))/>
                        {move || i18n.t(Msg::RealisedConfirm)}</label>
                </div>
            </Show>
            <label for="sign-date">{move || i18n.t(Msg::SignDate)}</label>
            <input type="date" id="sign-date" prop:value=move || date.get() on:input=move |e| { unusual.set(false); date.set(event_target_value(&e)) }/>
            <button type="button" class="primary" id="sign" on:click=ask_or_sign aria-expanded=move || unusual.get().to_string()>
                {move || match revising() {
                    Some(n) => fill(i18n.t(Msg::SignRevisionAction), &[("n", &n.to_string())]),
                    None => i18n.t(Msg::SignAction).to_string(),
                }}
            </button>
            <Show when=move || unusual.get()>
                <div class="confirm-box" id="sign-date-unusual" role="alertdialog" aria-labelledby="sign-date-question">
                    <p id="sign-date-question">{question}</p>
                    <button type="button" class="primary confirm-yes" id="sign-date-confirm" on:click=move |_| sign()>
                        {move || i18n.t(Msg::SignDateUnusualConfirm)}
                    </button>
                    " "
                    <button type="button" class="confirm-no" id="sign-date-cancel" on:click=move |_| { unusual.set(false); browser::focus("sign-date"); }>
                        {move || i18n.t(Msg::Cancel)}
                    </button>
                </div>
            </Show>
            <Show when=move || revising().is_some()>
                <ConfirmButton label=Msg::CancelRevision question=Msg::RevisionCancelled confirm=Msg::CancelRevisionConfirm
                    on_confirm=cancel id="cancel-revision"/>
            </Show>
        </div>
    }
}

/// Starts Perubahan ke-`next`: reason, description, basis and date.
#[component]
fn ReviseForm(agreement: Memo<Option<Arc<Agreement>>>, next: u32) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let reason = RwSignal::new(Reason::Budget);
    let text = RwSignal::new(String::new());
    let basis = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let start = move |_| {
        let Some(id) = agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone())) else { return };
        let change = Change {
            reason: reason.get_untracked(),
            text: text.get_untracked(),
            basis: basis.get_untracked(),
            date: date.get_untracked(),
        };
        let result = doc.change(Msg::ReviseTitle, None, |ws| {
            ws.agreement_mut(&id).map_or(Err(LifeError::NotSigned), |a| a.begin_revision(change))
        });
        let lang = i18n.lang.get_untracked();
        match result {
            Ok(()) => {
                let href = Route::staff(Page::Agreement { id, edit: true }).href();
                notices.go_and_notify(
                    &href,
                    NoticeKind::Success,
                    fill(Msg::RevisionStarted.text(lang), &[("n", &next.to_string())]),
                );
            }
            Err(e) => notices.notify(NoticeKind::Error, life::error(&e, lang).to_string()),
        }
    };
    view! {
        <details class="life-form" id="revise">
            <summary class="button-link">{move || i18n.t(Msg::ReviseTitle)}</summary>
            <p class="hint">{move || i18n.t(Msg::ReviseHint)}</p>
            <label for="revise-reason">{move || i18n.t(Msg::ReasonLabel)}</label>
            <select id="revise-reason" on:change=move |e| if let Some(r) = Reason::from_key(&event_target_value(&e)) { reason.set(r) }>
                {Reason::ALL.into_iter().map(|r| view! {
                    <option value=r.key() selected=move || reason.get() == r>{move || life::reason(r, i18n.lang.get())}</option>
                }).collect_view()}
            </select>
            <label for="revise-text">{move || i18n.t(Msg::ReasonText)}</label>
            <input type="text" id="revise-text" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))/>
            <label for="revise-basis">{move || i18n.t(Msg::ReasonBasis)}</label>
            <input type="text" id="revise-basis" prop:value=move || basis.get() on:input=move |e| basis.set(event_target_value(&e))/>
            <label for="revise-date">{move || i18n.t(Msg::RevisionDate)}</label>
            <input type="date" id="revise-date" prop:value=move || date.get() on:input=move |e| date.set(event_target_value(&e))/>
            <button type="button" class="primary" id="revise-start" on:click=start>
                {move || fill(i18n.t(Msg::ReviseAction), &[("n", &next.to_string())])}
            </button>
        </details>
    }
}

/// Every signed version: its name (a link to it), date, reason and fingerprint.
#[component]
fn Versions(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let public = move || nav.route.with(|r| r.public);
    let rows = move || {
        let lang = i18n.lang.get();
        agreement.with(|a| {
            let a = a.as_ref()?;
            let last = a.life.line_len().checked_sub(1)?;
            let id: AgreementId = a.id.clone();
            Some(a.life.versions.iter().enumerate().map(|(n, v)| {
                let href = Route { public: public(), page: Page::Version { id: id.clone(), number: v.number } }.href();
                let name = life::version_name(v.number, lang);
                let why = v.change.as_ref().map(|c| {
                    let mut s = life::reason(c.reason, lang).to_string();
                    for extra in [&c.text, &c.basis] {
                        if !extra.trim().is_empty() {
                            s = format!("{s}; {extra}");
                        }
                    }
                    s
                }).unwrap_or_default();
                let in_force = a.life.is_in_force(n);
                // Held beside the line (another office signed this number differently): flagged, no link.
                let beside = n > last;
                view! {
                    <tr class="version-row" class:flagged=beside data-version=v.number>
                        <td>{if beside { view! { {name}" "<strong class="badge problem">{Msg::VersionFlagged.text(lang)}</strong> }.into_any() } else { view! { <a href=href>{fill(Msg::ViewVersion.text(lang), &[("version", &name)])}</a> }.into_any() }}
                            {in_force.then(|| view! { " "<strong class="badge">{Msg::InForce.text(lang)}</strong> })}</td>
                        <td>{format::day(&v.signed_on, lang)}</td>
                        <td>{why}</td>
                        <td class="fingerprint-cell"><code>{short(&v.fingerprint)}</code></td>
                    </tr>
                }
            }).collect_view())
        })
    };
    view! {
        <Show when=move || agreement.with(|a| a.as_ref().is_some_and(|a| !a.life.versions.is_empty()))>
            <h3 id="versions-title">{move || i18n.t(Msg::VersionsTitle)}</h3>
            <TableScroll label=Signal::derive(move || i18n.t(Msg::VersionsTitle).to_string())>
                <table class="versions" id="versions">
                    <thead><tr>
                        {crate::ui::common::column_heads(&[(Msg::ColVersion, ""), (Msg::ColSignedOn, ""), (Msg::ColReason, ""), (Msg::ColFingerprint, "")])}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        </Show>
    }
}
