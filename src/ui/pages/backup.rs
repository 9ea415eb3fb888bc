//! On Data: copies outside the browser (the last one, the reminder's setting, the autosave file) and the
//! restore points inside it. The state is `services::copies`.

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::store::PointError;
use crate::ui::services::copies::{self, Autosave};
use crate::ui::services::{clock, Backup, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// The copies outside the browser: when the last was made, when to remind, and the autosave file.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let backup = expect_context::<Backup>();
    let last = move || {
        let lang = i18n.lang.get();
        match backup.last_copy() {
            Some(t) => fill(Msg::LastCopy.text(lang), &[("time", &clock::time_text(&t, lang))]),
            None => Msg::LastCopyNever.text(lang).to_string(),
        }
    };
    let days_text = RwSignal::new(untrack(|| backup.remind_after_days()).to_string());
    let on_days = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        days_text.set(v.clone());
        if let Ok(n) = v.trim().parse::<u32>() {
            backup.set_remind_after_days(n.min(365));
        }
    };
    view! {
        <section aria-labelledby="backup-title">
            <h2 id="backup-title">{move || i18n.t(Msg::BackupTitle)}</h2>
            <p>{move || i18n.t(Msg::BackupHint)}</p>
            <p id="last-copy">{last}</p>
            <div class="field narrow">
                <label for="remind-days">{move || i18n.t(Msg::RemindLabel)}</label>
                <input id="remind-days" type="number" inputmode="numeric" min="0" max="365" step="1"
                    aria-describedby="remind-days-hint" prop:value=move || days_text.get() on:input=on_days/>
                <p class="hint" id="remind-days-hint">{move || i18n.t(Msg::RemindHint)}</p>
            </div>
            <AutosavePanel/>
        </section>
    }
}

/// *Simpan otomatis ke berkas…*: the file, when it was last written, a failure, and the buttons.
#[component]
fn AutosavePanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let backup = expect_context::<Backup>();
    let choose = move |_| leptos::task::spawn_local(backup.choose_autosave());
    let state = move || {
        let lang = i18n.lang.get();
        match backup.autosave() {
            Autosave::Unsupported => view! {
                <p id="autosave-state" class="hint">{Msg::AutosaveUnsupported.text(lang)}</p>
            }
            .into_any(),
            Autosave::Starting => view! {
                <p id="autosave-state" role="status">{Msg::AutosaveStarting.text(lang)}</p>
            }
            .into_any(),
            Autosave::Off => view! {
                <p id="autosave-state">{Msg::AutosaveOff.text(lang)}</p>
                <p class="toolbar">
                    <button type="button" id="autosave-choose" class="primary" on:click=choose>
                        {Msg::AutosaveChoose.text(lang)}
                    </button>
                </p>
            }
            .into_any(),
            Autosave::NeedsPermission { name } => view! {
                <p id="autosave-state" class="problem">{fill(Msg::AutosaveNeedsPermission.text(lang), &[("file", &name)])}</p>
                <p class="toolbar">
                    <button type="button" id="autosave-allow" class="primary"
                        on:click=move |_| leptos::task::spawn_local(backup.allow_autosave())>
                        {fill(Msg::AutosaveAllow.text(lang), &[("file", &name)])}
                    </button>
                    <button type="button" id="autosave-stop" on:click=move |_| leptos::task::spawn_local(backup.stop_autosave())>
                        {Msg::AutosaveStop.text(lang)}
                    </button>
                </p>
            }
            .into_any(),
            Autosave::On { name, last, failed } => {
                let written = match last {
                    Some(t) => fill(Msg::AutosaveLast.text(lang), &[("time", &clock::time_text(&t, lang))]),
                    None => Msg::AutosaveNotYet.text(lang).to_string(),
                };
                let failed = failed.map(|e| fill(Msg::AutosaveFailedHere.text(lang), &[("reason", &copies::disk_error(&e, i18n))]));
                view! {
                    <p id="autosave-state">{fill(Msg::AutosaveOn.text(lang), &[("file", &name)])}" "<span id="autosave-last">{written}</span></p>
                    {failed.map(|f| view! { <p id="autosave-failed" class="problem" role="alert">{f}</p> })}
                    <p class="toolbar">
                        <button type="button" id="autosave-write" on:click=move |_| leptos::task::spawn_local(backup.write_autosave())>
                            {Msg::AutosaveWriteNow.text(lang)}
                        </button>
                        <button type="button" id="autosave-other" on:click=choose>{Msg::AutosaveChooseOther.text(lang)}</button>
                        <button type="button" id="autosave-stop" on:click=move |_| leptos::task::spawn_local(backup.stop_autosave())>
                            {Msg::AutosaveStop.text(lang)}
                        </button>
                    </p>
                }
                .into_any()
            }
        }
    };
    view! {
        <h3 id="autosave-title">{move || i18n.t(Msg::AutosaveTitle)}</h3>
        <p class="hint">{move || i18n.t(Msg::AutosaveHint)}</p>
        <div id="autosave" aria-live="polite">{state}</div>
    }
}

