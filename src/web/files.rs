//! Reading files the user opens or drops, through `gloo-file`.

use crate::model::input::{check_file, text_from_file, InputError};

/// A file read into an article text, with its name.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedFile {
    /// The file's name.
    pub name: String,
    /// The article text, normalised (HTML already turned into text).
    pub text: String,
}

/// Checks and reads one file. The type and size are checked before any byte is read.
pub async fn read_text_file(file: web_sys::File) -> Result<OpenedFile, InputError> {
    let file = gloo::file::File::from(file);
    let name = file.name();
    check_file(&name, &file.raw_mime_type(), file.size())?;
    let bytes = gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| InputError::Unreadable {
            name: name.clone(),
            reason: e.to_string(),
        })?;
    let text = text_from_file(&name, &file.raw_mime_type(), &bytes)?;
    Ok(OpenedFile { name, text })
}

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
