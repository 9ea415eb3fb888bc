//! The Renstra page (`#/renstra`): the offices' Renstra with their IKU, and a form to enter one or revise
//! it: period, decree, and the sasaran strategis with their IKU pasted from a Word/Excel table
//! (`core::io::paste_renstra`), previewed before anything is saved. The rules (`model::renstra::put`) are
//! checked on saving; each problem is shown at its field and nothing is saved until none is left.

use crate::core::i18n::{fill, Msg};
use crate::core::io::paste_renstra::{self, PastedRenstra};
use crate::core::model::renstra::{self, Decree, Put, Renstra, RenstraProblem, Version};
use crate::core::text::places::path_words;
use crate::core::text::problems::{renstra_problem, skip_reason};
use crate::ui::services::{browser, Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// The offices' Renstra and the form to enter one.
#[component]
pub fn RenstraPage() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let count = Memo::new(move |_| doc.ws.with(|ws| ws.renstra.len()));
    view! {
        <section class="page renstra-page" aria-labelledby="renstra-title">
            <h1 id="renstra-title">{move || i18n.t(Msg::RenstraTitle)}</h1>
            <p>{move || i18n.t(Msg::RenstraHint)}</p>
            <Show when=move || count.get() == 0>
                <p id="renstra-none" class="hint">{move || i18n.t(Msg::RenstraNone)}</p>
            </Show>
            <For each=move || 0..count.get() key=|n| *n let:n>
                <RenstraTable n/>
            </For>
            <RenstraForm/>
        </section>
    }
}

