//! The serverless share link: a bundle, compressed and encoded into a URL **fragment**
//! (`#sayso=v1.<data>`), which browsers never send to a server.
//!
//! `<data>` is the compact JSON of [`w3c::export_bundle`], compressed with zlib (deflate with an
//! Adler-32 checksum, so a damaged link is detected) and encoded as base64url without padding
//! (RFC 4648 §5). Links longer than [`MAX_FRAGMENT_BYTES`] are refused on both sides: the UI
//! offers a bundle file instead. Decoding never trusts the link: its length is checked first, its
//! alphabet and length next, and inflation stops at [`MAX_INFLATED_BYTES`] (a decompression bomb
//! guard) before the JSON is imported like any file.
//!
//! ```
//! use sayso::model::{share, Document};
//! let doc = Document::new("Title\nBody with “a quote”.", None, 1.0);
//! let fragment = share::encode_fragment(&doc).unwrap();
//! assert!(fragment.starts_with("#sayso=v1."));
//! let opened = share::open_fragment(&fragment, 2.0).unwrap();
//! assert_eq!(opened.document, doc);
//! let cut = &fragment[..fragment.len() - 7];
//! assert!(share::open_fragment(cut, 2.0).unwrap_err().to_string().contains("incomplete"));
//! ```

use crate::model::import::{import, ImportError, ImportKind, ImportOutcome};
use crate::model::{w3c, Document, Millis};

/// What starts the fragment (after `#`).
pub const KEY: &str = "sayso=";
/// The version of the link format this build writes and reads.
pub const VERSION: &str = "v1";
/// Longest fragment made or opened: 32 KB.
pub const MAX_FRAGMENT_BYTES: usize = 32 * 1024;
/// Largest content a link may inflate to: 8 MB.
pub const MAX_INFLATED_BYTES: usize = 8 * 1024 * 1024;

/// Why a share link could not be made or opened. Messages are shown to the user as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The document is too large for a link.
    #[error("this article and its annotations need a {kb} KB link, over the {limit} KB a link can carry: export a bundle file and send that instead", limit = MAX_FRAGMENT_BYTES / 1024)]
    TooLarge {
        /// Size the link would have, in KB.
        kb: usize,
    },
    /// No `#sayso=` in what was given.
    #[error("the link holds no sayso share (no #sayso= in its fragment)")]
    NotShare,
    /// Another version of the link format.
    #[error("the share link is of an unknown version ({found}); this version of sayso opens {VERSION} links")]
    WrongVersion {
        /// The version found.
        found: String,
    },
    /// Characters or structure a link never has.
    #[error("the share link is damaged: {0}")]
    Malformed(String),
    /// Cut short (commonly by copying part of it).
    #[error("the share link is incomplete: it was cut short when copied; ask for the whole link")]
    Truncated,
    /// Longer than [`MAX_FRAGMENT_BYTES`].
    #[error("the share link is {kb} KB, over the {limit} KB sayso opens: ask for a bundle file instead", limit = MAX_FRAGMENT_BYTES / 1024)]
    Oversized {
        /// Its size in KB.
        kb: usize,
    },
    /// Inflates past [`MAX_INFLATED_BYTES`].
    #[error("the share link unpacks to more than {limit} MB: refused", limit = MAX_INFLATED_BYTES / (1024 * 1024))]
    Bomb,
    /// Decoded, but its content is not a sayso bundle.
    #[error("the share link's content could not be opened: {0}")]
    Content(#[source] ImportError),
}

/// The fragment (`#sayso=v1.…`) that carries `doc` and its annotations; [`ShareError::TooLarge`]
/// when it would exceed [`MAX_FRAGMENT_BYTES`].
pub fn encode_fragment(doc: &Document) -> Result<String, ShareError> {
    let json = w3c::export_bundle(doc).to_string();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    let fragment = format!("#{KEY}{VERSION}.{}", base64url_encode(&packed));
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLarge {
            kb: fragment.len().div_ceil(1024),
        });
    }
    Ok(fragment)
}

/// The bundle JSON carried by a fragment. Accepts the fragment with or without `#`, or a whole
/// URL.
pub fn decode_fragment(fragment: &str) -> Result<String, ShareError> {
    let fragment = fragment.trim();
    if fragment.len() > MAX_FRAGMENT_BYTES + 4096 {
        return Err(ShareError::Oversized {
            kb: fragment.len().div_ceil(1024),
        });
    }
    let after_hash = fragment.rsplit_once('#').map_or(fragment, |(_, f)| f);
    let rest = after_hash.strip_prefix(KEY).ok_or(ShareError::NotShare)?;
    if rest.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::Oversized {
            kb: rest.len().div_ceil(1024),
        });
    }
    let Some((version, data)) = rest.split_once('.') else {
        return Err(if rest.starts_with('v') && rest.len() <= 4 {
            ShareError::Truncated
        } else {
            ShareError::WrongVersion {
                found: rest.chars().take(8).collect(),
            }
        });
    };
    if version != VERSION {
        return Err(ShareError::WrongVersion {
            found: version.chars().take(8).collect(),
        });
    }
    if data.is_empty() {
        return Err(ShareError::Truncated);
    }
    let packed = base64url_decode(data)?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_INFLATED_BYTES)
            .map_err(|e| {
                use miniz_oxide::inflate::TINFLStatus;
                match e.status {
                    TINFLStatus::HasMoreOutput => ShareError::Bomb,
                    TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                        ShareError::Truncated
                    }
                    TINFLStatus::Adler32Mismatch => {
                        ShareError::Malformed("its checksum does not match its content".to_owned())
                    }
                    _ => ShareError::Malformed("its compressed data is invalid".to_owned()),
                }
            })?;
    String::from_utf8(bytes)
        .map_err(|_| ShareError::Malformed("its content is not UTF-8 text".to_owned()))
}

/// Opens a share link as a new document (the UI asks before replacing anything).
pub fn open_fragment(fragment: &str, now: Millis) -> Result<ImportOutcome, ShareError> {
    let json = decode_fragment(fragment)?;
    let outcome = import(&json, None, now).map_err(ShareError::Content)?;
    if outcome.kind != ImportKind::Bundle {
        return Err(ShareError::Content(ImportError::NoDocument));
    }
    Ok(outcome)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url (RFC 4648 §5) without padding.
///
/// ```
/// use sayso::model::share::{base64url_decode, base64url_encode};
/// assert_eq!(base64url_encode(b"\xfb\xff?"), "-_8_");
/// assert_eq!(base64url_encode(b"sayso"), "c2F5c28");
/// assert_eq!(base64url_decode("c2F5c28").unwrap(), b"sayso");
/// ```
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            let six = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[six as usize]));
        }
    }
    out
}

/// Decodes base64url without padding (a trailing `=` padding is tolerated).
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (i, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => {
                let shown = text.get(i..).and_then(|s| s.chars().next()).unwrap_or('?');
                return Err(ShareError::Malformed(format!(
                    "it contains {shown:?} at position {}, which a link never has",
                    i + 1
                )));
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, without padding.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(
                base64url_encode(plain.as_bytes()),
                coded,
                "encode {plain:?}"
            );
            assert_eq!(
                base64url_decode(coded).unwrap(),
                plain.as_bytes(),
                "decode {coded:?}"
            );
        }
    }

    #[test]
    fn base64url_round_trips_every_length_and_byte() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            let coded = base64url_encode(&bytes[..len]);
            assert!(!coded.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&coded).unwrap(), &bytes[..len]);
        }
    }
}
