//! Export (W3C annotations, bundle, CSV), import, and share links.

use crate::model::annotation::Anchor;
use crate::model::{csv, import, share, w3c, Document};
use crate::state::Action;
use crate::web::exchange::{copy, download, page_url};
use crate::web::files::files_of;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ExchangePanel`].
#[derive(Properties, PartialEq)]
pub struct ExchangeProps {
    /// The open document.
    pub doc: super::Shared<Document>,
    /// Dispatches actions (imports, messages).
    pub on_action: Callback<Action>,
}

/// Export, import and share buttons, and the orphans of the last imports.
#[component]
pub fn ExchangePanel(props: &ExchangeProps) -> Html {
    let share_link = use_state(|| None::<String>);
    let report = |act: &Callback<Action>, result: Result<(), String>| {
        if let Err(message) = result {
            act.emit(Action::Rejected(message));
        }
    };
    let export = |bundle: bool| {
        let (doc, act) = (props.doc.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let value = if bundle {
                w3c::export_bundle(&doc)
            } else {
                w3c::export_collection(&doc)
            };
            let what = if bundle {
                "bundle.jsonld"
            } else {
                "annotations.jsonld"
            };
            report(
                &act,
                download(
                    &w3c::file_name(&doc, what),
                    "application/ld+json",
                    &w3c::to_pretty(&value),
                ),
            );
        })
    };
    let copy_json = {
        let doc = props.doc.clone();
        Callback::from(move |_: MouseEvent| copy(&w3c::to_pretty(&w3c::export_collection(&doc))))
    };
    let export_csv = |which: usize| {
        let (doc, act) = (props.doc.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((name, content)) = csv::tables(&doc).into_iter().nth(which) {
                report(&act, download(&name, "text/csv;charset=utf-8", &content));
            }
        })
    };
    let on_share = {
        let (doc, act, share_link) = (
            props.doc.clone(),
            props.on_action.clone(),
            share_link.clone(),
        );
        Callback::from(move |_: MouseEvent| match share::encode_fragment(&doc) {
            Ok(fragment) => {
                let link = format!("{}{fragment}", page_url());
                copy(&link);
                share_link.set(Some(link));
            }
            Err(err) => {
                share_link.set(None);
                act.emit(Action::Rejected(err.to_string()));
                let bundle = w3c::to_pretty(&w3c::export_bundle(&doc));
                report(
                    &act,
                    download(
                        &w3c::file_name(&doc, "bundle.jsonld"),
                        "application/ld+json",
                        &bundle,
                    ),
                );
            }
        })
    };
    let on_import = {
        let (doc, act) = (props.doc.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            for file in files_of(input.files()) {
                let (doc, act) = (doc.clone(), act.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    act.emit(read_and_import(file, &doc).await);
                });
            }
            input.set_value("");
        })
    };
    let orphans: Vec<_> = props
        .doc
        .annotations
        .iter()
        .filter(|a| a.anchor == Anchor::Orphan)
        .collect();
    html! {
        <section class="panel exchange" aria-label="Export and import">
            <h2 class="panel-title">{ "Export · import · share" }</h2>
            <div class="button-grid">
                <button class="button small" data-testid="export" onclick={export(false)}
                        title="W3C Web Annotation JSON-LD">{ "Export annotations" }</button>
                <button class="button small" data-testid="export-bundle" onclick={export(true)}
                        title="Annotations and the article text">{ "Export bundle" }</button>
                <button class="button small ghost" data-testid="copy-json" onclick={copy_json}>{ "Copy JSON" }</button>
                <button class="button small" data-testid="export-csv" onclick={export_csv(0)}>{ "Quotes CSV" }</button>
                <button class="button small" data-testid="export-csv-figures" onclick={export_csv(1)}>{ "Figures CSV" }</button>
                <button class="button small" data-testid="export-csv-speakers" onclick={export_csv(2)}>{ "Speakers CSV" }</button>
                <label class="button small">
                    { "Import…" }
                    <input type="file" class="visually-hidden" data-testid="import" accept=".json,.jsonld,application/json,application/ld+json"
                           onchange={on_import} />
                </label>
                <button class="button small primary" data-testid="share" onclick={on_share}>{ "Copy share link" }</button>
            </div>
            if let Some(link) = &*share_link {
                <label class="field">{ "Share link (copied; the article travels in the link, not to any server)" }
                    <input type="text" readonly=true data-testid="share-link" value={link.clone()} />
                </label>
            }
            if !orphans.is_empty() {
                <div class="orphans" data-testid="orphans">
                    <h3 class="panel-title">{ format!("Not found in this text ({})", orphans.len()) }</h3>
                    <ul>{ for orphans.iter().map(|a| html! {
                        <li key={a.id.clone()}>{ format!("{} “{}”", a.kind.as_str(), crate::components::short(&a.exact)) }</li>
                    }) }</ul>
                </div>
            }
        </section>
    }
}

/// Reads an import file and turns it into the action to dispatch: the import, or why not.
async fn read_and_import(file: web_sys::File, doc: &Document) -> Action {
    let name = file.name();
    let size = file.size() as u64;
    if size > import::MAX_IMPORT_BYTES as u64 {
        return Action::Rejected(format!(
            "file '{name}' is {}: too large to import (sayso imports files up to 20 MB)",
            crate::model::input::human_size(size)
        ));
    }
    let bytes = match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
        Ok(bytes) => bytes,
        Err(err) => return Action::Rejected(format!("file '{name}' could not be read: {err}")),
    };
    let Ok(json) = String::from_utf8(bytes) else {
        return Action::Rejected(format!(
            "file '{name}' is not UTF-8 text: sayso imports W3C Web Annotation JSON files"
        ));
    };
    match import::import(&json, Some(doc), crate::web::now()) {
        Ok(outcome) => Action::ApplyImport {
            summary: format!("Imported '{name}': {}", outcome.summary()),
            document: Box::new(outcome.document),
            now: crate::web::now(),
        },
        Err(err) => Action::Rejected(format!(
            "could not import '{name}': {err}; nothing was changed"
        )),
    }
}