/// The restore points, newest first, each with *Pulihkan* and *Hapus*.
#[component]
pub fn PointsPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let backup = expect_context::<Backup>();
    let notices = expect_context::<Notices>();
    let skipped = move || {
        let lang = i18n.lang.get();
        backup.skipped().map(|e| match e {
            PointError::NoRoom { chars, .. } => {
                fill(Msg::PointSkippedRoom.text(lang), &[("size", &format::bytes(chars as u64 * 2, lang))])
            }
            _ => Msg::PointSkippedOther.text(lang).to_string(),
        })
    };
    let rows = move || {
        let lang = i18n.lang.get();
        let mut points = backup.points();
        points.reverse();
        points
            .into_iter()
            .map(|p| {
                let time = clock::time_text(&p.at, lang);
                let what = copies::occasion_text(&p, i18n);
                let size = format::bytes(p.chars as u64 * 2, lang);
                let restore_label = fill(Msg::PointRestoreLabel.text(lang), &[("time", &time)]);
                let delete_label = fill(Msg::PointDeleteLabel.text(lang), &[("time", &time)]);
                let (restore, id) = (p.clone(), p.id);
                view! {
                    <tr class="point" data-id=id.to_string()>
                        <td>{time}</td>
                        <td>{what}</td>
                        <td class="num">{p.agreements.to_string()}</td>
                        <td class="num">{size}</td>
                        <td class="actions">
                            <button type="button" class="small point-restore" aria-label=restore_label
                                on:click=move |_| backup.restore(&restore)>{Msg::PointRestoreButton.text(lang)}</button>
                            " "
                            <button type="button" class="small point-delete" aria-label=delete_label
                                on:click=move |_| {
                                    backup.drop_point(id);
                                    notices.notify(NoticeKind::Success, i18n.t_now(Msg::PointDeleted).to_string());
                                }>{Msg::PointDelete.text(lang)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="points-title">
            <h2 id="points-title">{move || i18n.t(Msg::PointsTitle)}</h2>
            <p class="hint">{move || i18n.t(Msg::PointsHint)}</p>
            {move || skipped().map(|s| view! { <p id="point-skipped" class="problem">{s}</p> })}
            <Show when=move || backup.points().is_empty()>
                <p id="points-empty">{move || i18n.t(Msg::PointsEmpty)}</p>
            </Show>
            <Show when=move || !backup.points().is_empty()>
                <table class="points" id="points">
                        <caption class="visually-hidden">{move || i18n.t(Msg::PointsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::ColTime)}</th>
                            <th scope="col">{move || i18n.t(Msg::ColEvent)}</th>
                            <th scope="col" class="num">{move || i18n.t(Msg::ColPks)}</th>
                            <th scope="col" class="num">{move || i18n.t(Msg::ColSize)}</th>
                            <th scope="col">{move || i18n.t(Msg::ColActions)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