/// One Renstra: its period, decree and IKU with the target of each year.
#[component]
fn RenstraTable(n: usize) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let r = Memo::new(move |_| doc.ws.with(|ws| ws.renstra.get(n).cloned()));
    let title_id = format!("renstra-{n}-title");
    move || {
        let r = r.get()?;
        let lang = i18n.lang.get();
        let years: Vec<i32> = r.years().collect();
        let heading = fill(
            Msg::RenstraHeading.text(lang),
            &[("office", &r.office), ("start", &r.start.to_string()), ("end", &r.end.to_string())],
        );
        let decree = fill(
            Msg::RenstraDecreeLine.text(lang),
            &[
                ("number", &r.current.decree.number),
                ("date", &r.current.decree.date),
                ("n", &r.versions().to_string()),
            ],
        );
        let rows = r
            .iku()
            .map(|(g, k)| {
                let cells = years
                    .iter()
                    .map(|y| view! { <td class="num">{k.target(*y).map(|t| t.display(lang)).unwrap_or_default()}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <td>{g.text.clone()}</td>
                        <th scope="row">{k.text.clone()}</th>
                        <td>{k.unit.clone()}</td>
                        {cells}
                        <td class="num">{k.end_target.display(lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let year_heads = years.iter().map(|y| view! { <th scope="col" class="num">{*y}</th> }).collect_view();
        Some(view! {
            <section class="renstra" aria-labelledby=title_id.clone()>
                <h2 id=title_id.clone()>{heading}</h2>
                <p>{decree}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby=title_id.clone()>
                    <table class="renstra-table">
                        <thead><tr>
                            <th scope="col">{Msg::RenstraColGoal.text(lang)}</th>
                            <th scope="col">{Msg::RenstraColIku.text(lang)}</th>
                            <th scope="col">{Msg::RenstraUnit.text(lang)}</th>
                            {year_heads}
                            <th scope="col" class="num">{Msg::RenstraEndTarget.text(lang)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}

/// The form: office, period, decree and the pasted table, with a preview; saved only when valid.
#[component]
fn RenstraForm() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let office = RwSignal::new(doc.ws.with_untracked(|ws| ws.office.clone()));
    let start = RwSignal::new(String::from("2025"));
    let end = RwSignal::new(String::from("2029"));
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let table = RwSignal::new(String::new());
    let pasted = RwSignal::new(None::<PastedRenstra>);
    let problems = RwSignal::new(Vec::<(String, RenstraProblem)>::new());
    let year = |s: &str| s.trim().parse::<i32>().ok();
    let read = move || {
        let start = year(&start.get_untracked()).unwrap_or(2025);
        let text = table.get_untracked();
        pasted.set(Some(doc.with_ids(|ids| paste_renstra::parse(&text, start, ids))));
    };
    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        read();
        let goals = pasted.with_untracked(|p| p.as_ref().map(|p| p.goals.clone()).unwrap_or_default());
        if goals.iter().all(|g| g.iku.is_empty()) {
            problems.set(vec![("table".into(), RenstraProblem::Empty)]);
            browser::focus_and_show("renstra-table-input");
            return;
        }
        let (Some(s), Some(e)) = (year(&start.get_untracked()), year(&end.get_untracked())) else {
            problems.set(vec![("end".into(), RenstraProblem::NotFiveYears { years: 0 })]);
            browser::focus_and_show("renstra-end");
            return;
        };
        let draft = Renstra {
            end: e,
            current: Version {
                decree: Decree {
                    number: number.get_untracked().trim().into(),
                    date: date.get_untracked().trim().into(),
                },
                goals,
            },
            ..Renstra::new(office.get_untracked().trim(), s)
        };
        match doc.change(Msg::RenstraTitle, None, |ws| renstra::put(&mut ws.renstra, draft)) {
            Ok(how) => {
                problems.set(Vec::new());
                pasted.set(None);
                table.set(String::new());
                let msg = if how == Put::Revised { Msg::RenstraRevisedNote } else { Msg::RenstraSaved };
                notices.notify(NoticeKind::Success, i18n.t_now(msg).to_string());
            }
            Err(found) => {
                let first = field_of(&found[0].0);
                problems.set(found);
                browser::focus_and_show(first);
            }
        }
    };
    // The message of the field `field` (its problems), if any.
    let at = move |field: &'static str| {
        move || {
            let lang = i18n.lang.get();
            problems.with(|ps| {
                let texts: Vec<String> = ps
                    .iter()
                    .filter(|(p, _)| field_of(p) == field)
                    .map(|(_, k)| renstra_problem(k, lang))
                    .collect();
                (!texts.is_empty()).then(|| texts.join(" "))
            })
        }
    };
    let invalid = move |field: &'static str| move || at(field)().map(|_| "true");
    let field = move |id: &'static str, label: Msg, value: RwSignal<String>, kind: &'static str| {
        let msg_id = format!("{id}-msg");
        view! {
            <div class="field">
                <label for=id>{move || i18n.t(label)}</label>
                <input type=kind id=id prop:value=move || value.get() aria-invalid=invalid(id)
                    aria-describedby=msg_id.clone()
                    on:input=move |e| { value.set(event_target_value(&e)); problems.set(Vec::new()); }/>
                <p class="issue" id=msg_id role="alert">{at(id)}</p>
            </div>
        }
    };
    let preview = move || {
        let lang = i18n.lang.get();
        pasted.with(|p| {
            let p = p.as_ref()?;
            let summary = fill(
                Msg::RenstraPreview.text(lang),
                &[("n", &p.iku_count().to_string()), ("goals", &p.goals.len().to_string())],
            );
            let rows = p
                .goals
                .iter()
                .flat_map(|g| g.iku.iter().map(move |k| (g.text.clone(), k.clone())))
                .map(|(g, k)| {
                    let years = k
                        .targets
                        .iter()
                        .map(|t| format!("{}: {}", t.year, t.target.display(lang)))
                        .collect::<Vec<_>>()
                        .join("; ");
                    view! { <tr><td>{g}</td><th scope="row">{k.text.clone()}</th><td>{k.unit.clone()}</td><td>{years}</td><td>{k.end_target.display(lang)}</td></tr> }
                })
                .collect_view();
            let lines = p
                .not_understood()
                .map(|s| {
                    let text = fill(
                        Msg::RenstraLine.text(lang),
                        &[("line", &s.line.to_string()), ("reason", &skip_reason(s.reason, lang))],
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            Some(view! {
                <section id="renstra-preview" aria-labelledby="renstra-preview-title">
                    <h3 id="renstra-preview-title">{summary}</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="renstra-preview-title">
                        <table>
                            <thead><tr>
                                <th scope="col">{Msg::RenstraColGoal.text(lang)}</th>
                                <th scope="col">{Msg::RenstraColIku.text(lang)}</th>
                                <th scope="col">{Msg::RenstraUnit.text(lang)}</th>
                                <th scope="col">{Msg::ColTarget.text(lang)}</th>
                                <th scope="col">{Msg::RenstraEndTarget.text(lang)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <ul class="skipped">{lines}</ul>
                </section>
            })
        })
    };
    // Problems inside the table (an IKU without a unit, a year outside the period), named by place.
    let table_problems = move || {
        let lang = i18n.lang.get();
        problems.with(|ps| {
            ps.iter()
                .filter(|(p, _)| field_of(p) == "renstra-table-input")
                .map(|(p, k)| {
                    let place =
                        if p == "table" { String::new() } else { format!("{}: ", path_words(p, &[], lang)) };
                    let text = if p == "table" {
                        Msg::RenstraNothing.text(lang).to_string()
                    } else {
                        renstra_problem(k, lang)
                    };
                    view! { <li>{place}{text}</li> }
                })
                .collect_view()
        })
    };
    let any_problem = move || problems.with(|p| !p.is_empty());
    view! {
        <form class="renstra-form" id="renstra-form" on:submit=save aria-labelledby="renstra-form-title">
            <h2 id="renstra-form-title">{move || i18n.t(Msg::RenstraFormTitle)}</h2>
            <p>{move || i18n.t(Msg::RenstraFormHint)}</p>
            {field("renstra-office", Msg::Office, office, "text")}
            <div class="field-row">
                {field("renstra-start", Msg::RenstraStart, start, "number")}
                {field("renstra-end", Msg::RenstraEnd, end, "number")}
            </div>
            <div class="field-row">
                {field("renstra-number", Msg::RenstraDecreeNumber, number, "text")}
                {field("renstra-date", Msg::RenstraDecreeDate, date, "date")}
            </div>
            <div class="field">
                <label for="renstra-table-input">{move || i18n.t(Msg::RenstraPaste)}</label>
                <textarea id="renstra-table-input" rows="6" prop:value=move || table.get()
                    aria-invalid=invalid("renstra-table-input") aria-describedby="renstra-table-input-msg"
                    on:input=move |e| { table.set(event_target_value(&e)); problems.set(Vec::new()); }></textarea>
                <ul class="issue" id="renstra-table-input-msg" role="alert">{table_problems}</ul>
            </div>
            <p class="toolbar">
                <button type="button" id="renstra-read" on:click=move |_| read()>{move || i18n.t(Msg::RenstraRead)}</button>
                <button type="submit" id="renstra-save" class="primary">{move || i18n.t(Msg::RenstraSave)}</button>
            </p>
            <Show when=any_problem>
                <p class="issue" id="renstra-fix">{move || i18n.t(Msg::RenstraFix)}</p>
            </Show>
            {preview}
        </form>
    }
}

/// The form field a problem's place belongs to.
fn field_of(place: &str) -> &'static str {
    match place {
        "office" => "renstra-office",
        "start" => "renstra-start",
        "end" => "renstra-end",
        p if p.ends_with("decree.date") => "renstra-date",
        p if p.ends_with("decree.number") => "renstra-number",
        _ => "renstra-table-input",
    }
}
