//! The import preview: each file's verdict, each PK's status and differences, the choices, the size check.

use super::ParentNote;
use super::Session;
use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::diff::{Difference, Status};
use crate::core::io::file::Scope;
use crate::core::io::merge::Choice;
use crate::core::io::signature::Signature;
use crate::core::text::import::{choice_label, diff_value, signature_note, status_label};
use crate::core::text::{diff_place, file_error, path_words, problem};
use crate::store::QUOTA_CHARS;
use crate::ui::common::TableScroll;
use crate::ui::services::{Language, Persistence};
use leptos::prelude::*;

/// Preview rows drawn at once.
const PAGE: usize = 50;

fn parent_note(note: &ParentNote, lang: Lang) -> Option<String> {
    match note {
        ParentNote::None => None,
        ParentNote::Here(title) => Some(fill(Msg::ParentInYourData.text(lang), &[("title", title)])),
        ParentNote::InImport(title) => Some(fill(Msg::ParentInThisImport.text(lang), &[("title", title)])),
        ParentNote::Missing => Some(Msg::ParentMissingHere.text(lang).to_string()),
    }
}

/// The differences of one incoming PK; a measurement entered on both sides gets a checkbox to take the
/// file's value when merging.
fn differences_view(
    diffs: &[Difference],
    lang: Lang,
    index: usize,
    session: RwSignal<Option<Session>>,
) -> impl IntoView {
    view! {
        <details class="differences">
            <summary>{Msg::ShowDifferences.text(lang)}</summary>
            <table class="diff-table">
                <thead><tr><th scope="col"></th><th scope="col">{Msg::DiffMine.text(lang)}</th><th scope="col">{Msg::DiffTheirs.text(lang)}</th></tr></thead>
                <tbody>{diffs.iter().enumerate().map(|(n, d)| {
                    let both = d.takeable();
                    let place = d.place.clone();
                    let check = place.clone();
                    let take = both.then(|| {
                        let id = format!("take-{index}-{n}");
                        let label_for = id.clone();
                        view! {
                            <label class="take-theirs" for=label_for>
                                <input type="checkbox" id=id class="take"
                                    prop:checked=move || session.with(|s| s.as_ref().is_some_and(|s| s.items[index].take.contains(&check)))
                                    on:change=move |_| session.update(|s| if let Some(s) = s {
                                        let item = &mut s.items[index];
                                        if !item.take.contains(&place) {
                                            item.take.push(place.clone());
                                        } else {
                                            item.take.retain(|p| *p != place);
                                        }
                                    })/>
                                " "{Msg::TakeTheirs.text(lang)}
                            </label>
                        }
                    });
                    view! {
                        <tr>
                            <th scope="row">{diff_place(&d.place, lang)}</th>
                            <td class="mine">{diff_value(&d.place, d.mine.as_deref(), lang)}</td>
                            <td class="theirs">{diff_value(&d.place, d.theirs.as_deref(), lang)}{take}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        </details>
    }
}

/// The preview and the confirm button.
#[component]
pub fn Preview(
    session: RwSignal<Option<Session>>,
    applying: RwSignal<Option<(usize, usize)>>,
    confirm: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let saving = expect_context::<Persistence>();
    // A national file has thousands of PKs: the first screen at once, the rest on demand.
    let shown = RwSignal::new(PAGE);
    let total = move || session.with(|s| s.as_ref().map_or(0, |s| s.items.len()));
    let set_all = move |c: Choice| {
        session.update(|s| {
            if let Some(s) = s {
                // "For all that differ": new and identical PKs are never touched.
                for i in s
                    .items
                    .iter_mut()
                    .filter(|i| i.status.differs() && Choice::options(&i.status).contains(&c))
                {
                    i.choice = c;
                }
            }
        })
    };
    // The storage the data would take after the import (bytes: two per character), from what is
    // stored now and each PK's stored size; the import is refused when it would not fit.
    let estimate = Memo::new(move |_| {
        let now = saving.used_chars().unwrap_or(0) as i64;
        let delta: i64 = session.with(|s| {
            s.as_ref().map_or(0, |s| {
                s.items
                    .iter()
                    .map(|i| match i.choice {
                        Choice::KeepMine => 0,
                        Choice::Replace | Choice::Merge => i.size as i64 - i.local_size as i64,
                        Choice::Add | Choice::KeepBoth => i.size as i64,
                    })
                    .sum()
            })
        });
        (now + delta).max(0) as usize * 2
    });
    let fits = move || estimate.get() / 2 <= QUOTA_CHARS;
    let changes = move || {
        session.with(|s| {
            s.as_ref().map(|s| s.items.iter().filter(|i| i.choice != Choice::KeepMine).count()).unwrap_or(0)
        })
    };
    let offices =
        move || session.with(|s| s.as_ref().map_or(0, |s| s.offices.iter().filter(|(_, add)| *add).count()));
    let reviews = move || session.with(|s| s.as_ref().map_or(0, |s| s.reviews.len()));
    view! {
        <div class="import-preview" id="import-preview" aria-live="polite">
            <h3>{move || i18n.t(Msg::ImportPreview)}</h3>
            <ul class="file-results">
                {move || {
                    let lang = i18n.lang.get();
                    session.with(|s| s.as_ref().map(|s| s.files.iter().map(|f| match &f.outcome {
                        Err(e) => {
                            let problems: Vec<_> = match e { crate::core::io::file::FileError::Invalid(p) => p.clone(), _ => vec![] };
                            let shown = problems.len().min(100);
                            view! {
                                <li class="file-result refused">
                                    <strong class="file-name">{f.name.clone()}</strong>": "
                                    <span class="reason">{file_error(e, lang)}</span>
                                    {(!problems.is_empty()).then(|| view! {
                                        <ul class="problems">{problems[..shown].iter().map(|p| view! {
                                            <li><span class="place">{path_words(&p.path, &[], lang)}</span>": "{problem(p, lang)}</li>
                                        }).collect_view()}</ul>
                                    })}
                                    {(problems.len() > shown).then(|| view! { <p>{fill(Msg::MoreProblems.text(lang), &[("n", &(problems.len() - shown).to_string())])}</p> })}
                                </li>
                            }.into_any()
                        }
                        Ok((meta, warnings)) => {
                            let titles = &f.titles;
                            let scope = match meta.source.scope { Scope::Workspace => Msg::ScopeWorkspace, Scope::Agreement => Msg::ScopeAgreement, Scope::Subtree => Msg::ScopeSubtree };
                            let exported = meta.exported_at.as_deref().map(|d| crate::ui::services::clock::time_text(d, lang)).unwrap_or_else(|| "—".into());
                            let upgraded = (meta.version < crate::core::io::file::VERSION).then(|| fill(Msg::FileUpgraded.text(lang), &[("version", &meta.version.to_string())]));
                            view! {
                                <li class="file-result accepted">
                                    <strong class="file-name">{f.name.clone()}</strong>": "
                                    {fill(Msg::FileAccepted.text(lang), &[
                                        ("office", &meta.source.office), ("scope", scope.text(lang)), ("date", &exported), ("generator", &meta.generator),
                                    ])}
                                    {upgraded.map(|u| view! { " " <span class="upgraded">{u}</span> })}
                                    {(!warnings.is_empty()).then(|| view! {
                                        <ul class="warnings">{warnings.iter().map(|p| view! { <li><span class="place">{path_words(&p.path, titles, lang)}</span>": "{problem(p, lang)}</li> }).collect_view()}</ul>
                                    })}
                                </li>
                            }.into_any()
                        }
                    }).collect_view()))
                }}
            </ul>
            <Show when=move || session.with(|s| s.as_ref().is_some_and(|s| !s.offices.is_empty()))>
                <NewOffices session/>
            </Show>
            <Show when=move || { reviews() > 0 }>
                <p id="import-reviews">{move || fill(i18n.t(Msg::ImportReviews), &[("n", &reviews().to_string())])}</p>
            </Show>
            <Show when=move || session.with(|s| s.as_ref().is_some_and(|s| !s.items.is_empty()))>
                <div class="apply-all toolbar">
                    <span>{move || i18n.t(Msg::ApplyToAll)}</span>
                    <button type="button" id="all-replace" on:click=move |_| set_all(Choice::Replace)>{move || i18n.t(Msg::ChoiceReplace)}</button>
                    <button type="button" id="all-keep-mine" on:click=move |_| set_all(Choice::KeepMine)>{move || i18n.t(Msg::ChoiceKeepMine)}</button>
                    <button type="button" id="all-keep-both" on:click=move |_| set_all(Choice::KeepBoth)>{move || i18n.t(Msg::ChoiceKeepBoth)}</button>
                </div>
                <TableScroll label=Signal::derive(move || i18n.t(Msg::ImportPreview).to_string())>
                    <table class="import-table" id="import-table">
                        <thead><tr>
                            {crate::ui::common::column_heads(&[(Msg::ImportColAgreement, ""), (Msg::Year, ""), (Msg::ColStatus, ""), (Msg::ImportColChoice, "")])}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let lang = i18n.lang.get();
                                session.with(|s| s.as_ref().map(|s| s.items.iter().enumerate().take(shown.get()).map(|(index, item)| {
                                    let from = s.files.get(item.file).map(|f| f.name.clone()).unwrap_or_default();
                                    let diffs = item.status.differences().to_vec();
                                    let options = Choice::options(&item.status);
                                    let current = item.choice;
                                    let kind = match item.status { Status::New => "new", Status::Identical => "identical", Status::Differs(_) => "differs", Status::Older(_) => "older", Status::Conflict(..) => "conflict" };
                                    let parent = parent_note(&item.parent, lang);
                                    let signature = signature_note(&item.signature, lang);
                                    let untrusted = item.signature == Signature::Untrusted;
                                    view! {
                                        <tr class=format!("import-row {kind}") data-id=item.agreement.id.0.clone()>
                                            <td>{item.agreement.title().to_string()}<br/><small>{item.agreement.first_party.name.clone()}" · "{from}</small></td>
                                            <td class="year" data-label=Msg::Year.text(lang)>{item.agreement.year}</td>
                                            <td class="status" data-label=Msg::ColStatus.text(lang)>{status_label(&item.status, lang)}
                                                {parent.map(|p| view! { <p class="parent-note">{p}</p> })}
                                                {signature.map(|p| view! { <p class="signature-note" class:problem=untrusted>{p}</p> })}
                                                {(!diffs.is_empty()).then(|| differences_view(&diffs, lang, index, session))}</td>
                                            <td class="action" data-label=Msg::ImportColChoice.text(lang)>
                                                <label class="visually-hidden" for=format!("choice-{index}")>{Msg::ImportColChoice.text(lang)}</label>
                                                <select id=format!("choice-{index}") class="choice" disabled=options.len() < 2
                                                    on:change=move |e| {
                                                        let v = event_target_value(&e);
                                                        session.update(|s| if let Some(s) = s {
                                                            if let Some(c) = Choice::options(&s.items[index].status).iter().find(|c| format!("{c:?}") == v) {
                                                                s.items[index].choice = *c;
                                                            }
                                                        });
                                                    }>
                                                    {options.iter().map(|c| view! {
                                                        <option value=format!("{c:?}") selected=*c == current>{choice_label(*c, lang)}</option>
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()))
                            }}
                        </tbody>
                    </table>
                </TableScroll>
                <Show when=move || shown.get() < total()>
                    <button type="button" id="import-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || fill(i18n.t(Msg::ShowMoreRows), &[("n", &PAGE.min(total() - shown.get()).to_string()), ("total", &total().to_string())])}
                    </button>
                </Show>
            </Show>
            <p class="estimate" class:problem=move || !fits() id="import-estimate">
                {move || {
                    let lang = i18n.lang.get();
                    let size = format::bytes(estimate.get() as u64, lang);
                    let quota = format::bytes(QUOTA_CHARS as u64 * 2, lang);
                    if fits() { fill(Msg::ImportFits.text(lang), &[("size", &size), ("quota", &quota)]) }
                    else { fill(Msg::ImportDoesNotFit.text(lang), &[("size", &size), ("quota", &quota)]) }
                }}
            </p>
            <div class="toolbar">
                <button type="button" id="import-confirm" class="primary"
                    disabled=move || (changes() == 0 && offices() == 0 && reviews() == 0) || !fits() || applying.with(Option::is_some)
                    on:click=move |_| confirm.run(())>
                    {move || if changes() == 0 && reviews() > 0 {
                        fill(i18n.t(Msg::ImportReviewsOnly), &[("n", &reviews().to_string())])
                    } else if changes() == 0 && offices() > 0 {
                        fill(i18n.t(Msg::ImportOfficesOnly), &[("n", &offices().to_string())])
                    } else {
                        fill(i18n.t(Msg::ImportConfirm), &[("n", &changes().to_string())])
                    }}
                </button>
                <button type="button" id="import-cancel" disabled=move || applying.with(Option::is_some)
                    on:click=move |_| session.set(None)>{move || i18n.t(Msg::Cancel)}</button>
            </div>
            <crate::ui::common::ProgressLine id="import-applying" message=Msg::ImportApplying progress=applying/>
        </div>
    }
}

/// The offices the files name that are not listed here, each with a box to add it to the list.
#[component]
fn NewOffices(session: RwSignal<Option<Session>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let count = move || session.with(|s| s.as_ref().map_or(0, |s| s.offices.len()));
    let shown = RwSignal::new(PAGE);
    view! {
        <fieldset class="import-offices" id="import-offices">
            <legend>{move || i18n.t(Msg::ImportOfficesTitle)}</legend>
            <p class="hint">{move || i18n.t(Msg::ImportOfficesHint)}</p>
            <ul>
                {move || {
                    let lang = i18n.lang.get();
                    (0..count().min(shown.get())).map(|index| {
                        let (office, add) = session.with_untracked(|s| s.as_ref().map(|s| s.offices[index].clone())).unwrap_or_else(|| (crate::core::model::offices::Office::new("", Default::default(), ""), false));
                        let level = crate::core::text::offices::level(office.level, lang);
                        let under = if office.parent.is_empty() { level.to_string() } else {
                            fill(Msg::ImportOfficeUnder.text(lang), &[("level", level), ("parent", &office.parent)])
                        };
                        let id = format!("new-office-{index}");
                        view! {
                            <li class="new-office">
                                <input type="checkbox" id=id.clone() checked=add
                                    on:change=move |e| {
                                        let on = event_target_checked(&e);
                                        session.update(|s| if let Some((_, add)) = s.as_mut().and_then(|s| s.offices.get_mut(index)) { *add = on; });
                                    }/>
                                " "<label for=id>{office.name.clone()}</label>" "<small>"("{under}")"</small>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Show when=move || shown.get() < count()>
                <button type="button" id="import-offices-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || fill(i18n.t(Msg::ShowMoreRows), &[("n", &PAGE.min(count() - shown.get()).to_string()), ("total", &count().to_string())])}
                </button>
            </Show>
        </fieldset>
    }
}
