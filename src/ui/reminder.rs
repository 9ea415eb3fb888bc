//! The backup reminder: after the set number of days with changes of the user's own and no copy outside
//! the browser, Beranda and the header say so, with one button that exports the whole workspace (the same
//! export as Data's). Never in the public view (`Backup::reminder` is `None` there).

use crate::core::i18n::{fill, Msg};
use crate::ui::services::export::{Downloads, What};
use crate::ui::services::{Backup, Language};
use leptos::prelude::*;

/// The reminder: in full on Beranda (`short: false`), in one line in the header.
#[component]
pub fn BackupReminder(short: bool, id: &'static str) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let backup = expect_context::<Backup>();
    let downloads = Downloads::here();
    move || {
        let lang = i18n.lang.get();
        backup.reminder().map(|r| {
            let msg = match (short, r.never) {
                (true, _) => Msg::ReminderShort,
                (false, true) => Msg::ReminderNever,
                (false, false) => Msg::ReminderText,
            };
            let text = fill(msg.text(lang), &[("days", &r.days.to_string())]);
            let button = if short { Msg::ReminderExportShort } else { Msg::ReminderExport };
            view! {
                <div class="backup-reminder" id=id role="status">
                    <p>{text}</p>
                    <button type="button" class="primary small" id=format!("{id}-export")
                        on:click=move |_| downloads.json(What::Everything)>{button.text(lang)}</button>
                </div>
            }
        })
    }
}
