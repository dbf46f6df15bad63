//! The dataset's strings: bounded in length while parsing, and shared when short.

use arcstr::ArcStr;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;

/// The longest string value a dataset may hold, in bytes. A press release's longest
/// paragraph is a few kilobytes; anything far beyond is a mistake or an attack.
pub(crate) const MAX_TEXT_BYTES: usize = 64 * 1024;

/// A string from the dataset, refused while parsing when longer than [`MAX_TEXT_BYTES`],
/// so an oversized scalar is reported at its line and column by the YAML parser itself.
/// Short values are shared while parsing (see [`intern`]): an id referred to from
/// thousands of records, a role or a language code is then held once. The handle is one
/// pointer, the length living with the text, since a large dataset holds millions of
/// handles and `Arc<str>`'s takes two words (BENCHMARKS.md measures the difference).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(ArcStr);

/// The longest value [`Text`] shares with equal values parsed before it, in bytes.
const SHARED_TEXT_BYTES: usize = 48;
/// How many values each parsing thread remembers for sharing before starting afresh.
const SHARED_TEXT_VALUES: usize = 1 << 16;

// A fixed-seed fast hash: the values are the dataset's own, and SipHash's resistance to
// chosen keys buys nothing here but time, since a worst case only slows one file's parse.
thread_local! {
    static SHARED: RefCell<HashSet<ArcStr, foldhash::fast::FixedState>> =
        RefCell::new(HashSet::default());
}

/// `value` as a [`Text`], shared with an equal short value this thread parsed before.
fn intern(value: &str) -> Text {
    if value.len() > SHARED_TEXT_BYTES {
        return Text(ArcStr::from(value));
    }
    SHARED.with(|shared| {
        let mut shared = shared.borrow_mut();
        if let Some(text) = shared.get(value) {
            return Text(text.clone());
        }
        if shared.len() >= SHARED_TEXT_VALUES {
            shared.clear();
        }
        let text = ArcStr::from(value);
        shared.insert(text.clone());
        Text(text)
    })
}

/// Forgets the values the calling thread remembered for sharing: call on every thread
/// that parsed, once a dataset is parsed.
pub(crate) fn forget_shared_text() {
    SHARED.with(|shared| *shared.borrow_mut() = HashSet::default());
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, formatter)
    }
}

impl From<&str> for Text {
    fn from(value: &str) -> Self {
        Text(ArcStr::from(value))
    }
}

impl From<String> for Text {
    fn from(value: String) -> Self {
        Text(ArcStr::from(value))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl serde::de::Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Text, E> {
                if value.len() > MAX_TEXT_BYTES {
                    return Err(E::custom(format!(
                        "text of {} bytes is longer than the limit of {} bytes",
                        value.len(),
                        MAX_TEXT_BYTES
                    )));
                }
                Ok(intern(value))
            }
        }
        deserializer.deserialize_string(TextVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records hold millions of texts: each handle, present or not, is one pointer.
    #[test]
    fn a_text_handle_is_one_pointer_wide() {
        assert_eq!(size_of::<Text>(), size_of::<usize>());
        assert_eq!(size_of::<Option<Text>>(), size_of::<usize>());
    }

    /// Short values parsed twice share one allocation; long ones do not.
    #[test]
    fn short_values_are_shared_and_long_ones_kept_apart() {
        forget_shared_text();
        let (first, second) = (intern("signatory"), intern("signatory"));
        assert!(ArcStr::ptr_eq(&first.0, &second.0));
        let long = "x".repeat(SHARED_TEXT_BYTES + 1);
        let (first, second) = (intern(&long), intern(&long));
        assert_eq!(first, second);
        assert!(!ArcStr::ptr_eq(&first.0, &second.0));
        forget_shared_text();
    }
}
